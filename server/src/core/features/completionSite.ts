/**
 * Where a completion happens, read from the text rather than the parse tree: while the user types,
 * the document is often not valid YAML (`spec:` with an empty line under it, a half-written
 * `- `), and an empty line belongs to whichever mapping its indentation says. So the parent
 * mapping is found by indentation: the nearest line above with a smaller indentation that is a
 * `key:` without a value (a `- ` item counts as a list entry). A flow mapping on the cursor's line
 * (`resources: {limits: {`) is followed by a small bracket scan.
 *
 *   spec:               ← parent of the cursor line
 *     replicas: 2
 *     <cursor>          → key completion at path ["spec"], siblings {replicas}
 */
import type { PathSegment } from '../parse/navigate';

export interface CompletionSite {
  readonly kind: 'key' | 'value';
  /** For a key: the path of the mapping it goes into. For a value: the path of the field. */
  readonly path: PathSegment[];
  /** Offset (in the segment) where the word being typed starts; it is replaced. */
  readonly wordStart: number;
  /** Column of the key being typed; nested snippet lines are indented from it. */
  readonly column: number;
  /** Keys already present in the mapping (key completion only). */
  readonly siblings: ReadonlySet<string>;
  /** True inside `{ … }`: items must stay on one line. */
  readonly flow: boolean;
}

interface LineInfo {
  readonly indent: number;
  readonly dashCols: readonly number[];
  readonly key?: string;
  readonly keyCol: number;
  /** The key has something after the colon on its line (a scalar or a flow collection). */
  readonly hasValue: boolean;
  readonly blank: boolean;
}

const LINE = /^(\s*)((?:-(?:\s+|$))*)(?:((?:"[^"]*"|'[^']*'|[^\s#:"'{}[\],][^:#]*?))\s*:(?:\s+|$)(.*))?/;

export function lineInfo(line: string): LineInfo {
  const trimmed = line.trimStart();
  if (trimmed === '' || trimmed.startsWith('#')) return { indent: 0, dashCols: [], keyCol: -1, hasValue: false, blank: true };
  const m = LINE.exec(line)!;
  const indent = m[1]!.length;
  const dashCols: number[] = [];
  const dashes = m[2]!;
  for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') dashCols.push(indent + i);
  const keyCol = indent + dashes.length;
  if (m[3] === undefined) return { indent, dashCols, keyCol, hasValue: true, blank: false };
  const rest = (m[4] ?? '').replace(/\s+#.*$/, '').trim();
  const key = m[3].replace(/^["']|["']$/g, '');
  return { indent, dashCols, key, keyCol, hasValue: rest !== '' && rest !== '|' && rest !== '>', blank: false };
}

/** Path of the mapping that holds keys at `col` below line `lineIdx` (exclusive). */
export function mappingPathAt(lines: readonly string[], lineIdx: number, col: number, seqItem = false): PathSegment[] | undefined {
  for (let l = lineIdx - 1; l >= 0; l--) {
    const info = lineInfo(lines[l]!);
    if (info.blank) continue;
    const parentKey = info.key !== undefined && !info.hasValue;
    if (parentKey && (info.keyCol < col || (seqItem && info.keyCol === col && !info.dashCols.includes(col)))) {
      const owner = ownerOfKey(lines, l, info);
      return owner && [...owner, info.key!];
    }
    if (info.indent >= col) continue;
    // A `- key: value` line whose first key sits at `col`: the cursor is inside that list item.
    const dash = info.dashCols[info.dashCols.length - 1];
    if (dash !== undefined && dash < col && info.keyCol === col) {
      const list = mappingPathAt(lines, l, dash, true);
      return list && [...list, 0];
    }
    if (info.indent < col) return undefined;
  }
  return col === 0 && !seqItem ? [] : undefined;
}

/** Path of the mapping a key on line `l` belongs to. */
function ownerOfKey(lines: readonly string[], l: number, info: LineInfo): PathSegment[] | undefined {
  const dash = info.dashCols[info.dashCols.length - 1];
  if (dash === undefined) return mappingPathAt(lines, l, info.keyCol);
  const list = mappingPathAt(lines, l, dash, true);
  return list && [...list, 0];
}

/** Keys present in the mapping whose keys sit at `col`, around line `lineIdx`. */
export function siblingKeys(lines: readonly string[], lineIdx: number, col: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  if (!startsItem) scanSiblings(lines, lineIdx, col, -1, keys);
  scanSiblings(lines, lineIdx, col, 1, keys);
  return keys;
}

function scanSiblings(lines: readonly string[], lineIdx: number, col: number, dir: 1 | -1, keys: Set<string>): void {
  for (let l = lineIdx + dir; l >= 0 && l < lines.length; l += dir) {
    const info = lineInfo(lines[l]!);
    if (info.blank || info.indent > col) continue;
    const opensItem = info.dashCols.length > 0 && info.keyCol === col;
    if (opensItem) {
      // Going up, this `- key:` line starts our list item; going down, it starts the next one.
      if (dir === -1 && info.key !== undefined) keys.add(info.key);
      return;
    }
    if (info.indent < col) return;
    // At `col` now: a sibling key, or a `- ` item of a list that is the value of a sibling.
    if (info.key !== undefined && info.dashCols.length === 0) keys.add(info.key);
  }
}

const BLOCK_VALUE = /^(\s*)((?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s:#"'{}[\],][^:#]*?)):\s+([^\s{[]*)$/;
const BLOCK_KEY = /^(\s*)((?:-(?:\s+|$))*)([A-Za-z0-9_.\-/]*)$/;

/** The completion site at `rel` in a document's text (offsets relative to its segment). */
export function findSite(text: string, rel: number): CompletionSite | undefined {
  const lineStart = text.lastIndexOf('\n', rel - 1) + 1;
  const prefix = text.slice(lineStart, rel);
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let lineIdx = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) lineIdx++;
  if (/[{[]/.test(prefix.replace(/"[^"]*"|'[^']*'/g, ''))) return flowSite(lines, lineIdx, prefix, lineStart);
  const value = BLOCK_VALUE.exec(prefix);
  if (value) {
    const { col, parent } = itemParent(lines, lineIdx, value[1]!, value[2]!);
    const key = value[3]!.replace(/^["']|["']$/g, '');
    if (!parent) return undefined;
    return { kind: 'value', path: [...parent, key], wordStart: rel - value[4]!.length, column: col, siblings: new Set(), flow: false };
  }
  const key = BLOCK_KEY.exec(prefix);
  if (!key) return undefined;
  const { col, parent } = itemParent(lines, lineIdx, key[1]!, key[2]!);
  if (!parent) return undefined;
  const siblings = siblingKeys(lines, lineIdx, col, key[2] !== '');
  return { kind: 'key', path: parent, wordStart: rel - key[3]!.length, column: col, siblings, flow: false };
}

/** The mapping a key at the end of `indent` + `dashes` belongs to (a new list item when there are dashes). */
function itemParent(lines: readonly string[], lineIdx: number, indent: string, dashes: string): { col: number; parent: PathSegment[] | undefined } {
  const col = indent.length + dashes.length + (dashes.endsWith('-') ? 1 : 0);
  if (!dashes) return { col, parent: mappingPathAt(lines, lineIdx, col) };
  const lastDash = indent.length + dashes.lastIndexOf('-');
  const list = mappingPathAt(lines, lineIdx, lastDash, true);
  return { col, parent: list && [...list, 0] };
}

/** `resources: {limits: {cpu: 1}, re` → key site in `resources`; `accessModes: [Read` → value site. */
function flowSite(lines: readonly string[], lineIdx: number, prefix: string, lineStart: number): CompletionSite | undefined {
  const open = prefix.search(/[{[]/);
  const head = /^(\s*)((?:-\s+)*)(?:([^\s:#"'{}[\],][^:#]*?):\s*)?$/.exec(prefix.slice(0, open));
  if (!head) return undefined;
  const { col, parent } = itemParent(lines, lineIdx, head[1]!, head[2]!);
  if (!parent) return undefined;
  const state = scanFlow(prefix.slice(open), head[3]);
  if (!state) return undefined;
  const path = [...parent, ...state.path];
  const wordStart = lineStart + prefix.length - state.word.length;
  const base = { wordStart, column: col, flow: true };
  if (state.atKey) return { ...base, kind: 'key', path, siblings: state.keys };
  return { ...base, kind: 'value', path: state.inSeq ? [...path, 0] : [...path, state.key ?? ''], siblings: new Set() };
}

interface FlowState {
  path: PathSegment[];
  atKey: boolean;
  inSeq: boolean;
  key: string | undefined;
  word: string;
  keys: Set<string>;
}

function scanFlow(flow: string, lineKey: string | undefined): FlowState | undefined {
  const levels: { seq: boolean; keys: Set<string> }[] = [];
  const path: PathSegment[] = [];
  let key = lineKey;
  let word = '';
  let atKey = false;
  for (let i = 0; i < flow.length; i++) {
    const c = flow[i]!;
    if (c === '{' || c === '[') {
      const inSeq = levels[levels.length - 1]?.seq ?? false;
      if (levels.length > 0 || key !== undefined) path.push(inSeq ? 0 : (key ?? ''));
      levels.push({ seq: c === '[', keys: new Set() });
      atKey = c === '{';
      word = '';
      key = undefined;
    } else if (c === '}' || c === ']') {
      levels.pop();
      path.pop();
      if (levels.length === 0) return undefined;
      word = '';
    } else if (c === ',') {
      atKey = !levels[levels.length - 1]!.seq;
      word = '';
    } else if (c === ':' && atKey && /\s|$/.test(flow[i + 1] ?? '')) {
      key = word.trim();
      levels[levels.length - 1]!.keys.add(key);
      atKey = false;
      word = '';
    } else word = /\s/.test(c) && word.trim() === '' ? '' : word + c;
  }
  const top = levels[levels.length - 1];
  if (!top) return undefined;
  return { path, atKey, inSeq: top.seq, key, word: word.trimStart(), keys: top.keys };
}
