/**
 * Reading YAML nodes the way the API server will see them.
 *
 * kubectl turns YAML into JSON with a YAML 1.1 resolver (go-yaml v2 through sigs.k8s.io/yaml), so
 * a plain `yes` or `off` reaches the server as a boolean while our YAML 1.2 parser reads a string.
 * `jsonValue` gives the value the server decodes; the other helpers read maps and sequences and
 * ignore alias nodes and values a Helm template produces.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import { keyName } from '../../parse/navigate';
import { touchesTemplate } from '../../parse/helmTemplates';

export type JsonScalar = string | number | boolean | null;

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/** The JSON scalar kubectl sends for a scalar node; undefined for collections and aliases. */
export function jsonValue(node: unknown): JsonScalar | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    if (node.type === Scalar.PLAIN && YAML11_TRUE.has(v)) return true;
    if (node.type === Scalar.PLAIN && YAML11_FALSE.has(v)) return false;
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** True when the node's text overlaps a masked Helm action (its value is not known). */
export function isTemplated(doc: ParsedDocument, node: unknown): boolean {
  if (!doc.template) return false;
  const range = (node as Node | null | undefined)?.range;
  return !!range && touchesTemplate(doc.template, range[0], range[1]);
}

/** The pair for `key` in a map node (aliases and non-maps give undefined). */
export function pairIn(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  // Every rule looks keys up through here: an indexed loop, and String() only for keys that are
  // not strings (`80: x`), which keyName would give as "80".
  const items = map.items;
  for (let i = 0; i < items.length; i++) {
    const k = items[i]!.key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (v === key || (typeof v !== 'string' && v !== null && String(v) === key)) return items[i] as Pair<Node, Node | null>;
  }
  return undefined;
}

/** The value node for `key`, or undefined (also for aliases, which rules do not follow). */
export function child(map: unknown, key: string): Node | undefined {
  const value = pairIn(map, key)?.value;
  return value && !isAlias(value) ? value : undefined;
}

/** Follows a chain of keys through nested maps. */
export function childAt(map: unknown, ...keys: string[]): Node | undefined {
  let node: unknown = map;
  for (let i = 0; i < keys.length && node !== undefined; i++) node = child(node, keys[i]!);
  return node as Node | undefined;
}

export function asMap(node: unknown): YAMLMap<Node, Node | null> | undefined {
  return isMap(node) ? (node as YAMLMap<Node, Node | null>) : undefined;
}

export function asSeq(node: unknown): YAMLSeq<Node> | undefined {
  return isSeq(node) ? (node as YAMLSeq<Node>) : undefined;
}

/** Items of a sequence node that are maps (other items are left to the schema rules). */
export function mapItems(node: unknown): { index: number; map: YAMLMap<Node, Node | null> }[] {
  if (!isSeq(node)) return [];
  const out: { index: number; map: YAMLMap<Node, Node | null> }[] = [];
  const items = node.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (isMap(item)) out.push({ index, map: item as YAMLMap<Node, Node | null> });
  }
  return out;
}

/** A string value as the server sees it (undefined when absent, templated or not a string). */
export function stringAt(doc: ParsedDocument, map: unknown, key: string): string | undefined {
  const node = child(map, key);
  if (!node || isTemplated(doc, node)) return undefined;
  const v = jsonValue(node);
  return typeof v === 'string' ? v : undefined;
}

/** A number value (undefined when absent, templated or not a number). */
export function numberAt(doc: ParsedDocument, map: unknown, key: string): number | undefined {
  const node = child(map, key);
  if (!node || isTemplated(doc, node)) return undefined;
  const v = jsonValue(node);
  return typeof v === 'number' ? v : undefined;
}

/** An IntOrString value: a number or a string (undefined otherwise). */
export function intOrStringAt(doc: ParsedDocument, map: unknown, key: string): number | string | undefined {
  const node = child(map, key);
  if (!node || isTemplated(doc, node)) return undefined;
  const v = jsonValue(node);
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/** True when `key` is present with a non-null value. */
export function isSet(map: unknown, key: string): boolean {
  const pair = pairIn(map, key);
  if (!pair) return false;
  return !(isScalar(pair.value) && pair.value.value === null) && pair.value !== null;
}

/** [start, end) of a key (for underlining), or of the value when asked. */
export function keyRange(pair: Pair<Node, Node | null> | undefined): [number, number] | undefined {
  const r = pair?.key?.range;
  return r ? [r[0], r[1]] : undefined;
}

export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** A string→string map (labels, matchLabels); non-string values are skipped. */
export function stringMap(doc: ParsedDocument, node: unknown): Map<string, string> | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const out = new Map<string, string>();
  for (const pair of map.items) {
    const key = keyName(pair.key);
    const v = jsonValue(pair.value);
    if (key !== undefined && v !== null && v !== undefined && !isTemplated(doc, pair.value)) out.set(key, String(v));
  }
  return out;
}
