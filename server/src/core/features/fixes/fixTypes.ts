/**
 * The quick-fix contract: a provider per rule id receives the diagnostic's `data` and the parsed
 * document, and returns fixes as offset edits. Providers never read message text.
 *
 *     spec:                       spec:
 *       replicass: 3      →         replicas: 3        (unknown-field: rename to "replicas")
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentSlot, ParsedFile } from '../../parse/parseFile';
import { nodeAtPath, pairOf, type PathSegment } from '../../parse/navigate';
import { DocEditor } from '../../edit/yamlEdits';
import type { OffsetEdit } from '../../edit/textEdits';

export interface Fix {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The one obvious fix: marked preferred and applied by fix-all. */
  readonly preferred?: boolean;
}

export interface FixContext {
  readonly file: ParsedFile;
  readonly slot: DocumentSlot;
  readonly data: Readonly<Record<string, unknown>>;
  /** The diagnostic's range, relative to the document's segment. */
  readonly start: number;
  readonly end: number;
}

export type FixProvider = (ctx: FixContext) => Fix[];

/** Builds one fix with a fresh editor on the diagnostic's document (or another one). */
export function makeFix(slot: DocumentSlot, title: string, build: (e: DocEditor) => void, preferred = false): Fix | undefined {
  const editor = new DocEditor(slot);
  build(editor);
  return editor.edits.length ? { title, edits: editor.edits, ...(preferred ? { preferred } : {}) } : undefined;
}

export function compact(fixes: readonly (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined);
}

/** `spec.template.spec.containers[0].image` → ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export function parsePath(path: unknown): PathSegment[] {
  if (Array.isArray(path)) return path as PathSegment[];
  if (typeof path !== 'string' || path === '') return [];
  const out: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
    else out.push(m[1]!);
  }
  return out;
}

/** Nests a value under the remaining keys of a path: (['a', 'b'], 1) → {a: {b: 1}}. */
function nest(keys: readonly PathSegment[], value: unknown): unknown {
  return keys.reduceRight<unknown>((v, k) => ({ [String(k)]: v }), value);
}

/**
 * Sets a value at a path, creating the missing maps under the deepest one that exists; an
 * existing scalar is replaced keeping its quoting. Sequence steps must exist.
 */
export function setIn(editor: DocEditor, path: readonly PathSegment[], value: unknown): boolean {
  const doc = editor.slot.parsed;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = nodeAtPath(doc, path.slice(0, depth));
    const step = path[depth]!;
    if (!isMap(parent) || typeof step !== 'string') continue;
    const pair = pairOf(parent, step);
    const rest = path.slice(depth + 1);
    if (pair && rest.length === 0) {
      if (isScalar(pair.value) || pair.value === null) editor.replaceValue(pair, value);
      else return false;
      return true;
    }
    if (pair && pair.value === null) {
      editor.replaceValue(pair, nest(rest, value));
      return true;
    }
    if (pair) return false;
    if ((parent as YAMLMap).items.length === 0 && !(parent as YAMLMap).flow) return false;
    editor.insertPair(parent as YAMLMap, step, nest(rest, value));
    return true;
  }
  return false;
}

/** Appends to the sequence at a path, or creates it with the one item. */
export function appendIn(editor: DocEditor, path: readonly PathSegment[], item: unknown): boolean {
  const seq = nodeAtPath(editor.slot.parsed, path);
  if (isSeq(seq)) {
    editor.appendItem(seq as YAMLSeq, item);
    return true;
  }
  return seq === undefined || seq === null ? setIn(editor, path, [item]) : false;
}

export function asNode(value: unknown): Node | undefined {
  return value && typeof value === 'object' && 'range' in value ? (value as Node) : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
