/**
 * Which workload kind owns which `spec` field, and what the nearest equivalent is on the others.
 * One source for the field-of-another-kind rule and for hover notes.
 *
 * Facts from the apps/v1 API (DeploymentSpec, StatefulSetSpec, DaemonSetSpec, ReplicaSetSpec):
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/
 */
import type { WorkloadKind } from '../parse/parseFile';

export interface KindField {
  /** The `spec` field. */
  readonly field: string;
  /** Kinds whose spec has the field. */
  readonly ownerKinds: readonly WorkloadKind[];
  /** Per other kind: what that kind uses instead, in a short phrase, when there is an equivalent. */
  readonly equivalent?: Partial<Record<WorkloadKind, string>>;
  /** Per other kind: why there is no equivalent. */
  readonly note?: Partial<Record<WorkloadKind, string>>;
}

export const KIND_FIELDS: readonly KindField[] = [
  {
    field: 'replicas',
    ownerKinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    note: { DaemonSet: 'it runs one pod on every eligible node (choose the nodes with a nodeSelector, affinity or tolerations)' },
  },
  {
    field: 'strategy',
    ownerKinds: ['Deployment'],
    equivalent: { StatefulSet: 'updateStrategy (RollingUpdate or OnDelete)', DaemonSet: 'updateStrategy (RollingUpdate or OnDelete)' },
    note: { ReplicaSet: 'it never updates its pods (use a Deployment for rollouts)' },
  },
  {
    field: 'updateStrategy',
    ownerKinds: ['StatefulSet', 'DaemonSet'],
    equivalent: { Deployment: 'strategy (RollingUpdate or Recreate)' },
    note: { ReplicaSet: 'it never updates its pods (use a Deployment for rollouts)' },
  },
  { field: 'serviceName', ownerKinds: ['StatefulSet'], note: { Deployment: 'only StatefulSet pods get stable DNS names', DaemonSet: 'only StatefulSet pods get stable DNS names', ReplicaSet: 'only StatefulSet pods get stable DNS names' } },
  {
    field: 'volumeClaimTemplates',
    ownerKinds: ['StatefulSet'],
    equivalent: {
      Deployment: 'template.spec.volumes with a persistentVolumeClaim or an ephemeral volume',
      DaemonSet: 'template.spec.volumes with an ephemeral volume',
      ReplicaSet: 'template.spec.volumes with a persistentVolumeClaim or an ephemeral volume',
    },
  },
  { field: 'podManagementPolicy', ownerKinds: ['StatefulSet'] },
  { field: 'persistentVolumeClaimRetentionPolicy', ownerKinds: ['StatefulSet'] },
  { field: 'ordinals', ownerKinds: ['StatefulSet'] },
  { field: 'progressDeadlineSeconds', ownerKinds: ['Deployment'] },
  { field: 'paused', ownerKinds: ['Deployment'] },
  {
    field: 'revisionHistoryLimit',
    ownerKinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
    note: { ReplicaSet: 'it keeps no revisions (its Deployment does)' },
  },
];

const BY_FIELD: ReadonlyMap<string, KindField> = new Map(KIND_FIELDS.map((f) => [f.field, f]));

/** The facts about a spec field that `kind` lacks but another kind has; undefined otherwise. */
export function fieldOfAnotherKind(kind: WorkloadKind, field: string): KindField | undefined {
  const facts = BY_FIELD.get(field);
  return facts && !facts.ownerKinds.includes(kind) ? facts : undefined;
}

/** "Deployment", "Deployment and StatefulSet", "Deployment, StatefulSet and DaemonSet". */
export function listKinds(kinds: readonly string[]): string {
  if (kinds.length <= 1) return kinds[0] ?? '';
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]!}`;
}
