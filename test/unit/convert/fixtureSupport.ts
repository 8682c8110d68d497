/**
 * Conversion fixtures: test/fixtures/convert/<from>-to-<to>/{input.yaml, expected.yaml,
 * dropped.txt}. `UPDATE_FIXTURES=1` rewrites expected files (review the diff before committing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile, type WorkloadKind } from '../../../server/src/core/parse/parseFile';
import { convertWorkload, type ConversionResult } from '../../../server/src/core/convert/convertWorkload';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyOffsetEdits } from '../../../server/src/core/edit/textEdits';
import { diagnose } from '../../support/annotations';

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

export const FIXTURES = path.join(findRoot(__dirname), 'test', 'fixtures', 'convert');
export const KINDS: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

export function kindOfSlug(slug: string): WorkloadKind {
  return KINDS.find((k) => k.toLowerCase() === slug)!;
}

export interface Converted extends ConversionResult {
  readonly text: string;
}

/** Converts the first workload document of a text and applies the edits. */
export function convertText(text: string, target: WorkloadKind, replicas?: number): Converted {
  const file = parseFile(TextDocument.create('file:///fixture.yaml', 'yaml', 1, text));
  const slot = file.docs.find((d) => d.parsed.isWorkload)!;
  const result = convertWorkload(file, slot.index, target, replicas === undefined ? {} : { replicas });
  return { ...result, text: applyOffsetEdits(text, result.offsetEdits) };
}

/** Number of `#` comments in a YAML text (comment starts: line start or after a space). */
export function countComments(text: string): number {
  return text.split('\n').filter((l) => /(^|\s)#/.test(l)).length;
}

export function readFixture(dir: string, name: string): string | undefined {
  const file = path.join(FIXTURES, dir, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export function writeFixture(dir: string, name: string, text: string): void {
  fs.writeFileSync(path.join(FIXTURES, dir, name), text);
}

export function fixtureDirs(): string[] {
  return fs.readdirSync(FIXTURES).filter((d) => /^[a-z]+-to-[a-z]+$/.test(d)).sort();
}

/** Keys every workload has; a report naming them would excuse any line. */
export const STRUCTURAL = new Set(['spec', 'metadata', 'template', 'name', 'labels', 'containers']);

export function errorsOf(text: string): string[] {
  return diagnose(text)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${String(d.code)} line ${d.range.start.line + 1}: ${d.message}`);
}

/** Lines of the input missing after a round trip whose keys (or enclosing keys) no message names. */
export function unreportedLosses(input: string, from: WorkloadKind, to: WorkloadKind): string[] {
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
