/**
 * The conversion and fix properties (test/support/conversionProperties.ts, fixProperties.ts)
 * on all 12 pairs × every layout of layouts.ts, and every quick-fix on each layout with each
 * fault injected.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConversion } from '../../support/conversionProperties';
import { checkFixAllTwice, checkFixes, findingKeys } from '../../support/fixProperties';
import { diagnose } from '../../support/annotations';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { KINDS } from './fixtureSupport';
import { FAULTS, LAYOUTS, layoutText } from './layouts';

describe('conversion properties on generated layouts', () => {
  test('every layout is a clean input: no Error before any conversion', () => {
    for (const layout of LAYOUTS) {
      for (const kind of KINDS) {
        const { text } = layoutText(kind, layout);
        const errors = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.deepEqual(errors.map((e) => `${String(e.code)}: ${e.message}`), [], `${kind}, ${layout.name}\n${text}`);
      }
    }
  });

  for (const layout of LAYOUTS) {
    test(`all 12 pairs hold every property: ${layout.name}`, () => {
      const failures: string[] = [];
      for (const from of KINDS) {
        const { text, docIndex } = layoutText(from, layout);
        for (const to of KINDS.filter((k) => k !== from)) {
          const check = checkConversion(text, docIndex, to);
          for (const f of check.failures) failures.push(`${f}\n${check.text}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});

describe('fix properties on generated layouts', () => {
  for (const layout of LAYOUTS) {
    test(`every quick-fix of every fault fixes its finding, adds no Error and is done once: ${layout.name}`, () => {
      const failures: string[] = [];
      let fixes = 0;
      for (const kind of KINDS) {
        const { text } = layoutText(kind, layout);
        // The clean layout's findings (best practice) are checked once; each fault, its own.
        const clean = findingKeys(text);
        for (const fault of [{ name: 'none', apply: (t: string) => t }, ...FAULTS]) {
          const broken = fault.apply(text);
          if (fault.name !== 'none' && broken === text) continue;
          const check = checkFixes(broken, fault.name === 'none' ? new Set() : clean);
          fixes += check.fixes;
          for (const f of check.failures) failures.push(`${kind}, ${fault.name}: ${f}`);
          if (kind === KINDS[LAYOUTS.indexOf(layout) % KINDS.length]) for (const f of checkFixAllTwice(broken)) failures.push(`${kind}, ${fault.name}: ${f}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(fixes > 40, `only ${fixes} fixes were checked`);
    });
  }
});
