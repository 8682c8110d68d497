/**
 * Minimal YAML edits on the source text. The parse keeps no CST tokens, so every edit is located
 * from the AST nodes' ranges and the source text around them (colons, commas, brackets, line
 * starts). Nothing here re-stringifies a document: every edit touches the smallest span, so
 * comments, blank lines, key order, quoting and indentation elsewhere survive.
 *
 * Example: inserting `replicas: 1` into
 *     spec:            →   spec:
 *       selector: …          selector: …
 *                            replicas: 1
 * uses the indentation of the map's first key and lands after the last key's last line.
 */
import { isMap, isScalar, isSeq, Scalar, stringify, type Node, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentSlot } from '../parse/parseFile';
import { composeEdits, eolOf, lineEndOf, lineStartOf, trimBack, type OffsetEdit } from './textEdits';

type AnyPair = Pair<unknown, unknown>;

/** Collects edits for one document; all offsets it takes are relative to the document's segment. */
export class DocEditor {
  private readonly own: OffsetEdit[] = [];
  /** New documents go after every edit at the document's end, whatever order they came in. */
  private readonly documents: OffsetEdit[] = [];
  readonly text: string;
  readonly base: number;
  readonly eol: string;
  readonly step: number;
  /** Whether the document indents a block sequence under its key (`key:\n  - a`) or not (`- a`). */
  readonly indentSeq: boolean;

  constructor(readonly slot: DocumentSlot) {
    this.text = slot.parsed.text;
    this.base = slot.start;
    this.eol = eolOf(this.text);
    this.step = indentStep(slot.parsed.doc.contents, this.text);
    this.indentSeq = sequencesIndented(slot.parsed.doc.contents, this.text);
  }

  /** Every edit recorded so far, composed: at the document's end, new documents come last. */
  get edits(): OffsetEdit[] {
    return composeEdits([...this.own, ...this.documents]);
  }

  /** Records an edit given relative offsets. */
  edit(start: number, end: number, text: string): void {
    let e = { start: this.base + start, end: this.base + end, text };
    // Two deletions that share characters (adjacent flow entries, each taking one comma) are one.
    const joined = text === '' && end > start ? this.own.findIndex((d) => d.text === '' && d.end > d.start && d.start < e.end && e.start < d.end) : -1;
    if (joined >= 0) {
      const [d] = this.own.splice(joined, 1);
      e = { start: Math.min(d!.start, e.start), end: Math.max(d!.end, e.end), text: '' };
    }
    // A deletion swallows earlier edits inside it; an edit inside an earlier deletion is moot.
    const inside = (a: OffsetEdit, b: OffsetEdit) =>
      b.text === '' && b.end > b.start && (a.start === a.end ? b.start < a.start && a.start < b.end : b.start <= a.start && a.end <= b.end);
    if (this.own.some((d) => inside(e, d))) return;
    for (let i = this.own.length - 1; i >= 0; i--) if (inside(this.own[i]!, e)) this.own.splice(i, 1);
    this.own.push(e);
  }

  /**
   * Replaces a scalar's value, keeping its quoting style for strings. An empty value (`key:`)
   * is a zero-width node glued to the colon: the new value then brings its own space.
   */
  replaceScalar(node: Node, value: unknown): void {
    const r = node.range!;
    // Glued to the colon, or to an anchor or tag written before the empty value (`key: &a`).
    const glued = r[0] === r[1] && r[0] > 0 && !/\s/.test(this.text[r[0] - 1]!);
    this.edit(r[0], r[1], (glued ? ' ' : '') + scalarText(value, isScalar(node) ? node.type : undefined));
  }

  renameKey(pair: AnyPair, name: string): void {
    const key = pair.key as Node;
    this.replaceScalar(key, name);
  }

  /** Column of a node's first character. */
  column(node: Node): number {
    const start = node.range![0];
    return start - lineStartOf(this.text, start);
  }

  /** End of a node's content, before trailing blank lines (comments on its last line included). */
  contentEnd(node: Node | null | undefined, fallback: Node): number {
    const target = node ?? fallback;
    const r = target.range!;
    return trimBack(this.text, r[0], r[1]);
  }

  /** Inserts `key: value` after the last pair of a map (block or flow), or into an empty flow map. */
  insertPair(map: YAMLMap, key: string, value: unknown): void {
    if (map.flow) return this.insertFlowPair(map, key, value);
    const last = map.items[map.items.length - 1] as AnyPair | undefined;
    if (!last) throw new Error('cannot insert into an empty block map');
    this.insertPairAfter(map, last, key, value);
  }

  /**
   * Inserts `key: value` right after one pair of a block map (after its value and the comment
   * lines indented under it), at that pair's indentation: where a person would put a key that
   * belongs next to another. In a flow map the key goes last.
   */
  insertPairAfter(map: YAMLMap, after: AnyPair, key: string, value: unknown): void {
    if (map.flow) return this.insertFlowPair(map, key, value);
    const col = this.column(after.key as Node);
    const end = this.skipOwnedComments(lineEndOf(this.text, this.contentEnd(after.value as Node | null, after.key as Node) - 1), col);
    this.insertLinesAfter(end + 1, renderPair(key, value, col, this.step, this.indentSeq));
  }

  /** Deletes several pairs of one map; in a flow map the survivors are re-joined from their own text. */
  deletePairs(map: YAMLMap, pairs: readonly AnyPair[]): void {
    if (!map.flow || pairs.length < 2) {
      for (const pair of pairs) this.deletePair(map, pair);
      return;
    }
    const keep = (map.items as AnyPair[]).filter((p) => !pairs.includes(p));
    const parts = keep.map((p) => this.text.slice((p.key as Node).range![0], ((p.value as Node | null) ?? (p.key as Node)).range![1]));
    this.edit(map.range![0], map.range![1], `{${parts.join(', ')}}`);
  }

  /** Deletes one item of a sequence (block: its lines; flow: the item and one comma). */
  deleteItem(seq: YAMLSeq, index: number): void {
    const item = seq.items[index] as Node;
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      const prev = seq.items[index - 1] as Node | undefined;
      return this.deleteFlowEntry(item.range![0], item.range![1], prev?.range![1], next?.range![0]);
    }
    const dash = this.text.lastIndexOf('-', item.range![0]);
    const ls = lineStartOf(this.text, dash);
    const end = this.skipOwnedComments(lineEndOf(this.text, this.contentEnd(item, item) - 1), dash - ls);
    this.edit(ls, Math.min(end + 1, this.text.length), '');
  }

  /** Inserts `key: value` before the first pair of a block map (falls back to appending). */
  insertFirstPair(map: YAMLMap, key: string, value: unknown): void {
    const first = map.items[0] as AnyPair | undefined;
    const start = first ? (first.key as Node).range![0] : -1;
    const lineStart = lineStartOf(this.text, start);
    // Only a block map whose first key opens its line (not `- key:` in a sequence) takes a line above.
    if (map.flow || !first || /\S/.test(this.text.slice(lineStart, start))) return this.insertPair(map, key, value);
    const lines = renderPair(key, value, start - lineStart, this.step, this.indentSeq);
    this.edit(lineStart, lineStart, lines.join(this.eol) + this.eol);
  }

  private insertFlowPair(map: YAMLMap, key: string, value: unknown): void {
    const close = this.closingBracket(map, '}');
    if (close === undefined) return;
    const body = `${scalarText(key)}: ${flowText(value)}`;
    const before = trimBack(this.text, map.range![0], close);
    this.edit(before, before, this.flowSeparator(map.items.length > 0, before) + body);
  }

  /**
   * What goes before a new entry of a flow collection inserted at `at`: nothing in an empty
   * collection (unless an earlier edit already inserted an entry there), one space after a
   * trailing comma, else a comma and a space.
   */
  private flowSeparator(hasItems: boolean, at: number): string {
    const insertedHere = this.own.some((e) => e.start === this.base + at && e.end === e.start);
    if (!hasItems && !insertedHere) return '';
    return this.text[at - 1] === ',' && !insertedHere ? ' ' : ', ';
  }

  /**
   * Offset of a flow collection's closing bracket: the last character of its value. A collection
   * the parser recovered from without one (`{a: {b: 1}` at the end of a line) has none, and
   * nothing is inserted into it: the bracket found further back would belong to another node.
   */
  private closingBracket(node: Node, bracket: '}' | ']'): number | undefined {
    const end = node.range![1] - 1;
    return end > node.range![0] && this.text[end] === bracket ? end : undefined;
  }

  /** Inserts whole lines after the line holding `offset`. */
  insertLinesAfter(offset: number, lines: readonly string[]): void {
    const end = lineEndOf(this.text, Math.max(0, offset - 1));
    if (end >= this.text.length) this.edit(this.text.length, this.text.length, this.eol + lines.join(this.eol));
    else this.edit(end + 1, end + 1, lines.join(this.eol) + this.eol);
  }

  /**
   * Replaces a value node (scalar, map or seq) by a freshly rendered value. A scalar gives way
   * to a scalar in place; a flow collection to flow text; anything else is rendered as block
   * lines after the key's colon. An empty value (`key:` with nothing after it) has a zero-width
   * range glued to the colon, so the new value is inserted after the colon with its own space
   * and anything that follows on the line (a comment) stays where it was; an anchor or tag
   * written before the empty value stays before the new one.
   */
  replaceValue(pair: AnyPair, value: unknown): void {
    const node = pair.value as Node | null;
    const key = pair.key as Node;
    const col = this.column(key);
    const empty = !node || node.range![0] === node.range![1];
    const collection = value !== null && typeof value === 'object';
    if (node && !empty && isScalar(node) && !collection) return this.edit(node.range![0], node.range![1], scalarText(value, node.type));
    if (node && (node as YAMLMap).flow) return this.edit(node.range![0], node.range![1], flowText(value));
    const colonEnd = this.text.indexOf(':', key.range![1]) + 1;
    // An anchor or tag before an empty value (`key: &a`) stays with it: the value goes after it.
    const keyEnd = empty && node && (node.anchor || node.tag) ? Math.max(colonEnd, node.range![0]) : colonEnd;
    const end = empty ? keyEnd : this.contentEnd(node, key);
    const lines = renderPair('k', value, col, this.step, this.indentSeq);
    this.edit(keyEnd, end, lines[0]!.slice(col + 2) + lines.slice(1).map((l) => this.eol + l).join(''));
  }

  /** Deletes a pair with the comment lines indented under it; the caller keeps maps non-empty. */
  deletePair(map: YAMLMap, pair: AnyPair): void {
    const index = map.items.indexOf(pair as never);
    const next = map.items[index + 1] as AnyPair | undefined;
    const key = pair.key as Node;
    if (map.flow) return this.deleteFlowPair(map, index);
    const ls = lineStartOf(this.text, key.range![0]);
    if (/\S/.test(this.text.slice(ls, key.range![0]))) {
      // The first pair of a sequence item (`- name: x`): the next key moves up to its place.
      if (next) this.edit(key.range![0], (next.key as Node).range![0], '');
      return;
    }
    const col = key.range![0] - ls;
    let end = lineEndOf(this.text, this.contentEnd(pair.value as Node | null, key) - 1);
    end = this.skipOwnedComments(end, col);
    this.edit(ls, Math.min(end + 1, this.text.length), '');
  }

  /** Comment lines after a pair that are indented deeper than its key belong to it. */
  private skipOwnedComments(lineEnd: number, col: number): number {
    let end = lineEnd;
    while (end < this.text.length) {
      const nextEnd = lineEndOf(this.text, end + 1);
      const line = this.text.slice(end + 1, nextEnd);
      const m = /^([ \t]*)#/.exec(line);
      if (!m || m[1]!.length <= col) break;
      end = nextEnd;
    }
    return end;
  }

  private deleteFlowPair(map: YAMLMap, index: number): void {
    const items = map.items as AnyPair[];
    const [pair, next, prev] = [items[index]!, items[index + 1], items[index - 1]];
    const endOf = (p: AnyPair) => (p.value as Node | null)?.range?.[1] ?? (p.key as Node).range![1];
    this.deleteFlowEntry((pair.key as Node).range![0], endOf(pair), prev && endOf(prev), (next?.key as Node | undefined)?.range![0]);
  }

  /**
   * Deletes one entry of a flow collection with exactly one of the commas around it: up to the
   * next entry, else back to the end of the previous one (a trailing comma after the entry then
   * stays, as YAML allows), else, for the only entry, through its own trailing comma if it has
   * one (`{a: 1,}` → `{}`), since a lone comma in a flow collection is a syntax error.
   */
  private deleteFlowEntry(start: number, end: number, prevEnd: number | undefined, nextStart: number | undefined): void {
    if (nextStart !== undefined) return this.edit(start, nextStart, '');
    if (prevEnd !== undefined) return this.edit(prevEnd, end, '');
    const comma = /\s*,/y;
    comma.lastIndex = end;
    this.edit(start, comma.test(this.text) ? comma.lastIndex : end, '');
  }

  /** Appends an item to a sequence (block or flow). */
  appendItem(seq: YAMLSeq, value: unknown): void {
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (seq.flow || !last) {
      const close = this.closingBracket(seq, ']');
      if (close === undefined) return;
      const before = trimBack(this.text, seq.range![0], close);
      return this.edit(before, before, this.flowSeparator(!!last, before) + flowText(value));
    }
    const dash = this.text.lastIndexOf('-', last.range![0]);
    const col = dash - lineStartOf(this.text, dash);
    const lines = renderBlock([value], col, this.step, this.indentSeq);
    this.insertLinesAfter(this.contentEnd(last, last), lines);
  }

  /** Inserts a new document after this one (`---` line first). */
  insertDocumentAfter(value: unknown, comment?: string): void {
    const end = this.text.length;
    const lead = end > 0 && !this.text.endsWith('\n') ? this.eol : '';
    const body = renderBlock(value, 0, this.step, this.indentSeq);
    const head = comment ? [`# ${comment}`] : [];
    const text = lead + ['---', ...head, ...body].join(this.eol) + this.eol;
    this.documents.push({ start: this.base + end, end: this.base + end, text });
  }
}

/** The indentation step of a document: the column of the first nested key, 2 by default. */
function indentStep(contents: ParsedNode | null, text: string): number {
  if (!isMap(contents)) return 2;
  for (const pair of contents.items) {
    const value = pair.value as ParsedNode | null;
    if (isMap(value) && !value.flow && value.items[0]) {
      const inner = (value.items[0].key as Node).range![0];
      const col = inner - lineStartOf(text, inner);
      if (col > 0) return Math.min(8, col);
    }
  }
  return 2;
}

/**
 * Whether the document's first block sequence under a key is indented deeper than the key
 * (`containers:\n  - name: a`, the default) or written at the key's column (`- name: a`).
 */
function sequencesIndented(contents: ParsedNode | null, text: string): boolean {
  const stack: unknown[] = [contents];
  while (stack.length) {
    const node = stack.pop();
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (isSeq(value) && !value.flow && key?.range && value.items[0]) {
        const dash = text.lastIndexOf('-', (value.items[0] as Node).range![0]);
        const keyCol = key.range[0] - lineStartOf(text, key.range[0]);
        if (lineStartOf(text, dash) !== lineStartOf(text, key.range[0])) return dash - lineStartOf(text, dash) > keyCol;
      }
      stack.push(value);
      if (isSeq(value)) stack.push(...value.items);
    }
  }
  return true;
}

/** A scalar in YAML, keeping a quoting style for strings when one is given. */
export function scalarText(value: unknown, type?: Scalar.Type): string {
  if (typeof value === 'string') {
    if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  }
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** A value in flow style (`{a: 1, b: [x]}`), for insertion into flow collections. */
export function flowText(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0, aliasDuplicateObjects: false }).replace(/\n$/, '');
}

/** `key: value` as block lines at a column. */
export function renderPair(key: string, value: unknown, col: number, step: number, indentSeq = true): string[] {
  return renderBlock({ [key]: value }, col, step, indentSeq);
}

/** A value as block YAML lines indented to a column. */
export function renderBlock(value: unknown, col: number, step: number, indentSeq = true): string[] {
  const out = stringify(value, { indent: step, lineWidth: 0, indentSeq, aliasDuplicateObjects: false }).replace(/\n$/, '');
  const pad = ' '.repeat(col);
  return out.split('\n').map((l) => pad + l);
}

