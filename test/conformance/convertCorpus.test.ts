/**
 * Conversions of the real-world corpus (../shared/corpus): every workload converts to each other
 * kind without new errors, keeps its comments, and a round trip loses only what was reported.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkloadKind } from '../../server/src/core/parse/parseFile';
import { KINDS, convertText, countComments, errorsOf, unreportedLosses } from '../unit/convert/fixtureSupport';
import { sharedPath } from '../support/shared';

const CORPUS = sharedPath('corpus');

/** Workload documents of the corpus, one file text per document so each converts alone. */
function corpusWorkloads(): { name: string; text: string; kind: string }[] {
  const out: { name: string; text: string; kind: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        const kind = /^kind:\s*(Deployment|StatefulSet|DaemonSet|ReplicaSet)\s*$/m.exec(text)?.[1];
        if (kind && !text.includes('{{') && !errorsOf(text).some((e) => e.startsWith('yaml-syntax'))) out.push({ name: path.relative(CORPUS, full), text, kind });
      }
    }
  };
  if (fs.existsSync(CORPUS)) walk(CORPUS);
  return out;
}

describe('conversion safety on the corpus', () => {
  const corpus = corpusWorkloads();
  test('every corpus workload converts to each other kind without errors and keeps its comments', (t) => {
    assert.ok(corpus.length > 20, `found ${corpus.length} corpus workloads`);
    const failures: string[] = [];
    let conversions = 0;
    for (const { name, text, kind } of corpus) {
      const before = errorsOf(text).length;
      for (const target of KINDS.filter((k) => k !== kind)) {
        let out;
        try {
          out = convertText(text, target);
        } catch (error) {
          failures.push(`${name} → ${target}: ${String(error)}`);
          continue;
        }
        conversions++;
        // A name the target kind cannot carry is reported for the user to change, not renamed.
        const renameNoted = out.notes.some((n) => n.startsWith('Rename the workload'));
        const errors = errorsOf(out.text).filter((e) => !(renameNoted && e.startsWith('invalid-name line')));
        if (errors.length > before) failures.push(`${name} → ${target}: ${errors.join('; ')}`);
        const removed = out.offsetEdits.reduce((n, e) => n + countComments(text.slice(e.start, e.end)) - countComments(e.text), 0);
        if (countComments(out.text) < countComments(text) - Math.max(0, removed)) failures.push(`${name} → ${target}: lost comments`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(conversions >= corpus.length * 3);
    t.diagnostic(`${corpus.length} corpus workloads, ${conversions} conversions`);
  });

  test('corpus round trips lose only what was reported as dropped', () => {
    const failures: string[] = [];
    for (const { name, text, kind } of corpus) {
      for (const target of KINDS.filter((k) => k !== kind)) {
        for (const line of unreportedLosses(text, kind as WorkloadKind, target)) failures.push(`${name} → ${target} → back: ${line}`);
      }
    }
    assert.deepEqual(failures, []);
  });

});
