/**
 * apiVersions of the four workload kinds: the one served today and the ones removed.
 * Source: https://kubernetes.io/docs/reference/using-api/deprecation-guide/#v1-16 and the
 * Kubernetes 1.16 changelog ("will be completely removed in v1.18", #70672).
 */
import type { WorkloadKind } from '../../parse/parseFile';

export const CURRENT_API_VERSION = 'apps/v1';

export interface RemovedVersion {
  readonly apiVersion: string;
  readonly kinds: readonly WorkloadKind[];
  /** Release that stopped serving it by default. */
  readonly stoppedServing: string;
  /** Release whose API server can no longer serve it at all. */
  readonly removed: string;
}

export const REMOVED_VERSIONS: readonly RemovedVersion[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], stoppedServing: '1.16', removed: '1.18' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], stoppedServing: '1.16', removed: '1.18' },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'], stoppedServing: '1.16', removed: '1.18' },
];

export function removedVersion(apiVersion: string): RemovedVersion | undefined {
  return REMOVED_VERSIONS.find((r) => r.apiVersion === apiVersion);
}
