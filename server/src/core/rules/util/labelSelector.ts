/**
 * Label selectors evaluated against a set of labels (metav1.LabelSelectorAsSelector semantics):
 * every matchLabels pair and every matchExpressions requirement must hold.
 */
import type { ParsedDocument } from '../../parse/parseFile';
import { asSeq, child, isTemplated, mapItems, stringAt, stringMap } from './nodes';
import { jsonValue } from './nodes';

export interface Requirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

export interface Selector {
  readonly matchLabels: ReadonlyMap<string, string>;
  readonly expressions: readonly Requirement[];
}

/** Reads a LabelSelector node; undefined when any part is templated or not readable. */
export function readSelector(doc: ParsedDocument, node: unknown): Selector | undefined {
  if (!node || isTemplated(doc, node)) return undefined;
  const matchLabels = child(node, 'matchLabels') ? stringMap(doc, child(node, 'matchLabels')) : new Map<string, string>();
  if (!matchLabels) return undefined;
  const expressions: Requirement[] = [];
  for (const { map } of mapItems(child(node, 'matchExpressions'))) {
    const key = stringAt(doc, map, 'key');
    const operator = stringAt(doc, map, 'operator');
    if (key === undefined || operator === undefined) return undefined;
    const values = (asSeq(child(map, 'values'))?.items ?? []).map((v) => String(jsonValue(v) ?? ''));
    expressions.push({ key, operator, values });
  }
  return { matchLabels, expressions };
}

export function isEmptySelector(s: Selector): boolean {
  return s.matchLabels.size === 0 && s.expressions.length === 0;
}

function holds(r: Requirement, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(r.key);
  switch (r.operator) {
    case 'In': return value !== undefined && r.values.includes(value);
    case 'NotIn': return value === undefined || !r.values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    default: return true; // An invalid operator is reported elsewhere; do not add a second error.
  }
}

/** The parts of the selector the labels fail, in words ("app=web", "tier in (a, b)"); empty when it matches. */
export function unmatched(s: Selector, labels: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of s.matchLabels) if (labels.get(k) !== v) out.push(`${k}=${v}`);
  for (const r of s.expressions) {
    if (holds(r, labels)) continue;
    out.push(r.values.length ? `${r.key} ${r.operator} (${r.values.join(', ')})` : `${r.key} ${r.operator}`);
  }
  return out;
}

/** True when the selector selects the labels. */
export function matches(s: Selector, labels: ReadonlyMap<string, string>): boolean {
  return unmatched(s, labels).length === 0;
}
