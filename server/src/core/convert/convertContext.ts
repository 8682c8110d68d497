/**
 * What every conversion step shares: the document being converted, the edit collector and the
 * two lists the user sees (what was dropped, what else to know), plus small node lookups.
 *
 * Steps read the parsed nodes of the source document and only record edits, so they never see
 * each other's changes; each step owns distinct spans (kind line, strategy, volumes …).
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedFile, DocumentSlot, WorkloadKind } from '../parse/parseFile';
import { pairOf } from '../parse/navigate';
import type { DocEditor } from '../edit/yamlEdits';

export interface ConvertOptions {
  /** Replica count when the target has replicas and the source has none (default 1). */
  readonly replicas?: number;
}

export interface ConvertContext {
  readonly file: ParsedFile;
  readonly slot: DocumentSlot;
  readonly editor: DocEditor;
  readonly from: WorkloadKind;
  readonly to: WorkloadKind;
  readonly root: YAMLMap;
  readonly spec: YAMLMap;
  readonly options: ConvertOptions;
  readonly dropped: string[];
  /** The same losses field by field, for titles and for checking a round trip. */
  readonly droppedFields: DroppedField[];
  readonly notes: string[];
}

/** One field a conversion does not carry over. */
export interface DroppedField {
  /** Where it was in the source document; list items are named by their `name`. */
  readonly path: readonly string[];
  /** What a title shows: `maxSurge 25%`, `progressDeadlineSeconds`. */
  readonly label: string;
}

/**
 * Records a field that does not carry over: its path and compact label, and the sentence that
 * says why (none when one note covers several fields, as for the server-managed ones).
 */
export function drop(ctx: Pick<ConvertContext, 'dropped' | 'droppedFields'>, path: readonly string[], label: string, sentence?: string): void {
  ctx.droppedFields.push({ path, label });
  if (sentence) ctx.dropped.push(sentence);
}

export type AnyPair = Pair<ParsedNode, ParsedNode | null>;

/** The map at a key of a map, or undefined. */
export function mapAt(map: unknown, key: string): YAMLMap | undefined {
  const value = pairOf(map, key)?.value;
  return isMap(value) ? (value as YAMLMap) : undefined;
}

export function seqAt(map: unknown, key: string): YAMLSeq | undefined {
  const value = pairOf(map, key)?.value;
  return isSeq(value) ? (value as YAMLSeq) : undefined;
}

/** The plain JS value of a scalar at a key (strings, numbers, booleans). */
export function scalarAt(map: unknown, key: string): unknown {
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? value.value : undefined;
}

/** A node as plain data (for values copied into new documents). */
export function toData(node: unknown): unknown {
  return node && typeof (node as Node).toJSON === 'function' ? (node as Node).toJSON() : undefined;
}

/** `spec.template.spec` of a workload. */
export function podSpecOf(spec: YAMLMap): YAMLMap | undefined {
  return mapAt(mapAt(spec, 'template'), 'spec');
}

/** True for 0, "0" and "0%": the values that switch a surge or unavailability budget off. */
export function isZero(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}

/**
 * Deletes some keys of a map; when nothing would be left, deletes the map's own pair from its
 * parent instead, so no `key:` with an empty value is left behind.
 */
export function removeKeys(ctx: ConvertContext, parent: YAMLMap, parentKey: string, keys: readonly string[]): string[] {
  const map = mapAt(parent, parentKey);
  if (!map) return [];
  const pairs = (map.items as AnyPair[]).filter((p) => isScalar(p.key) && keys.includes(String(p.key.value)));
  if (pairs.length === 0) return [];
  if (pairs.length === map.items.length) ctx.editor.deletePair(parent, pairOf(parent, parentKey)!);
  else ctx.editor.deletePairs(map, pairs);
  return pairs.map((p) => String((p.key as { value: unknown }).value));
}
