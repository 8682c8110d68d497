/**
 * Suppressing findings where the user asked us to:
 *
 *     # kube-workloads-disable-next-line latest-tag, no-liveness-probe
 *     image: nginx:latest
 *
 *     metadata:
 *       annotations:
 *         kube-workloads.io/ignore: "host-network"      # this object only ("*" for every rule)
 *
 *     # kube-workloads-disable-file cpu-limits           # anywhere in the file (no ids: every rule)
 */
import type { ParsedDocument } from '../parse/parseFile';
import { nodeAtPath } from '../parse/navigate';
import { isScalar } from 'yaml';

export const IGNORE_ANNOTATION = 'kube-workloads.io/ignore';

/** A set of rule ids, or 'all'. */
export type RuleSet = ReadonlySet<string> | 'all';

export interface DocumentSuppressions {
  /** Relative line number (0-based, within the segment) → rules silenced on that line. */
  readonly lines: ReadonlyMap<number, RuleSet>;
  /** Rules silenced for the whole object by the annotation. */
  readonly object: RuleSet | undefined;
  /** Rules silenced for the whole file by a disable-file comment in this document. */
  readonly file: RuleSet | undefined;
}

const NEXT_LINE = /#\s*kube-workloads-disable-next-line\b([^\n]*)/g;
const FILE = /#\s*kube-workloads-disable-file\b([^\n]*)/g;

export function documentSuppressions(doc: ParsedDocument): DocumentSuppressions {
  const cached = doc.lasting.get('suppressions') as DocumentSuppressions | undefined;
  if (cached) return cached;
  const text = doc.text;
  const lines = new Map<number, RuleSet>();
  if (text.includes('kube-workloads-disable-next-line')) {
    for (const m of text.matchAll(NEXT_LINE)) lines.set(lineOf(text, m.index) + 1, parseIds(m[1]));
  }
  let file: RuleSet | undefined;
  if (text.includes('kube-workloads-disable-file')) {
    for (const m of text.matchAll(FILE)) file = union(file, parseIds(m[1]));
  }
  const result: DocumentSuppressions = { lines, object: objectSuppression(doc), file };
  doc.lasting.set('suppressions', result);
  return result;
}

function objectSuppression(doc: ParsedDocument): RuleSet | undefined {
  const node = nodeAtPath(doc, ['metadata', 'annotations', IGNORE_ANNOTATION]);
  return isScalar(node) && typeof node.value === 'string' ? parseIds(node.value) : undefined;
}

function parseIds(list: string | undefined): RuleSet {
  const ids = (list ?? '')
    .replace(/\s+--.*$/, '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || ids.includes('*') || ids.includes('all')) return 'all';
  return new Set(ids);
}

function union(a: RuleSet | undefined, b: RuleSet): RuleSet {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...(a ?? []), ...b]);
}

export function lineOf(text: string, offset: number): number {
  let line = 0;
  let i = text.indexOf('\n');
  while (i >= 0 && i < offset) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}

function has(set: RuleSet | undefined, id: string): boolean {
  return set === 'all' || (set !== undefined && set.has(id));
}

export function isSuppressed(
  ruleId: string,
  doc: ParsedDocument,
  start: number,
  fileWide: RuleSet | undefined,
): boolean {
  if (has(fileWide, ruleId)) return true;
  const s = documentSuppressions(doc);
  if (has(s.object, ruleId)) return true;
  return s.lines.size > 0 && has(s.lines.get(lineOf(doc.text, start)), ruleId);
}
