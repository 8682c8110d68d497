/**
 * The effective manifest: the file as the API server will hold its objects — every default
 * filled in, status and the server's bookkeeping left out — written as edits on the user's own
 * text, so comments, key order, quoting and blank lines stay where they were written and a diff
 * against the source shows exactly what the server adds.
 *
 *     spec:   # three replicas               spec:   # three replicas
 *       replicas: 3                    →       replicas: 3
 *       template: …                            template: …
 *                                              strategy:
 *                                                type: RollingUpdate
 *                                                …
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { minorOf } from '../defaults/applyDefaults';
import { effectiveObject } from '../defaults/effectiveObject';
import { isObject } from '../defaults/catalogTypes';
import { DocEditor } from '../edit/yamlEdits';
import { applyOffsetEdits, type OffsetEdit } from '../edit/textEdits';
import { keyName } from '../parse/navigate';
import type { DocumentSlot, ParsedFile } from '../parse/parseFile';

export interface EffectiveManifest {
  readonly text: string;
  /** How many documents the server would change (fill in or strip). */
  readonly changed: number;
  /** Documents shown as written, and why (Helm templates, YAML errors, kinds without known defaults). */
  readonly asWritten: readonly string[];
}

/** The whole file with each object as the server holds it, for a Kubernetes version ("1.36"). */
export function effectiveManifest(file: ParsedFile, version: string): EffectiveManifest {
  const edits: OffsetEdit[] = [];
  const asWritten: string[] = [];
  let changed = 0;
  for (const slot of file.docs) {
    const parsed = slot.parsed;
    if (!parsed.isKubernetes) continue;
    const name = `document ${slot.index + 1} (${parsed.kind ?? 'no kind'})`;
    if (parsed.template) asWritten.push(`${name}: a Helm template`);
    else if (parsed.problems.some((p) => p.severity === 'error')) asWritten.push(`${name}: YAML errors`);
    else {
      const own = documentEdits(slot, version);
      if (own === undefined) asWritten.push(`${name}: no defaults known for ${parsed.apiVersion ?? '?'} ${parsed.kind ?? '?'}`);
      else if (own.length) {
        changed++;
        edits.push(...own);
      }
    }
  }
  return { text: applyOffsetEdits(file.document.getText(), edits), changed, asWritten };
}

/** The edits making one document effective; undefined when its kind's defaults are not known. */
export function documentEdits(slot: DocumentSlot, version: string): OffsetEdit[] | undefined {
  const source = slot.parsed.doc.toJS({ maxAliasCount: 100 }) as unknown;
  const effective = effectiveObject(source, minorOf(version));
  if (!effective) return undefined;
  const editor = new DocEditor(slot);
  materialize(editor, slot.parsed.doc.contents, undefined, source, effective);
  return editor.edits;
}

/**
 * Edits turning the tree (whose value is `before`) into `after`: keys added after the last key
 * of their mapping, keys gone deleted, changed scalars replaced. Equal subtrees are skipped.
 */
function materialize(editor: DocEditor, node: unknown, pair: Pair<unknown, unknown> | undefined, before: unknown, after: unknown): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isMap(node) && isObject(before) && isObject(after)) return materializeMap(editor, node, before, after);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    node.items.forEach((item, i) => materialize(editor, item, undefined, before[i], after[i]));
    return;
  }
  const empty = !node || (isScalar(node) && node.value === null);
  if (pair && (empty || isObject(after) || Array.isArray(after))) editor.replaceValue(pair, after);
  else if (isScalar(node)) editor.replaceScalar(node as Node, after);
}

function materializeMap(editor: DocEditor, map: YAMLMap, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const written = new Set<string>();
  for (const item of map.items as Pair<unknown, unknown>[]) {
    const key = keyName(item.key);
    if (key === undefined) continue;
    written.add(key);
    if (!(key in after)) editor.deletePair(map, item);
    else materialize(editor, item.value, item, before[key], after[key]);
  }
  for (const [key, value] of Object.entries(after)) {
    if (!written.has(key) && (map.flow || map.items.length > 0)) editor.insertPair(map, key, value);
  }
}
