/**
 * Where a document's defaults land: for each mapping the manifest writes, the fields the API
 * server will fill into it (records of core/defaults/applyDefaults.ts whose object exists in the
 * tree), and where a hint about them goes. Inlay hints, the insert-defaults actions and hovers
 * read this; it is plain data, kept with the parse (`lasting`) per Kubernetes version.
 *
 *     spec:                 ← hint: replicas: 1, strategy: RollingUpdate (maxSurge 25%, maxUnavailable 25%) +2
 *       template: …
 */
import { isMap, isPair, type Node, type Pair, type YAMLMap } from 'yaml';
import { applyDefaults, minorOf, type DefaultRecord } from '../defaults/applyDefaults';
import { lineEndOf } from '../edit/textEdits';
import { nodeAtPath, pairOf, pathToString, type YamlPath } from '../parse/navigate';
import type { DocumentSlot, ParsedDocument } from '../parse/parseFile';

export interface MappingDefaults {
  /** Path of a mapping the manifest writes. */
  readonly path: YamlPath;
  /** The fields the server sets in it, in the order it sets them (nested objects whole). */
  readonly records: readonly DefaultRecord[];
  /** Which of them surprise (their own entry, or one inside the object they add). */
  readonly surprising: readonly boolean[];
  /** Segment-relative offset of the mapping's start and end (for the cursor), and of the hint. */
  readonly start: number;
  readonly end: number;
  readonly hintAt: number;
}

/** The written field after whose line a type's hint reads best (`imagePullPolicy` after `image:`). */
const ANCHORS: Readonly<Record<string, string>> = {
  'core.v1.Container': 'image',
  'core.v1.ContainerPort': 'containerPort',
  'core.v1.ServicePort': 'port',
  'core.v1.Volume': 'name',
};

const EMPTY: readonly MappingDefaults[] = [];

/** The mappings of a document that get defaults, in document order, for a Kubernetes version ("1.36"). */
export function documentDefaults(slot: DocumentSlot, version: string): readonly MappingDefaults[] {
  return parsedDefaults(slot.parsed, version);
}

/** `documentDefaults` of a parsed document (prepareDocument works them out for every workload). */
export function parsedDefaults(parsed: ParsedDocument, version: string): readonly MappingDefaults[] {
  // Helm templates have no values yet; a document with errors is not what the server would get.
  if (!parsed.isKubernetes || parsed.template || parsed.problems.some((p) => p.severity === 'error')) return EMPTY;
  const key = `documentDefaults:${version}`;
  const known = parsed.lasting.get(key) as readonly MappingDefaults[] | undefined;
  if (known) return known;
  const computed = compute(parsed, version);
  parsed.lasting.set(key, computed);
  return computed;
}

/** The defaults of the innermost mapping around a segment-relative offset. */
export function defaultsAt(slot: DocumentSlot, rel: number, version: string): MappingDefaults | undefined {
  let best: MappingDefaults | undefined;
  for (const m of documentDefaults(slot, version)) {
    if (m.start <= rel && rel <= m.end && (!best || m.path.length >= best.path.length)) best = m;
  }
  return best;
}

function compute(parsed: ParsedDocument, version: string): readonly MappingDefaults[] {
  let source: unknown;
  try {
    source = parsed.doc.toJS({ maxAliasCount: 100 });
  } catch {
    return EMPTY;
  }
  const defaulted = applyDefaults(source, minorOf(version));
  if (!defaulted) return EMPTY;
  const groups = new Map<string, DefaultRecord[]>();
  const maps = new Map<string, YAMLMap>();
  for (const record of defaulted.records) {
    const id = pathToString(record.path);
    let map = maps.get(id);
    if (!map) {
      const node = record.path.length ? nodeAtPath(parsed, record.path) : (parsed.doc.contents as Node | null);
      // Set inside an object the server adds: the record of that object covers it.
      if (!isMap(node) || !node.range) continue;
      maps.set(id, (map = node));
    }
    const group = groups.get(id) ?? [];
    group.push(record);
    groups.set(id, group);
  }
  const out: MappingDefaults[] = [];
  for (const [id, records] of groups) {
    const map = maps.get(id)!;
    const path = records[0]!.path;
    const surprising = records.map((r) => r.entry.surprising === true || defaulted.records.some((inner) => inner.entry.surprising === true && inside(inner.path, [...r.path, r.field])));
    out.push({ path, records, surprising, start: map.range![0], end: map.range![1], hintAt: hintOffset(parsed, map, path, records[0]!.typeId) });
  }
  return out.sort((a, b) => a.start - b.start || a.path.length - b.path.length);
}

function inside(path: YamlPath, prefix: YamlPath): boolean {
  return path.length >= prefix.length && prefix.every((step, i) => path[i] === step);
}

/** End of the line the hint follows: the anchor field's, the mapping's key's, or its first line. */
function hintOffset(parsed: ParsedDocument, map: YAMLMap, path: YamlPath, typeId: string): number {
  const text = parsed.text;
  const anchorKey = ANCHORS[typeId];
  const anchor = anchorKey ? pairOf(map, anchorKey) : undefined;
  let at: number | undefined = anchor ? lineStart(anchor) : undefined;
  if (at === undefined && path.length === 0) {
    const kind = pairOf(map, 'kind');
    at = kind ? lineStart(kind) : undefined;
  }
  if (at === undefined && typeof path[path.length - 1] === 'string') {
    const parent = path.length > 1 ? nodeAtPath(parsed, path.slice(0, -1)) : parsed.doc.contents;
    const pair = pairOf(parent, path[path.length - 1] as string);
    at = pair ? lineStart(pair) : undefined;
  }
  const end = lineEndOf(text, at ?? map.range![0]);
  return text[end - 1] === '\r' ? end - 1 : end;
}

function lineStart(pair: Pair<unknown, unknown>): number | undefined {
  return isPair(pair) ? (pair.key as Node | null)?.range?.[0] : undefined;
}
