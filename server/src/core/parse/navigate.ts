/**
 * The one navigation answer: what is at an offset, and where a path is.
 *
 * Features never walk the tree to find the cursor; they ask `locate`, which answers with the
 * document, the YAML path (`spec.template.spec.containers[0].image`), the node and whether the
 * offset is on a key or a value. `nodeAtPath` and `rangeOfPath` go the other way.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentSlot, ParsedDocument, ParsedFile } from './parseFile';

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

export interface Location {
  readonly slot: DocumentSlot;
  /** The offset relative to the document's segment. */
  readonly rel: number;
  /** Path of the field or item at the offset. For a key, the path of its field. */
  readonly path: YamlPath;
  /** The node at the offset: the key scalar, the value, or the innermost collection. */
  readonly node: Node | null;
  readonly role: 'key' | 'value' | 'collection' | 'none';
  /** The map pair when the offset is on a key or on its value. */
  readonly pair?: Pair<unknown, unknown>;
}

/** The document whose segment contains the offset (binary search over segment starts). */
export function slotAt(file: ParsedFile, offset: number): DocumentSlot | undefined {
  const docs = file.docs;
  let lo = 0;
  let hi = docs.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === undefined) return undefined;
  // Several documents can share one segment (after `...`): the last one starting at or before the
  // offset, or the segment's first (leading comments and the `---` line belong to it).
  const first = docs[found]!;
  if (docs[found - 1]?.start !== first.start) return first;
  let best = first;
  for (let i = found; i >= 0 && docs[i]!.start === first.start; i--) {
    best = docs[i]!;
    const docStart = docs[i]!.parsed.docStart;
    if (docStart !== undefined && offset - first.start >= docStart) break;
  }
  return best;
}

export function locate(file: ParsedFile, offset: number): Location | undefined {
  const slot = slotAt(file, offset);
  return slot ? locateIn(slot, offset - slot.start) : undefined;
}

/** `locate` within a document known to hold the offset (`rel` is relative to its segment). */
export function locateIn(slot: DocumentSlot, rel: number): Location {
  const contents = slot.parsed.doc.contents as ParsedNode | null;
  const path: PathSegment[] = [];
  const found = contents ? descend(contents, rel, path, 0) : undefined;
  return { slot, rel, path, ...(found ?? { node: contents, role: 'none' as const }) };
}

type Found = { node: Node | null; role: Location['role']; pair?: Pair<unknown, unknown> };

const MAX_DEPTH = 256;

function descend(node: ParsedNode, rel: number, path: PathSegment[], depth: number): Found | undefined {
  if (!within(node, rel) || depth > MAX_DEPTH) return undefined;
  if (isMap(node)) return descendMap(node as YAMLMap<ParsedNode, ParsedNode | null>, rel, path, depth);
  if (isSeq(node)) return descendSeq(node as YAMLSeq<ParsedNode>, rel, path, depth);
  return { node, role: 'value' };
}

function descendMap(map: YAMLMap<ParsedNode, ParsedNode | null>, rel: number, path: PathSegment[], depth: number): Found {
  for (const pair of map.items) {
    const key = keyName(pair.key);
    if (key === undefined) continue;
    if (pair.key && within(pair.key, rel)) {
      path.push(key);
      return { node: pair.key, role: 'key', pair };
    }
    if (pair.value && within(pair.value, rel)) {
      path.push(key);
      return descend(pair.value, rel, path, depth + 1) ?? { node: pair.value, role: 'value', pair };
    }
  }
  return { node: map, role: 'collection' };
}

function descendSeq(seq: YAMLSeq<ParsedNode>, rel: number, path: PathSegment[], depth: number): Found {
  for (let i = 0; i < seq.items.length; i++) {
    const item = seq.items[i];
    if (item && within(item, rel)) {
      path.push(i);
      return descend(item, rel, path, depth + 1) ?? { node: item, role: 'value' };
    }
  }
  return { node: seq, role: 'collection' };
}

/** Inclusive of the end, so a cursor right after a word still counts as on it. */
function within(node: Node, rel: number): boolean {
  const range = node.range;
  return !!range && range[0] <= rel && rel <= range[1];
}

/** A map key as a path segment: scalars only (complex keys do not occur in manifests). */
export function keyName(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

/** The node at a path, or undefined when any step is missing. */
export function nodeAtPath(doc: ParsedDocument, path: YamlPath): Node | undefined {
  let node: unknown = doc.doc.contents;
  for (const step of path) {
    node = childOf(node, step);
    if (node === undefined) return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The pair holding `key` in a map node. */
export function pairOf(map: unknown, key: string): Pair<ParsedNode, ParsedNode | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isPair(pair) && keyName(pair.key) === key) return pair as Pair<ParsedNode, ParsedNode | null>;
  }
  return undefined;
}

function childOf(node: unknown, step: PathSegment): unknown {
  if (typeof step === 'number') return isSeq(node) ? node.items[step] : undefined;
  const pair = pairOf(node, step);
  return pair ? pair.value : undefined;
}

/**
 * Relative [start, end) of a path: the key when `part` is 'key' (the default, what diagnostics
 * underline) or the value. For a sequence item, both mean the item.
 */
export function rangeOfPath(doc: ParsedDocument, path: YamlPath, part: 'key' | 'value' = 'key'): [number, number] | undefined {
  if (path.length === 0) return doc.doc.contents?.range ? [doc.doc.contents.range[0], doc.doc.contents.range[1]] : undefined;
  const parent = nodeAtPath(doc, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    const item = isSeq(parent) ? (parent.items[last] as Node | undefined) : undefined;
    return item?.range ? [item.range[0], item.range[1]] : undefined;
  }
  const pair = pairOf(parent, last);
  if (!pair) return undefined;
  const node = part === 'key' || !pair.value ? pair.key : pair.value;
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** `spec.template.spec.containers[0].image`; keys that are not identifiers are quoted. */
export function pathToString(path: YamlPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}
