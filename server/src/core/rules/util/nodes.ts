/**
 * Reading YAML nodes the way the API server will see them.
 *
 * kubectl turns YAML into JSON with a YAML 1.1 resolver (go-yaml v2 through sigs.k8s.io/yaml), so
 * a plain `yes` or `off` reaches the server as a boolean while our YAML 1.2 parser reads a string.
 * `jsonValue` gives the value the server decodes; the other helpers read maps and sequences
 * through aliases (`labels: *sel`) and merge keys (`<<: *base`, explicit keys winning), as kubectl
 * resolves them before sending, and ignore values a Helm template produces. An alias is followed
 * to its anchored node (parse/aliases.ts), never expanded.
 */
import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import { keyName } from '../../parse/navigate';
import { touchesTemplate } from '../../parse/helmTemplates';
import { aliasTarget } from '../../parse/aliases';

export type JsonScalar = string | number | boolean | null;

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/** The JSON scalar kubectl sends for a scalar node (or an alias of one); undefined for collections. */
export function jsonValue(node: unknown): JsonScalar | undefined {
  if (isAlias(node)) node = aliasTarget(node);
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

/** The node an alias stands for; any other node as it is. */
export function deref(node: unknown): unknown {
  return isAlias(node) ? aliasTarget(node) : node;
}

const MERGE_KEY = '<<';
const MAX_MERGE_DEPTH = 8;

function isMergePair(pair: Pair<unknown, unknown>): boolean {
  const k = pair.key;
  return isScalar(k) && k.value === MERGE_KEY && k.type === Scalar.PLAIN && (isAlias(pair.value) || isSeq(pair.value) || isMap(pair.value));
}

/** The maps a map merges in (`<<: *a` or `<<: [*a, *b]`), earliest first. */
function mergedMaps(map: YAMLMap<unknown, unknown>): YAMLMap<unknown, unknown>[] {
  const out: YAMLMap<unknown, unknown>[] = [];
  for (const pair of map.items) {
    if (!isMergePair(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = deref(source);
      if (isMap(target)) out.push(target);
    }
  }
  return out;
}

/**
 * The pairs of a map as kubectl sends them: the merged maps' pairs that no explicit key (nor an
 * earlier merged map) overrides, then the map's own pairs, without the `<<` entries.
 */
export function entries(map: unknown, depth = 0): Pair<Node, Node | null>[] {
  const m = deref(map);
  if (!isMap(m)) return [];
  const own = m.items as Pair<Node, Node | null>[];
  if (!own.some(isMergePair) || depth > MAX_MERGE_DEPTH) return own;
  const seen = new Set<string>();
  const explicit = own.filter((p) => !isMergePair(p));
  for (const p of explicit) seen.add(keyName(p.key) ?? '');
  const merged: Pair<Node, Node | null>[] = [];
  for (const source of mergedMaps(m)) {
    for (const p of entries(source, depth + 1)) {
      const k = keyName(p.key) ?? '';
      if (seen.has(k)) continue;
      seen.add(k);
      merged.push(p);
    }
  }
  return [...merged, ...explicit];
}

/** The pair for `key` in a map node, through aliases and merge keys (non-maps give undefined). */
export function pairIn(map: unknown, key: string, depth = 0): Pair<Node, Node | null> | undefined {
  if (isAlias(map)) map = aliasTarget(map);
  if (!isMap(map)) return undefined;
  // Every rule looks keys up through here: an indexed loop, and String() only for keys that are
  // not strings (`80: x`), which keyName would give as "80".
  const items = map.items;
  let merges = false;
  for (let i = 0; i < items.length; i++) {
    const k = items[i]!.key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (v === key || (typeof v !== 'string' && v !== null && String(v) === key)) return items[i] as Pair<Node, Node | null>;
    if (v === MERGE_KEY) merges = true;
  }
  if (!merges || depth > MAX_MERGE_DEPTH) return undefined;
  for (const source of mergedMaps(map)) {
    const found = pairIn(source, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The value node for `key` (an alias's anchored node), or undefined. */
export function child(map: unknown, key: string): Node | undefined {
  const value = pairIn(map, key)?.value;
  if (!value) return undefined;
  return isAlias(value) ? aliasTarget(value) : value;
}

/** Follows a chain of keys through nested maps. */
export function childAt(map: unknown, ...keys: string[]): Node | undefined {
  let node: unknown = map;
  for (let i = 0; i < keys.length && node !== undefined; i++) node = child(node, keys[i]!);
  return node as Node | undefined;
}

export function asMap(node: unknown): YAMLMap<Node, Node | null> | undefined {
  node = deref(node);
  return isMap(node) ? (node as YAMLMap<Node, Node | null>) : undefined;
}

export function asSeq(node: unknown): YAMLSeq<Node> | undefined {
  node = deref(node);
  return isSeq(node) ? (node as YAMLSeq<Node>) : undefined;
}

/** Items of a sequence node that are maps, through aliases (other items are left to the schema rules). */
export function mapItems(node: unknown): { index: number; map: YAMLMap<Node, Node | null> }[] {
  node = deref(node);
  if (!isSeq(node)) return [];
  const out: { index: number; map: YAMLMap<Node, Node | null> }[] = [];
  const items = node.items;
  for (let index = 0; index < items.length; index++) {
    const item = deref(items[index]);
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
  for (const pair of entries(map)) {
    const key = keyName(pair.key);
    const v = jsonValue(deref(pair.value));
    if (key !== undefined && v !== null && v !== undefined && !isTemplated(doc, pair.value)) out.set(key, String(v));
  }
  return out;
}
