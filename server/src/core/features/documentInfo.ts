/**
 * What the client needs to know about the workloads in a file: for the CodeLens above each
 * `kind:` line, the status bar item and the comparison panel's "this manifest" row.
 *
 *     kind: StatefulSet          →  { kind: 'StatefulSet', name: 'db', kindRange: <the kind line>,
 *     metadata: { name: db }          values: { 'spec.replicas': '3', 'spec.serviceName': 'db', … } }
 *     spec: { replicas: 3, serviceName: db }
 *
 * Only the document's own values are reported; defaults the API server would fill in are not,
 * so the panel never claims a manifest says something it does not.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { DocumentSlot, ParsedDocument, ParsedFile, WorkloadKind } from '../parse/parseFile';
import { nodeAtPath, pairOf, slotAt, type YamlPath } from '../parse/navigate';

/** A workload's kind line: what a lens above it needs. */
export interface KindLineInfo {
  /** Position of the document in the file, counting from 0. */
  readonly index: number;
  readonly kind: WorkloadKind;
  readonly apiVersion: string;
  readonly name: string | undefined;
  readonly kindRange: Range;
}

export interface WorkloadInfo extends KindLineInfo {
  readonly range: Range;
  readonly values: Readonly<Record<string, string>>;
}

export interface DocumentInfo {
  readonly workloads: readonly WorkloadInfo[];
  /** Index into `workloads` of the workload at the offset, if any. */
  readonly active: number | undefined;
}


/**
 * The spec fields the comparison panel shows for "this manifest", in display order. Paths are
 * relative to the document root; a list of mappings shows the names of its items.
 */
export const MANIFEST_FIELDS: readonly string[] = [
  'spec.replicas',
  'spec.strategy.type',
  'spec.strategy.rollingUpdate.maxSurge',
  'spec.strategy.rollingUpdate.maxUnavailable',
  'spec.updateStrategy.type',
  'spec.updateStrategy.rollingUpdate.partition',
  'spec.updateStrategy.rollingUpdate.maxUnavailable',
  'spec.updateStrategy.rollingUpdate.maxSurge',
  'spec.serviceName',
  'spec.podManagementPolicy',
  'spec.volumeClaimTemplates',
  'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
  'spec.persistentVolumeClaimRetentionPolicy.whenScaled',
  'spec.ordinals.start',
  'spec.minReadySeconds',
  'spec.revisionHistoryLimit',
  'spec.progressDeadlineSeconds',
  'spec.paused',
];

/**
 * The workloads of a file and the one at `offset`. With scope 'active', only that one is listed
 * (then `active` is 0), found without looking at the other documents: every workload with its
 * values is about 350 bytes of JSON and four line lookups, 1.7 MB and some 50 ms in a
 * 5,000-document bundle (issue #8), and the status bar asks on every cursor move. The lenses,
 * asked for after every edit, take `computeKindLines`.
 */
export function computeDocumentInfo(file: ParsedFile, offset: number | undefined, scope: 'all' | 'active' = 'all'): DocumentInfo {
  if (scope === 'active') {
    const slot = offset === undefined ? undefined : slotAt(file, offset);
    const info = slot && workloadInfo(file, slot);
    return info ? { workloads: [info], active: 0 } : { workloads: [], active: undefined };
  }
  const workloads: WorkloadInfo[] = [];
  for (const slot of file.docs) {
    const info = workloadInfo(file, slot);
    if (info) workloads.push(info);
  }
  let active: number | undefined;
  if (offset !== undefined) {
    const slot = slotAt(file, offset);
    const found = slot ? workloads.findIndex((w) => w.index === slot.index) : -1;
    active = found >= 0 ? found : undefined;
  }
  return { workloads, active };
}

/** Every workload's kind line, in file order (the lenses). */
export function computeKindLines(file: ParsedFile): KindLineInfo[] {
  const out: KindLineInfo[] = [];
  for (const slot of file.docs) {
    const summary = workloadSummary(slot.parsed);
    if (!summary) continue;
    const { kind, apiVersion, name } = summary;
    out.push({ index: slot.index, kind, apiVersion, name, kindRange: rangeIn(file, slot, summary.kindRange) });
  }
  return out;
}

function rangeIn(file: ParsedFile, slot: DocumentSlot, [start, end]: readonly [number, number]): Range {
  return { start: file.document.positionAt(slot.start + start), end: file.document.positionAt(slot.start + end) };
}

function workloadInfo(file: ParsedFile, slot: DocumentSlot): WorkloadInfo | undefined {
  const summary = workloadSummary(slot.parsed);
  if (!summary) return undefined;
  const { kind, apiVersion, name, values } = summary;
  return { index: slot.index, kind, apiVersion, name, range: rangeIn(file, slot, summary.range), kindRange: rangeIn(file, slot, summary.kindRange), values };
}

/** A workload's info with offsets relative to its segment: plain data, kept with the parse. */
interface WorkloadSummary {
  readonly kind: WorkloadKind;
  readonly apiVersion: string;
  readonly name: string | undefined;
  readonly range: readonly [number, number];
  readonly kindRange: readonly [number, number];
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The summary of a workload document, or undefined for anything else. Memoised apart from the
 * tree (`lasting`), so the status bar and CodeLens of a large bundle never parse documents again.
 */
export function workloadSummary(parsed: ParsedDocument): WorkloadSummary | undefined {
  if (!parsed.isWorkload) return undefined;
  if (parsed.lasting.has('info:workload')) return parsed.lasting.get('info:workload') as WorkloadSummary | undefined;
  const doc = parsed.doc;
  const kindPair = pairOf(doc.contents, 'kind');
  const docRange = doc.contents?.range ?? doc.range;
  let summary: WorkloadSummary | undefined;
  if (kindPair?.key?.range && docRange) {
    const name = nodeAtPath(parsed, ['metadata', 'name']);
    summary = {
      kind: parsed.kind as WorkloadKind,
      apiVersion: parsed.apiVersion ?? '',
      name: isScalar(name) && name.value !== null ? String(name.value) : undefined,
      range: [docRange[0], docRange[1]],
      kindRange: [kindPair.key.range[0], kindPair.value?.range?.[1] ?? kindPair.key.range[1]],
      values: manifestValues(parsed),
    };
  }
  parsed.lasting.set('info:workload', summary);
  return summary;
}

/** The displayed value of each field that the document sets. */
export function manifestValues(parsed: ParsedDocument): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, path] of MANIFEST_PATHS) {
    const shown = displayValue(nodeAtPath(parsed, path));
    if (shown !== undefined) values[field] = shown;
  }
  return values;
}

/** MANIFEST_FIELDS with their paths, split once: the values are read for every workload of a file. */
const MANIFEST_PATHS: readonly (readonly [string, YamlPath])[] = MANIFEST_FIELDS.map((field) => [field, field.split('.')]);

/** Scalars as written; a list shows its items' `metadata.name` (claim templates) or `name`. */
function displayValue(node: Node | undefined): string | undefined {
  if (isScalar(node)) return node.value === null ? undefined : String(node.value);
  if (isSeq(node)) {
    const names = node.items.map(itemName).filter((n): n is string => n !== undefined);
    return names.join(', ');
  }
  return undefined;
}

function itemName(item: unknown): string | undefined {
  if (!isMap(item)) return isScalar(item) && item.value !== null ? String(item.value) : undefined;
  const metadata = pairOf(item, 'metadata')?.value;
  const named = pairOf(metadata, 'name')?.value ?? pairOf(item, 'name')?.value;
  return isScalar(named) && named.value !== null ? String(named.value) : undefined;
}
