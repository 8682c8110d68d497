/**
 * One walk of a document against the generated model (any kind it has a root for), shared by the schema rules
 * (unknown-field, field-of-another-kind, invalid-type, invalid-enum, missing-required). The walk
 * runs once per parsed document and settings version; each rule reports its own findings.
 *
 * `status` and alias nodes are skipped, and in a Helm template so is every key or value that
 * touches a template action.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseTypeExpr, rootTypeFor, typeFields, typeName, type FieldDef, type TypeExpr } from '../../model/model';
import { isWorkloadKind, type ParsedDocument } from '../../parse/parseFile';
import { keyName, type PathSegment } from '../../parse/navigate';
import type { KubernetesVersion } from '../../settings/settings';
import { fieldOfAnotherKind, type KindField } from '../../kinds/kindFields';
import { isTemplated, jsonValue, pairIn } from './nodes';
import { scalarProblem } from './scalarTypes';

export interface SchemaFinding {
  readonly start: number;
  readonly end: number;
  readonly path: readonly PathSegment[];
  readonly typeId?: string;
}
export interface UnknownFinding extends SchemaFinding { readonly key: string; readonly candidates: readonly string[]; readonly since?: string }
export interface AnotherKindFinding extends SchemaFinding { readonly facts: KindField }
export interface TypeFinding extends SchemaFinding { readonly expected: TypeExpr; readonly message: string }
export interface EnumFinding extends SchemaFinding { readonly value: string; readonly allowed: readonly string[]; readonly field: string }
export interface MissingFinding extends SchemaFinding { readonly field: string; readonly typeExpr: TypeExpr }

export interface SchemaFindings {
  readonly unknown: UnknownFinding[];
  readonly anotherKind: AnotherKindFinding[];
  readonly types: TypeFinding[];
  readonly enums: EnumFinding[];
  readonly missing: MissingFinding[];
}

export function schemaFindings(doc: ParsedDocument, kind: string, apiVersion: string, version: KubernetesVersion): SchemaFindings {
  const key = `rules:schema:${version}`;
  const cached = doc.memo.get(key) as SchemaFindings | undefined;
  if (cached) return cached;
  const out: SchemaFindings = { unknown: [], anotherKind: [], types: [], enums: [], missing: [] };
  // Removed apiVersions have legacy roots in the model, so their own fields (rollbackTo) are known.
  const root = rootTypeFor(apiVersion, kind);
  if (root && doc.doc.contents) new Walker(doc, kind, version, out).walk(doc.doc.contents, `ref:${root}`, []);
  doc.memo.set(key, out);
  return out;
}

const MAX_DEPTH = 64;

function minor(v: string): number {
  return Number(v.split('.')[1] ?? 0);
}

class Walker {
  constructor(
    private readonly doc: ParsedDocument,
    private readonly kind: string,
    private readonly version: KubernetesVersion,
    private readonly out: SchemaFindings,
  ) {}

  /** `path` is the walk's own stack (pushed and popped); findings take copies of it. */
  walk(node: unknown, type: TypeExpr, path: PathSegment[], field?: FieldDef, fieldName?: string): void {
    if (isAlias(node) || path.length > MAX_DEPTH) return;
    // Collections are walked even when a template action sits inside them; scalars a template touches are unknown.
    if (isScalar(node) && (node.value === null || isTemplated(this.doc, node))) return;
    const p = parseTypeExpr(type);
    if (p.kind === 'ref') return this.walkObject(node, p.id, path);
    if (p.kind === 'array') {
      if (!isSeq(node)) return this.typeError(node, type, path, `Expected a list, got ${shape(node)}.`);
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        this.walk(items[i], p.item, path, field, fieldName);
        path.pop();
      }
      return;
    }
    if (p.kind === 'map') {
      if (!isMap(node)) return this.typeError(node, type, path, `Expected a map of keys to values, got ${shape(node)}.`);
      for (const pair of node.items) {
        const k = keyName(pair.key);
        if (k === undefined || k === '<<') continue;
        path.push(k);
        this.walk(pair.value, p.value, path, field, fieldName);
        path.pop();
      }
      return;
    }
    const problem = scalarProblem(node, p.kind, fieldName);
    if (problem) return this.typeError(node, type, path, problem);
    if (field?.enum) this.checkEnum(node, field, fieldName ?? '', path);
  }

  private walkObject(node: unknown, typeId: string, path: PathSegment[]): void {
    const fields = typeFields(typeId);
    if (!fields) return;
    if (!isMap(node)) return this.typeError(node, `ref:${typeId}`, path, `Expected an object (${typeName(typeId)}), got ${shape(node)}.`);
    for (const pair of node.items) {
      const key = keyName(pair.key);
      if (key === undefined || key === '<<') continue;
      if (path.length === 0 && key === 'status') continue;
      if (isTemplated(this.doc, pair.key)) continue;
      const field = fields.get(key);
      if (!field) {
        this.unknownKey(pair as Pair<Node, unknown>, key, typeId, path);
        continue;
      }
      if (field.since && minor(this.version) < minor(field.since)) {
        this.unknownKey(pair as Pair<Node, unknown>, key, typeId, path, field.since);
        continue;
      }
      path.push(key);
      this.walk(pair.value, field.type, path, field, key);
      path.pop();
    }
    if (!this.doc.template) this.checkRequired(node, typeId, path);
  }

  private unknownKey(pair: Pair<Node, unknown>, key: string, typeId: string, path: PathSegment[], since?: string): void {
    const r = pair.key.range;
    if (!r) return;
    const at = { start: r[0], end: r[1], path: [...path, key], typeId };
    const facts = path.length === 1 && path[0] === 'spec' && isWorkloadKind(this.kind) ? fieldOfAnotherKind(this.kind, key) : undefined;
    if (facts && !since) {
      this.out.anotherKind.push({ ...at, facts });
      return;
    }
    const candidates = [...(typeFields(typeId) ?? [])]
      .filter(([, f]) => !f.since || minor(this.version) >= minor(f.since))
      .map(([name]) => name);
    this.out.unknown.push({ ...at, key, candidates, ...(since ? { since } : {}) });
  }

  private checkEnum(node: unknown, field: FieldDef, fieldName: string, path: PathSegment[]): void {
    const v = jsonValue(node);
    const r = (node as Node | null)?.range;
    if (typeof v !== 'string' || !r || field.enum!.includes(v)) return;
    this.out.enums.push({ start: r[0], end: r[1], path: [...path], value: v, allowed: field.enum!, field: fieldName });
  }

  private typeError(node: unknown, expected: TypeExpr, path: PathSegment[], message: string): void {
    const r = (node as Node | null)?.range;
    if (r) this.out.types.push({ start: r[0], end: Math.max(r[1], r[0] + 1), path: [...path], expected, message });
  }

  private checkRequired(node: YAMLMap, typeId: string, path: PathSegment[]): void {
    for (const [name, field] of requiredFields(typeId, this.kind)) {
      const pair = pairIn(node, name);
      const value = pair?.value;
      const empty = value === undefined || value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
      if (!empty) continue;
      const anchor = pair ? (pair.key as Node) : parentKey(this.doc, path);
      const r = anchor?.range;
      if (r) this.out.missing.push({ start: r[0], end: r[1], path: [...path], field: name, typeExpr: field.type, typeId });
    }
  }
}

type Required = readonly (readonly [string, FieldDef])[];
/** By kind, then type id: every object of every document looks its type up here. */
const requiredByKind = new Map<string, Map<string, Required>>();

/** The fields of a type that are required in a kind: worked out once per type and kind. */
function requiredFields(typeId: string, kind: string): Required {
  let byType = requiredByKind.get(kind);
  if (!byType) requiredByKind.set(kind, (byType = new Map()));
  let fields = byType.get(typeId);
  if (!fields) {
    fields = [...(typeFields(typeId) ?? [])].filter(([name, field]) => isRequired(typeId, name, field, kind));
    byType.set(typeId, fields);
  }
  return fields;
}

/**
 * Required-ness as the API server enforces it: the model's `required`, minus fields other rules
 * own (the selector, apiVersion and kind), plus fields validation requires although OpenAPI does
 * not (a container's image, a ReplicaSet's template, a pod template's spec).
 */
function isRequired(typeId: string, name: string, field: FieldDef, kind: string): boolean {
  if (name === 'apiVersion' || name === 'kind' || name === 'selector') return false;
  if (typeId === 'core.v1.Container' && name === 'image') return true;
  if (name === 'template' && kind === 'ReplicaSet' && typeId.endsWith('.ReplicaSetSpec')) return true;
  // A pod template without spec has no containers, which validation requires.
  if (typeId === 'core.v1.PodTemplateSpec' && name === 'spec') return true;
  return field.required === true;
}

/** The key of the map at `path` (what a missing-required finding underlines); the item for list items. */
function parentKey(doc: ParsedDocument, path: PathSegment[]): Node | undefined {
  if (path.length === 0) return (doc.doc.contents as Node | null) ?? undefined;
  let node: unknown = doc.doc.contents;
  let anchor: Node | undefined;
  for (const step of path) {
    if (typeof step === 'number') {
      node = isSeq(node) ? node.items[step] : undefined;
      // A list item has no key of its own: point at the item's first key.
      anchor = isMap(node) ? ((node.items[0]?.key as Node | undefined) ?? (node as Node)) : (node as Node | undefined);
    } else {
      const pair = pairIn(node, step);
      anchor = pair?.key as Node | undefined;
      node = pair?.value;
    }
  }
  return anchor;
}

function shape(node: unknown): string {
  if (isMap(node)) return 'an object';
  if (isSeq(node)) return 'a list';
  const v = jsonValue(node);
  if (typeof v === 'string') return `the string "${v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${String(v)}`;
  return 'nothing';
}
