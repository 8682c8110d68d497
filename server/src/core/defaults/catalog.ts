/**
 * The one place that knows what the API server fills in: the catalog of every defaulted type
 * (workloads, pod templates, companions), the kinds it starts from, and each default as a
 * hover or completion reads it. The effective manifest, inlay hints, hovers, completion and the
 * API-server rules all read it from here.
 */
import type { Catalog, FieldDefault, TypeDefaults } from './catalogTypes';
import { COMPANION_DEFAULTS } from './companionDefaults';
import { POD_DEFAULTS } from './podDefaults';
import { WORKLOAD_DEFAULTS } from './workloadDefaults';

export const CATALOG: Catalog = { ...WORKLOAD_DEFAULTS, ...POD_DEFAULTS, ...COMPANION_DEFAULTS };

/**
 * `apiVersion/kind` → the catalog type defaulting starts from. Only the served versions whose
 * defaulting the catalog describes: an object in another version gets no defaults from us.
 */
const ROOTS: Readonly<Record<string, string>> = {
  'apps/v1/Deployment': 'apps.v1.Deployment',
  'apps/v1/StatefulSet': 'apps.v1.StatefulSet',
  'apps/v1/DaemonSet': 'apps.v1.DaemonSet',
  'apps/v1/ReplicaSet': 'apps.v1.ReplicaSet',
  'v1/Pod': 'core.v1.Pod',
  'v1/Service': 'core.v1.Service',
  'v1/PersistentVolumeClaim': 'core.v1.PersistentVolumeClaim',
  'v1/Secret': 'core.v1.Secret',
  'v1/ConfigMap': 'core.v1.ConfigMap',
  'v1/ServiceAccount': 'core.v1.ServiceAccount',
  'batch/v1/Job': 'batch.v1.Job',
  'batch/v1/CronJob': 'batch.v1.CronJob',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling.v2.HorizontalPodAutoscaler',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.v1.NetworkPolicy',
  'networking.k8s.io/v1/Ingress': 'networking.v1.Ingress',
  'policy/v1/PodDisruptionBudget': 'policy.v1.PodDisruptionBudget',
};

/** The catalog type an object's defaulting starts from; undefined for kinds or versions we do not know. */
export function defaultingRoot(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const key = `${apiVersion}/${kind}`;
  return Object.prototype.hasOwnProperty.call(ROOTS, key) ? ROOTS[key] : undefined;
}

export function typeDefaults(typeId: string): TypeDefaults | undefined {
  return Object.prototype.hasOwnProperty.call(CATALOG, typeId) ? CATALOG[typeId] : undefined;
}

/** The catalog entry for one field of a type, if the server defaults it. */
export function fieldDefaultEntry(typeId: string | undefined, field: string): FieldDefault | undefined {
  if (!typeId) return undefined;
  return typeDefaults(typeId)?.fields?.find((f) => f.field === field);
}

/**
 * Fields the server leaves out when they are not written, whose absence reads as a value
 * (a Go zero value or a controller's fallback): hovers say so, the effective manifest does not
 * add them. Sources: the field descriptions of the API reference, and for the StatefulSet's
 * maxUnavailable the StatefulSet controller (pkg/controller/statefulset, MaxUnavailableStatefulSet
 * is not enabled by default in 1.36, so the server sets no value).
 */
const ABSENT_MEANS: Readonly<Record<string, string>> = {
  'apps.v1.DeploymentSpec.minReadySeconds': '`0`',
  'apps.v1.StatefulSetSpec.minReadySeconds': '`0`',
  'apps.v1.DaemonSetSpec.minReadySeconds': '`0`',
  'apps.v1.ReplicaSetSpec.minReadySeconds': '`0`',
  'apps.v1.RollingUpdateStatefulSetStrategy.maxUnavailable': '`1`',
  'apps.v1.StatefulSetOrdinals.start': '`0`',
  'core.v1.Probe.initialDelaySeconds': '`0`',
  'core.v1.Toleration.operator': '`Equal`',
};

/**
 * The server-side default of a field as short Markdown, for hovers and completion: what the
 * server sets, or what leaving the field out means.
 */
export function fieldDefault(ownerTypeId: string | undefined, field: string): string | undefined {
  const entry = fieldDefaultEntry(ownerTypeId, field);
  if (entry) return describeDefault(entry);
  const key = `${ownerTypeId}.${field}`;
  return Object.prototype.hasOwnProperty.call(ABSENT_MEANS, key) ? ABSENT_MEANS[key] : undefined;
}

/**
 * The fixed value the server sets for a field (`25%` for a Deployment's maxSurge), for rules that
 * compare effective values; throws for a field the catalog does not default to a fixed value.
 */
export function defaultValue(typeId: string, field: string): unknown {
  const entry = fieldDefaultEntry(typeId, field);
  if (!entry || typeof entry.value === 'function') throw new Error(`no fixed default for ${typeId}.${field}`);
  return entry.value;
}

/** A default as short Markdown: the entry's own words, or the value in backticks. */
export function describeDefault(entry: FieldDefault): string {
  if (entry.describe) return entry.describe;
  return typeof entry.value === 'function' ? 'set by the API server' : `\`${formatValue(entry.value)}\``;
}

/**
 * A value as a hint or a hover shows it: scalars as written in YAML, a strategy as
 * `RollingUpdate (maxSurge 25%, maxUnavailable 25%)`, other objects as `{a: 1, b: x}`.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const typed = (value as Record<string, unknown>)['type'];
  if (typeof typed === 'string') {
    const rest = leaves(entries.filter(([k]) => k !== 'type'));
    return rest.length ? `${typed} (${rest.join(', ')})` : typed;
  }
  return `{${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')}}`;
}

/** `maxSurge 25%`: the scalar leaves of nested objects, named by their last key. */
function leaves(entries: readonly [string, unknown][]): string[] {
  const out: string[] = [];
  for (const [key, v] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...leaves(Object.entries(v as Record<string, unknown>)));
    else out.push(`${key} ${formatValue(v)}`);
  }
  return out;
}
