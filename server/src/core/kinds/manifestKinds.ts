/**
 * Which kinds the analysis knows, under which apiVersions the Kubernetes API server serves them,
 * and which apiVersions it no longer serves.
 *
 * The served group versions are the roots of the generated model (scripts/genModel.mjs walks the
 * current group version of every kind, plus autoscaling/v1), less the legacy workload versions it
 * keeps for hover. The removed versions of the kinds beside workloads are not in any package;
 * they come from the Kubernetes deprecation guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), sections v1.16, v1.22,
 * v1.25 and v1.26.
 */
import { MODEL } from '../model/model';
import { WORKLOAD_KINDS, type WorkloadKind } from '../parse/parseFile';
import { API_VERSION_FACTS } from './apiVersions';

/** Kinds that sit beside workloads in real files. */
export const COMPANION_KINDS = [
  'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler',
  'PodDisruptionBudget', 'NetworkPolicy', 'Ingress', 'Job', 'CronJob', 'Pod', 'Namespace',
] as const;
export type CompanionKind = (typeof COMPANION_KINDS)[number];
export type ManifestKind = WorkloadKind | CompanionKind;

export const MANIFEST_KINDS: readonly ManifestKind[] = [...WORKLOAD_KINDS, ...COMPANION_KINDS];

/** Kinds whose documents carry a pod spec: the workloads' and Jobs' pod templates, a CronJob's job template, a Pod. */
export const POD_KINDS: readonly ManifestKind[] = [...WORKLOAD_KINDS, 'Job', 'CronJob', 'Pod'];

export function isManifestKind(kind: string | undefined): kind is ManifestKind {
  return kind !== undefined && (MANIFEST_KINDS as readonly string[]).includes(kind);
}

export interface RemovedCompanionVersion {
  readonly apiVersion: string;
  readonly kinds: readonly CompanionKind[];
  readonly stoppedServing: string;
  readonly removed: string;
  readonly replacement: string;
}

/** The deprecation guide's removals of the kinds beside workloads. */
const REMOVED_COMPANION_VERSIONS: readonly RemovedCompanionVersion[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], stoppedServing: '1.16', removed: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], stoppedServing: '1.22', removed: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], stoppedServing: '1.22', removed: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], stoppedServing: '1.25', removed: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], stoppedServing: '1.25', removed: '1.25', replacement: 'policy/v1' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], stoppedServing: '1.25', removed: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], stoppedServing: '1.26', removed: '1.26', replacement: 'autoscaling/v2' },
];

export interface RemovedVersionFact {
  readonly stoppedServing: string;
  readonly removed: string;
  readonly replacement: string;
  /** Whether this removed version ever served the kind (extensions/v1beta1 never served StatefulSet). */
  readonly servedKind: boolean;
}

/** The removal of an apiVersion that once served `kind` (or, for a workload kind, another workload kind). */
export function removedVersionFor(apiVersion: string, kind: string): RemovedVersionFact | undefined {
  const companion = REMOVED_COMPANION_VERSIONS.find((r) => r.apiVersion === apiVersion && (r.kinds as readonly string[]).includes(kind));
  if (companion) return { ...companion, servedKind: true };
  if (!(WORKLOAD_KINDS as readonly string[]).includes(kind)) return undefined;
  const fact = API_VERSION_FACTS.find((f) => f.apiVersion === apiVersion && f.stoppedServingIn && f.removedIn);
  if (!fact) return undefined;
  return {
    stoppedServing: fact.stoppedServingIn!,
    removed: fact.removedIn!,
    replacement: fact.replacement ?? 'apps/v1',
    servedKind: (fact.kinds as readonly string[]).includes(kind),
  };
}

const LEGACY = new Set(API_VERSION_FACTS.filter((f) => f.removedIn).map((f) => f.apiVersion));

/** kind → apiVersions served, preferred first (autoscaling/v2 before v1), from the model's roots. */
const SERVED: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const key of Object.keys(MODEL.roots)) {
    const slash = key.lastIndexOf('/');
    const apiVersion = key.slice(0, slash);
    if (LEGACY.has(apiVersion)) continue;
    const kind = key.slice(slash + 1);
    const list = out.get(kind) ?? [];
    list.push(apiVersion);
    out.set(kind, list);
  }
  for (const list of out.values()) list.sort((a, b) => preference(b) - preference(a));
  return out;
})();

/** v2 over v1 within a group; otherwise the model's order. */
function preference(apiVersion: string): number {
  return Number(/v(\d+)$/.exec(apiVersion)?.[1] ?? 0);
}

/** The apiVersions a Kubernetes 1.36 API server serves for a kind we model; empty for others. */
export function servedApiVersions(kind: string): readonly string[] {
  return SERVED.get(kind) ?? [];
}

export function isServed(apiVersion: string, kind: string): boolean {
  return servedApiVersions(kind).includes(apiVersion);
}

/** Kinds we model that an apiVersion serves (`v1` → Service, ConfigMap …). */
export function kindsServedBy(apiVersion: string): ManifestKind[] {
  return MANIFEST_KINDS.filter((k) => isServed(apiVersion, k));
}

/**
 * Whether an apiVersion names a group of Kubernetes itself: the core group (`v1`), a group
 * without dots (apps, batch, autoscaling, policy, extensions …) or one under k8s.io. Other
 * groups belong to custom resources (a Knative `serving.knative.dev/v1` Service), which the
 * analysis leaves alone.
 */
export function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return /^v\d/i.test(apiVersion);
  const group = apiVersion.slice(0, slash).toLowerCase();
  return !group.includes('.') || group.endsWith('.k8s.io');
}
