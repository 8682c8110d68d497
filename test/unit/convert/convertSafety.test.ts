import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose } from '../../support/annotations';
import { lines } from '../../support/text';
import type { WorkloadKind } from '../../../server/src/core/parse/parseFile';
import { KINDS, convertText, countComments, fixtureDirs, kindOfSlug, readFixture } from './fixtureSupport';

const CORPUS = '/work/shared/corpus';
/** Keys every workload has; a report naming them would excuse any line. */
const STRUCTURAL = new Set(['spec', 'metadata', 'template', 'name', 'labels', 'containers']);

function errorsOf(text: string): string[] {
  return diagnose(text)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${String(d.code)} line ${d.range.start.line + 1}: ${d.message}`);
}

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

describe('conversion safety', () => {
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

  test('converting and converting back loses only what was reported as dropped', () => {
    for (const dir of fixtureDirs()) {
      const [from, to] = dir.split('-to-') as [string, string];
      const input = readFixture(dir, 'input.yaml')!.replace(/\r\n/g, '\n');
      assert.deepEqual(unreportedLosses(input, kindOfSlug(from), kindOfSlug(to)), [], dir);
    }
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

  test('generated workloads of every kind convert to each other kind without errors', () => {
    for (const kind of KINDS) {
      for (const flow of [false, true]) {
        const text = generated(kind, flow);
        for (const target of KINDS.filter((k) => k !== kind)) {
          const out = convertText(text, target, 2);
          assert.deepEqual(errorsOf(out.text), [], `${kind}${flow ? ' (flow)' : ''} → ${target}\n${out.text}`);
        }
      }
    }
  });

  test('a DaemonSet converted to a Deployment gets the replica count the user chose', () => {
    const out = convertText(generated('DaemonSet', false), 'Deployment', 4);
    assert.match(out.text, /^spec:\n {2}replicas: 4\n/m);
  });
});

/** A small workload of a kind, with each kind's own fields, in block or flow style. */
function generated(kind: string, flow: boolean): string {
  const extra: Record<string, string[]> = {
    Deployment: ['  replicas: 2', '  strategy: {type: Recreate}', '  paused: false'],
    StatefulSet: ['  replicas: 2', '  serviceName: g', '  updateStrategy: {type: OnDelete}', '  podManagementPolicy: OrderedReady'],
    DaemonSet: ['  updateStrategy:', '    type: RollingUpdate', '    rollingUpdate: {maxUnavailable: 1}'],
    ReplicaSet: ['  replicas: 2'],
  };
  const selector = flow ? ['  selector: {matchLabels: {app: g}}'] : ['  selector:', '    matchLabels:', '      app: g'];
  return lines(
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata: {name: g}',
    'spec:',
    ...extra[kind]!,
    ...selector,
    '  template:',
    '    metadata: {labels: {app: g}}',
    '    spec:',
    '      containers:',
    '        - {name: g, image: "busybox:1.36"}',
  );
}

/** Lines of the input missing after a round trip whose keys (or enclosing keys) no message names. */
function unreportedLosses(input: string, from: WorkloadKind, to: WorkloadKind): string[] {
  const there = convertText(input, to);
  const back = convertText(there.text, from);
  const kept = new Set(back.text.split('\n').map((l) => l.trim()));
  const reported = [...there.dropped, ...there.notes, ...back.dropped, ...back.notes].join('\n');
  const stack: { indent: number; key: string }[] = [];
  const lost: string[] = [];
  for (const line of input.split('\n')) {
    const indent = /^[ -]*/.exec(line)![0].length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const keys = [...line.matchAll(/([\w./-]+):/g)].map((m) => m[1]!);
    const owners = [...stack.map((s) => s.key), ...keys].filter((k) => !STRUCTURAL.has(k));
    if (keys[0] && !line.trim().startsWith('#')) stack.push({ indent, key: keys[0] });
    if (!line.trim() || kept.has(line.trim()) || keys.length === 0) continue;
    if (!owners.some((k) => reported.includes(k))) lost.push(line.trim());
  }
  return lost;
}
