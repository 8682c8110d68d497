/**
 * Typed access to the generated Kubernetes model (k8sModel.json). Hover, diagnostics and completion
 * all read the schema through this module, so it stays free of Node, VS Code and LSP imports.
 */
import raw from './k8sModel.json';
import type { FieldDef, K8sModel, TypeDef, TypeExpr } from './modelTypes';

export type { FieldDef, K8sModel, TypeDef, TypeExpr } from './modelTypes';

// The JSON module's inferred type widens `required: true` to boolean, so it is asserted once here.
export const MODEL: K8sModel = raw as unknown as K8sModel;

export type ScalarKind = 'string' | 'boolean' | 'integer' | 'IntOrString' | 'Quantity' | 'Time' | 'object';

export type ParsedType =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'ref'; readonly id: string }
  | { readonly kind: 'array'; readonly item: TypeExpr }
  | { readonly kind: 'map'; readonly value: TypeExpr };

export interface ResolvedPath {
  /** The last named field on the path; for `containers[0]` it is the `containers` field. */
  readonly field?: FieldDef;
  /** The type at the end of the path (for `containers[0]`, the item type `ref:core.v1.Container`). */
  readonly typeExpr: TypeExpr;
  /** The type that declares `field`. */
  readonly ownerTypeId?: string;
}

const SCALARS: ReadonlySet<string> = new Set<ScalarKind>([
  'string', 'boolean', 'integer', 'IntOrString', 'Quantity', 'Time', 'object',
]);

// Keys come from user documents, so lookups must not fall through to Object.prototype ("constructor").
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** "apps/v1" + "Deployment" → "apps.v1.Deployment"; also the legacy group versions. */
export function rootTypeFor(apiVersion: string, kind: string): string | undefined {
  return own(MODEL.roots, `${apiVersion}/${kind}`);
}

export function getType(id: string): TypeDef | undefined {
  return own(MODEL.types, id);
}

/**
 * Each type's fields as a Map, made on first use: the rules look a field up for every key of
 * every document, and one Map lookup costs less than a guarded lookup in a large JSON object.
 */
const fieldMaps = new Map<string, ReadonlyMap<string, FieldDef> | undefined>();

export function fieldAt(typeId: string, name: string): FieldDef | undefined {
  return typeFields(typeId)?.get(name);
}

/** A type's fields by name; undefined for a type the model does not have. */
export function typeFields(typeId: string): ReadonlyMap<string, FieldDef> | undefined {
  let fields = fieldMaps.get(typeId);
  if (fields === undefined && !fieldMaps.has(typeId)) {
    const type = getType(typeId);
    fields = type ? new Map(Object.entries(type.fields)) : undefined;
    fieldMaps.set(typeId, fields);
  }
  return fields;
}

const parsed = new Map<TypeExpr, ParsedType>();

/** Splits one level of a TypeExpr. Unknown scalars read as `object` so callers never crash on them. */
export function parseTypeExpr(t: TypeExpr): ParsedType {
  let result = parsed.get(t);
  if (!result) {
    result = parseUncached(t);
    parsed.set(t, result);
  }
  return result;
}

function parseUncached(t: TypeExpr): ParsedType {
  if (t.startsWith('ref:')) return { kind: 'ref', id: t.slice(4) };
  if (t.startsWith('array:')) return { kind: 'array', item: t.slice(6) };
  if (t.startsWith('map:')) return { kind: 'map', value: t.slice(4) };
  return { kind: SCALARS.has(t) ? (t as ScalarKind) : 'object' };
}

/** The name shown to users for a type id: its Kubernetes name, e.g. "Container". */
export function typeName(id: string): string {
  return getType(id)?.name ?? id.slice(id.lastIndexOf('.') + 1);
}

/** A short English rendering for hover text, e.g. "list of Container", "map of string to Quantity". */
export function typeInWords(t: TypeExpr): string {
  if (t === 'IntOrString') return 'IntOrString (integer or string such as "25%")';
  return shortWords(t);
}

function shortWords(t: TypeExpr): string {
  const p = parseTypeExpr(t);
  switch (p.kind) {
    case 'ref': return typeName(p.id);
    case 'array': return `list of ${shortWords(p.item)}`;
    case 'map': return `map of string to ${shortWords(p.value)}`;
    default: return p.kind;
  }
}

/**
 * Walks a document path from a root type: strings name fields of a type or keys of a map, numbers
 * index lists. Returns undefined as soon as a segment does not fit the schema.
 */
export function resolvePath(rootTypeId: string, path: readonly (string | number)[]): ResolvedPath | undefined {
  if (!getType(rootTypeId)) return undefined;
  let current: ResolvedPath = { typeExpr: `ref:${rootTypeId}` };
  for (const segment of path) {
    const next = step(current, segment);
    if (!next) return undefined;
    current = next;
  }
  return current;
}

function step(current: ResolvedPath, segment: string | number): ResolvedPath | undefined {
  const p = parseTypeExpr(current.typeExpr);
  if (p.kind === 'ref' && typeof segment === 'string') {
    const field = fieldAt(p.id, segment);
    return field ? { field, typeExpr: field.type, ownerTypeId: p.id } : undefined;
  }
  if (p.kind === 'array' && typeof segment === 'number') return { ...current, typeExpr: p.item };
  if (p.kind === 'map' && typeof segment === 'string') return { ...current, typeExpr: p.value };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Links to the Kubernetes API reference
// ---------------------------------------------------------------------------------------------

const API_PAGES = 'https://kubernetes.io/docs/reference/kubernetes-api/';
const DEPRECATION_GUIDE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16';

/** Types with their own page (or a section of one) in the curated API reference. */
const PAGES: Readonly<Record<string, string>> = {
  'apps.v1.Deployment': 'workload-resources/deployment-v1/',
  'apps.v1.DeploymentSpec': 'workload-resources/deployment-v1/#DeploymentSpec',
  'apps.v1.DeploymentStatus': 'workload-resources/deployment-v1/#DeploymentStatus',
  'apps.v1.StatefulSet': 'workload-resources/stateful-set-v1/',
  'apps.v1.StatefulSetSpec': 'workload-resources/stateful-set-v1/#StatefulSetSpec',
  'apps.v1.StatefulSetStatus': 'workload-resources/stateful-set-v1/#StatefulSetStatus',
  'apps.v1.DaemonSet': 'workload-resources/daemon-set-v1/',
  'apps.v1.DaemonSetSpec': 'workload-resources/daemon-set-v1/#DaemonSetSpec',
  'apps.v1.DaemonSetStatus': 'workload-resources/daemon-set-v1/#DaemonSetStatus',
  'apps.v1.ReplicaSet': 'workload-resources/replica-set-v1/',
  'apps.v1.ReplicaSetSpec': 'workload-resources/replica-set-v1/#ReplicaSetSpec',
  'apps.v1.ReplicaSetStatus': 'workload-resources/replica-set-v1/#ReplicaSetStatus',
  'core.v1.PodTemplateSpec': 'workload-resources/pod-template-v1/#PodTemplateSpec',
  'core.v1.PodSpec': 'workload-resources/pod-v1/#PodSpec',
  'core.v1.Container': 'workload-resources/pod-v1/#Container',
  'core.v1.EphemeralContainer': 'workload-resources/pod-v1/#EphemeralContainer',
  'core.v1.Volume': 'config-and-storage-resources/volume/',
  'core.v1.PersistentVolumeClaim': 'config-and-storage-resources/persistent-volume-claim-v1/',
  'apps.v1.StatefulSetSpec.volumeClaimTemplates': 'config-and-storage-resources/persistent-volume-claim-v1/',
  'core.v1.PersistentVolumeClaimSpec': 'config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec',
  'meta.v1.ObjectMeta': 'common-definitions/object-meta/',
  'meta.v1.LabelSelector': 'common-definitions/label-selector/',
};

/** apps/v1beta1, apps/v1beta2 and extensions/v1beta1 workloads stopped being served in 1.16. */
const LEGACY_VERSIONS: ReadonlySet<string> = new Set(['apps.v1beta1', 'apps.v1beta2', 'extensions.v1beta1']);

/**
 * A link to the API reference for a type: its curated page when it has one, otherwise its anchor
 * in the generated single-page reference (e.g. `#deploymentstrategy-v1-apps`). Legacy group
 * versions are absent from current references, so they link to the deprecation guide instead.
 */
export function apiReferenceUrl(typeId: string): string {
  const page = own(PAGES, typeId);
  if (page) return API_PAGES + page;
  const [group = 'core', version = 'v1'] = typeId.split('.');
  if (LEGACY_VERSIONS.has(`${group}.${version}`)) return DEPRECATION_GUIDE;
  const anchor = `${typeName(typeId).toLowerCase()}-${version}-${group}`;
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${MODEL.header.kubernetesVersion}/#${anchor}`;
}
