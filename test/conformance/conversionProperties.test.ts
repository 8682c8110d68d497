/**
 * The conversion and fix properties (test/support/conversionProperties.ts, fixProperties.ts) on
 * real manifests: every workload document of the corpus, in its own file with the documents
 * around it, and every workload seed of ../shared/apiserver (accepted by the API server), to
 * each other kind; every quick-fix offered on those files.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkloadKind } from '../../server/src/core/parse/parseFile';
import { checkConversion, parseText } from '../support/conversionProperties';
import { checkFixes } from '../support/fixProperties';
import { sharedPath } from '../support/shared';
import { KINDS } from '../unit/convert/fixtureSupport';

function yamlFiles(dir: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name)) out.push({ name: path.relative(dir, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Files with at least one convertible workload: no templating, no YAML error in the document. */
function convertible(files: { name: string; text: string }[]): { name: string; text: string; docs: number[] }[] {
  return files.flatMap(({ name, text }) => {
    if (text.includes('{{')) return [];
    const file = parseText(text);
    const docs = file.docs.filter((s) => s.parsed.isWorkload && !s.parsed.problems.some((p) => p.severity === 'error')).map((s) => s.index);
    return docs.length ? [{ name, text, docs }] : [];
  });
}

const SOURCES = [
  { label: 'the corpus', files: () => convertible(yamlFiles(sharedPath('corpus'))) },
  { label: 'the API-server seeds', files: () => convertible(yamlFiles(sharedPath('apiserver', 'cases', 'seeds'))) },
];

describe('conversion and fix properties on real manifests', () => {
  for (const { label, files } of SOURCES) {
    test(`every workload of ${label} converts to each other kind with every property holding`, (t) => {
      const failures: string[] = [];
      let conversions = 0;
      const list = files();
      for (const { name, text, docs } of list) {
        const file = parseText(text);
        for (const index of docs) {
          const from = file.docs[index]!.parsed.kind as WorkloadKind;
          for (const to of KINDS.filter((k) => k !== from)) {
            conversions++;
            try {
              for (const f of checkConversion(text, index, to).failures) failures.push(`${name} #${index}: ${f}`);
            } catch (error) {
              failures.push(`${name} #${index} → ${to}: ${String(error)}`);
            }
          }
        }
      }
      t.diagnostic(`${list.length} files, ${conversions} conversions`);
      assert.ok(conversions > 60, `only ${conversions} conversions`);
      assert.deepEqual(failures, []);
    });

    test(`every quick-fix offered on ${label} fixes its finding, adds no Error and is done once`, (t) => {
      const failures: string[] = [];
      let fixes = 0;
      for (const { name, text } of files()) {
        const check = checkFixes(text);
        fixes += check.fixes;
        for (const f of check.failures) failures.push(`${name}: ${f}`);
      }
      t.diagnostic(`${fixes} fixes`);
      assert.deepEqual(failures, []);
    });
  }
});
