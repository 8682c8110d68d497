/**
 * Which apiVersions serve each workload kind, and what happened to the old ones.
 *
 * Source: the Kubernetes deprecation guide (https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16),
 * the 1.16 changelog (kubernetes/kubernetes#70672: "will be completely removed in v1.18") and the
 * legacy directories of kubernetes-models 5.1.0; summarised in /work/shared/research/k8s-rules.md §3.
 */
import type { WorkloadKind } from '../parse/parseFile';

export interface ApiVersionFact {
  readonly apiVersion: string;
  readonly kinds: readonly WorkloadKind[];
  /** Release that deprecated it; absent for a current version. */
  readonly deprecatedIn?: string;
  /** Release whose API server stopped serving it by default. */
  readonly stoppedServingIn?: string;
  /** Release that removed it completely (it could not be re-enabled any more). */
  readonly removedIn?: string;
  readonly replacement?: string;
}

export const CURRENT_API_VERSION = 'apps/v1';

export const API_VERSION_FACTS: readonly ApiVersionFact[] = [
  { apiVersion: 'apps/v1', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
    deprecatedIn: '1.9',
    stoppedServingIn: '1.16',
    removedIn: '1.18',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet'],
    deprecatedIn: '1.9',
    stoppedServingIn: '1.16',
    removedIn: '1.18',
    replacement: 'apps/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    deprecatedIn: '1.9',
    stoppedServingIn: '1.16',
    removedIn: '1.18',
    replacement: 'apps/v1',
  },
];

export function apiVersionFact(apiVersion: string): ApiVersionFact | undefined {
  return API_VERSION_FACTS.find((f) => f.apiVersion === apiVersion);
}

/** apiVersions a current cluster serves for the kind (apps/v1 for all four). */
export function servingApiVersions(kind: WorkloadKind): string[] {
  return API_VERSION_FACTS.filter((f) => !f.removedIn && f.kinds.includes(kind)).map((f) => f.apiVersion);
}

/** Removed apiVersions that once served the kind. */
export function removedApiVersions(kind: WorkloadKind): ApiVersionFact[] {
  return API_VERSION_FACTS.filter((f) => f.removedIn && f.kinds.includes(kind));
}
