/**
 * The shape of a parsed document without its yaml tree: node ranges, key names and what kind of
 * scalar each value is, packed into one typed array.
 *
 * The tree budget (treeCache.ts) drops the trees of a large bundle's documents, and parsing one
 * again costs 1–4 ms. A hover needs far less than a tree: the path under the cursor, whether it is
 * on a key or a value, the node's range, and sometimes a scalar's value. An outline answers those
 * in microseconds from about a kilobyte per document, so it is taken from a tree just before the
 * budget drops it.
 *
 * `locate` and `find` follow navigate.ts's `locate` and `nodeAtPath` step for step (first match in
 * document order, the same depth limit), so a cold document answers exactly as a parsed one does;
 * test/unit/outline.test.ts compares the two on every offset of the corpus. A scalar's value is
 * not stored: a single-line, untagged plain or quoted scalar is read again from its source text.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type ParsedNode } from 'yaml';
import { keyName, type PathSegment, type YamlPath } from './navigate';

/** Node types, in the low two bits of a node's first word. */
const ABSENT = 0;
const MAP = 1;
const SEQ = 2;
const LEAF = 3;
/** Leaf flags, above the type bits. */
const IS_SCALAR = 4;
/** A scalar whose value is a string or a number (what value hovers read). */
const STRING_OR_NUMBER = 8;
/** That value can be read again from the source text (single line, no tag). */
const REREADABLE = 16;

/** navigate.ts descends this deep at most; below, a node counts as a whole. */
const MAX_DEPTH = 256;

/**
 * Key names are interned once for all outlines (a manifest's keys come from a small vocabulary).
 * Past this many distinct names no new outline is built, and hovers parse the document again.
 */
const MAX_KEY_NAMES = 200_000;
const keyIds = new Map<string, number>();
const keyNames: string[] = [];
let vocabularyFull = false;

function keyId(name: string): number | undefined {
  let id = keyIds.get(name);
  if (id === undefined) {
    if (keyNames.length >= MAX_KEY_NAMES) {
      if (!vocabularyFull) console.error(`kube-workloads: ${MAX_KEY_NAMES} distinct key names seen; hovers in documents not used recently now parse them again.`);
      vocabularyFull = true;
      return undefined;
    }
    // A copy: a name cut out of a file's text can keep that whole text alive (V8 sliced strings).
    const own = JSON.parse(JSON.stringify(name)) as string;
    id = keyNames.length;
    keyNames.push(own);
    keyIds.set(own, id);
  }
  return id;
}

/** A node of the outline: its range relative to the segment, and what it is. */
export interface OutlineNode {
  readonly start: number;
  readonly end: number;
  /** A map, a sequence, or anything else (scalar, alias). */
  readonly type: 'map' | 'seq' | 'leaf';
  readonly isScalar: boolean;
  /** A scalar whose value is a string or a number. (For a key only `isScalar` is set.) */
  readonly isStringOrNumber: boolean;
  /** Such a value can be read with `scalarValue`; otherwise only the tree has it. */
  readonly rereadable: boolean;
}

/** What `locate` finds: as navigate.ts's Location, with an outline node instead of a tree node. */
export interface OutlineLocation {
  readonly path: YamlPath;
  readonly node: OutlineNode | null;
  readonly role: 'key' | 'value' | 'collection' | 'none';
}

export class TreeOutline {
  private constructor(private readonly words: Uint16Array | Uint32Array) {}

  /** The outline of a document's tree, or undefined when the key vocabulary is exhausted. */
  static of(doc: Document.Parsed, source: string): TreeOutline | undefined {
    const out: number[] = [];
    // Alone, a scalar resolves as in its document only under the same schema and without errors
    // around it (an unterminated quote, a reserved first character): otherwise only the tree knows.
    const reread = doc.errors.length === 0 && doc.directives?.yaml.version === '1.2';
    if (!write(doc.contents as ParsedNode | null, out, reread ? source : undefined)) return undefined;
    let max = 0;
    for (const word of out) if (word > max) max = word;
    const words = max < 0x10000 ? Uint16Array.from(out) : Uint32Array.from(out);
    return new TreeOutline(words);
  }

  /** What is at a segment-relative offset (navigate.ts `locate`, without the tree). */
  locate(rel: number): OutlineLocation {
    const path: PathSegment[] = [];
    const found = this.descend(0, rel, path, 0);
    return { path, ...(found ?? { node: this.nodeAt(0), role: 'none' as const }) };
  }

  /** The node at a path (navigate.ts `nodeAtPath`). */
  find(path: YamlPath): OutlineNode | undefined {
    let pos = 0;
    for (const step of path) {
      const child = this.childOf(pos, step);
      if (child === undefined) return undefined;
      pos = child;
    }
    return this.nodeAt(pos) ?? undefined;
  }

  private descend(pos: number, rel: number, path: PathSegment[], depth: number): Found | undefined {
    const w = this.words;
    const type = w[pos]! & 3;
    if (type === ABSENT || !(w[pos + 1]! <= rel && rel <= w[pos + 2]!) || depth > MAX_DEPTH) return undefined;
    if (type === MAP) {
      const end = pos + w[pos + 3]!;
      for (let p = pos + 4; p < end; p = this.skip(p + 3)) {
        if (w[p + 1]! <= rel && rel <= w[p + 2]!) {
          path.push(keyNames[w[p]!]!);
          return { node: this.keyNode(p), role: 'key' };
        }
        const value = p + 3;
        if (this.within(value, rel)) {
          path.push(keyNames[w[p]!]!);
          return this.descend(value, rel, path, depth + 1) ?? { node: this.nodeAt(value), role: 'value' };
        }
      }
      return { node: this.nodeAt(pos), role: 'collection' };
    }
    if (type === SEQ) {
      const end = pos + w[pos + 3]!;
      for (let p = pos + 4, i = 0; p < end; p = this.skip(p), i++) {
        if (this.within(p, rel)) {
          path.push(i);
          return this.descend(p, rel, path, depth + 1) ?? { node: this.nodeAt(p), role: 'value' };
        }
      }
      return { node: this.nodeAt(pos), role: 'collection' };
    }
    return { node: this.nodeAt(pos), role: 'value' };
  }

  private childOf(pos: number, step: PathSegment): number | undefined {
    const w = this.words;
    const type = w[pos]! & 3;
    if (typeof step === 'number') {
      if (type !== SEQ) return undefined;
      const end = pos + w[pos + 3]!;
      for (let p = pos + 4, i = 0; p < end; p = this.skip(p), i++) if (i === step) return p;
      return undefined;
    }
    if (type !== MAP) return undefined;
    const id = keyIds.get(step);
    if (id === undefined) return undefined;
    const end = pos + w[pos + 3]!;
    for (let p = pos + 4; p < end; p = this.skip(p + 3)) if (w[p] === id) return p + 3;
    return undefined;
  }

  private within(pos: number, rel: number): boolean {
    const w = this.words;
    return (w[pos]! & 3) !== ABSENT && w[pos + 1]! <= rel && rel <= w[pos + 2]!;
  }

  /** The position after the node at `pos`. */
  private skip(pos: number): number {
    const type = this.words[pos]! & 3;
    if (type === ABSENT) return pos + 1;
    if (type === LEAF) return pos + 3;
    return pos + this.words[pos + 3]!;
  }

  private nodeAt(pos: number): OutlineNode | null {
    const w = this.words;
    const head = w[pos];
    if (head === undefined || (head & 3) === ABSENT) return null;
    const type = head & 3;
    return {
      start: w[pos + 1]!,
      end: w[pos + 2]!,
      type: type === MAP ? 'map' : type === SEQ ? 'seq' : 'leaf',
      isScalar: (head & IS_SCALAR) !== 0,
      isStringOrNumber: (head & STRING_OR_NUMBER) !== 0,
      rereadable: (head & REREADABLE) !== 0,
    };
  }

  private keyNode(pairPos: number): OutlineNode {
    // Only scalar keys with a name are written (navigate.ts skips the others); hovers read a
    // key's path, never its value.
    const w = this.words;
    return { start: w[pairPos + 1]!, end: w[pairPos + 2]!, type: 'leaf', isScalar: true, isStringOrNumber: false, rereadable: false };
  }
}

type Found = { node: OutlineNode | null; role: OutlineLocation['role'] };

/**
 * The value of a rereadable scalar, from the text its tree was parsed from, or undefined when it
 * cannot be read (then the caller asks the tree). A plain or quoted scalar on one line without a
 * tag, in a YAML 1.2 document without errors, resolves the same alone as in its document.
 */
export function scalarValue(source: string, node: OutlineNode): string | number | undefined {
  if (!node.rereadable) return undefined;
  // As a map value, the context every plain scalar of a manifest is valid in (alone, `---` or `-`
  // would mean something else).
  const doc = parseDocument(`v: ${source.slice(node.start, node.end)}`);
  if (doc.errors.length) return undefined;
  const value: unknown = (doc.toJS() as { v?: unknown } | null)?.v;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/**
 * Appends the node's words (to any depth: parseFile.ts refuses documents nested deeper than its
 * stack-safe limit before they are composed); false when a key name could not be interned. Layout:
 * absent `[0]`; leaf `[3|flags, start, end]`; map `[1, start, end, size]` then per named scalar
 * key `[keyId, keyStart, keyEnd]` and its value node; sequence `[2, start, end, size]` then its
 * items. `size` counts the node's words including its header.
 */
function write(node: ParsedNode | null | undefined, out: number[], source: string | undefined): boolean {
  const range = node?.range;
  if (!node || !range) {
    out.push(ABSENT);
    return true;
  }
  if (!(isMap(node) || isSeq(node))) {
    out.push(LEAF | leafFlags(node, source), range[0], range[1]);
    return true;
  }
  const head = out.length;
  out.push(isMap(node) ? MAP : SEQ, range[0], range[1], 0);
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyName(pair.key);
      if (name === undefined) continue;
      const id = keyId(name);
      if (id === undefined) return false;
      const keyRange = (pair.key as Node | null)?.range;
      // A key without a range is never under the cursor: an empty span (start after end).
      out.push(id, keyRange ? keyRange[0] : 1, keyRange ? keyRange[1] : 0);
      if (!write(pair.value as ParsedNode | null, out, source)) return false;
    }
  } else {
    for (const item of node.items) if (!write(item as ParsedNode | null, out, source)) return false;
  }
  out[head + 3] = out.length - head;
  return true;
}

/** `source` is undefined when no scalar of the document may be read again. */
function leafFlags(node: Node, source: string | undefined): number {
  if (!isScalar(node)) return 0;
  const value: unknown = node.value;
  if (typeof value !== 'string' && typeof value !== 'number') return IS_SCALAR;
  if (source === undefined) return IS_SCALAR | STRING_OR_NUMBER;
  const [start, end] = node.range!;
  const newline = source.indexOf('\n', start);
  const simple =
    !node.tag &&
    (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) &&
    (newline < 0 || newline >= end);
  return IS_SCALAR | STRING_OR_NUMBER | (simple ? REREADABLE : 0);
}
