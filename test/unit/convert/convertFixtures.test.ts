import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose } from '../../support/annotations';
import { convertText, countComments, fixtureDirs, kindOfSlug, readFixture, writeFixture } from './fixtureSupport';

const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

describe('conversion fixtures', () => {
  const dirs = fixtureDirs();
  test('all 12 ordered pairs have a fixture', () => assert.equal(dirs.length, 12));
  for (const dir of dirs) {
    const [from, to] = dir.split('-to-') as [string, string];
    test(`${from} → ${to}`, () => {
      const input = readFixture(dir, 'input.yaml')!;
      const out = convertText(input, kindOfSlug(to));
      const dropped = out.dropped.map((d) => `- ${d}`).join('\n') + '\n';
      if (UPDATE) {
        writeFixture(dir, 'expected.yaml', out.text);
        writeFixture(dir, 'dropped.txt', dropped);
      }
      assert.equal(out.text, readFixture(dir, 'expected.yaml'));
      assert.equal(dropped, readFixture(dir, 'dropped.txt'));
      const errors = diagnose(out.text).filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((e) => `${String(e.code)}: ${e.message}`), [], 'the result has no errors from our rules');
      assert.ok(out.notes.some((n) => n.includes('cannot change kind')), 'notes say the object must be recreated');
      assert.ok(countComments(out.text) >= countComments(input) - droppedCommentCount(input, out), 'comments survive');
    });
  }
});

/** Comments that sat inside spans the conversion deleted (named in `dropped`). */
function droppedCommentCount(input: string, out: { offsetEdits: readonly { start: number; end: number; text: string }[] }): number {
  return out.offsetEdits.reduce((n, e) => n + countComments(input.slice(e.start, e.end)) - countComments(e.text), 0);
}
