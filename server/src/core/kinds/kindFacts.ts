/**
 * Facts about the four workload kinds: one source for the hover kind card, completion details and
 * the comparison panel (served through KindFactsRequest).
 *
 * Hand-written because no package carries them. The authority is the Kubernetes API reference and
 * the controllers' documented behaviour (https://kubernetes.io/docs/concepts/workloads/controllers/),
 * not the seed texts: /work/shared/seeds/ERRATA.md lists where those are wrong, and each of those
 * points is pinned by test/unit/kindFacts.test.ts. Values are short Markdown (backticks only).
 */
import type { WorkloadKind } from '../parse/parseFile';

export type KindFactId =
  | 'purpose'
  | 'identity'
  | 'scaling'
  | 'updates'
  | 'ordering'
  | 'storage'
  | 'network'
  | 'deletion'
  | 'uniqueFields'
  | 'typical';

export interface KindFactRow {
  readonly id: KindFactId;
  readonly label: string;
  readonly values: Readonly<Record<WorkloadKind, string>>;
}

export const KIND_ORDER: readonly WorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** One line per kind, for completion items and headings. */
export const KIND_SUMMARY: Readonly<Record<WorkloadKind, string>> = {
  Deployment: 'Interchangeable pods for stateless apps, with rolling updates and rollback.',
  StatefulSet: 'Pods with stable names, DNS names and their own storage, for stateful apps.',
  DaemonSet: 'One pod on each eligible node, for node-level agents.',
  ReplicaSet: 'A fixed number of identical pods; normally managed by a Deployment.',
};

export const KIND_FACT_ROWS: readonly KindFactRow[] = [
  {
    id: 'purpose',
    label: 'Purpose',
    values: {
      Deployment: 'Keeps a number of interchangeable pods running for a stateless application and rolls out template changes declaratively, keeping a history to roll back to.',
      StatefulSet: 'Runs pods that each keep their own identity (ordinal name, DNS name, storage) across rescheduling, for stateful and clustered applications.',
      DaemonSet: 'Runs a copy of a pod on every eligible node, adding one when a node joins and removing it when the node leaves.',
      ReplicaSet: 'Keeps a number of identical pods running. It is the building block a Deployment creates for each revision; rarely written by hand.',
    },
  },
  {
    id: 'identity',
    label: 'Pod identity and naming',
    values: {
      Deployment: 'Interchangeable pods named `<deployment>-<pod-template-hash>-<5 random chars>`; the hash identifies the ReplicaSet of the revision.',
      StatefulSet: 'Stable ordinal names `<name>-0`, `<name>-1`, … (from `spec.ordinals.start`, default 0); a replaced pod comes back under the same name.',
      DaemonSet: 'Pods named `<name>-<5 random chars>`; the node a pod serves is in its `spec.nodeName`, not in its name.',
      ReplicaSet: 'Interchangeable pods named `<name>-<5 random chars>`.',
    },
  },
  {
    id: 'scaling',
    label: 'Scaling',
    values: {
      Deployment: '`spec.replicas` (default 1); `kubectl scale` or a HorizontalPodAutoscaler change it.',
      StatefulSet: '`spec.replicas` (default 1); scaling up adds the next ordinals, scaling down removes the highest ones first.',
      DaemonSet: 'No `replicas` field: the pod count follows the number of eligible nodes, chosen by nodeSelector, node affinity and taints/tolerations.',
      ReplicaSet: '`spec.replicas` (default 1); when a Deployment owns the ReplicaSet, the Deployment sets it.',
    },
  },
  {
    id: 'updates',
    label: 'Update strategies',
    values: {
      Deployment: '`strategy.type`: `RollingUpdate` (default, `maxSurge` 25% and `maxUnavailable` 25%) or `Recreate` (all old pods stop before new ones start). Each template change makes a new ReplicaSet; `kubectl rollout undo` goes back, `paused` holds a rollout.',
      StatefulSet: '`updateStrategy.type`: `RollingUpdate` (default; replaces pods one at a time, highest ordinal first; `partition` keeps lower ordinals on the old revision for staged rollouts) or `OnDelete` (a pod gets the new template only when you delete it).',
      DaemonSet: '`updateStrategy.type`: `RollingUpdate` (default; `maxUnavailable` 1, `maxSurge` 0 — with `maxSurge` the new pod starts on a node before the old one stops) or `OnDelete` (a pod is replaced only when you delete it).',
      ReplicaSet: 'None: changing the template never touches existing pods; only pods created later use it. Rollouts are what a Deployment adds on top.',
    },
  },
  {
    id: 'ordering',
    label: 'Rollout ordering',
    values: {
      Deployment: 'No ordering: pods start and stop in parallel within the surge/unavailable budget.',
      StatefulSet: 'Only with `podManagementPolicy: OrderedReady` (the default): pods are created 0, 1, 2 … each after the previous one is Running and Ready, and removed from the highest ordinal down. `Parallel` starts and stops them all at once. Rolling updates go from the highest ordinal down under either policy.',
      DaemonSet: 'No ordering across nodes: a rolling update moves through nodes within the `maxUnavailable`/`maxSurge` budget.',
      ReplicaSet: 'No ordering: pods are created and deleted in parallel.',
    },
  },
  {
    id: 'storage',
    label: 'Storage',
    values: {
      Deployment: 'Any volume type from the pod template, shared by all replicas: one PersistentVolumeClaim serves every pod (it needs ReadWriteMany when pods land on different nodes). No per-pod claims.',
      StatefulSet: '`volumeClaimTemplates` give each pod its own PersistentVolumeClaim `<template>-<name>-<ordinal>`, which follows the pod when it is rescheduled. Claims stay after scale-down and deletion unless `persistentVolumeClaimRetentionPolicy` says `Delete`.',
      DaemonSet: 'Any volume type from the pod template, often `hostPath` to reach the node\'s own files. No per-pod claims.',
      ReplicaSet: 'Any volume type from the pod template, shared by all replicas, as in a Deployment. No per-pod claims.',
    },
  },
  {
    id: 'network',
    label: 'Network identity',
    values: {
      Deployment: 'No stable identity: a replaced pod has a new name and IP; clients go through a Service.',
      StatefulSet: 'A stable hostname per pod and, through the headless Service named by `serviceName`, a DNS name `<pod>.<service>.<namespace>.svc`. The IP address can still change.',
      DaemonSet: 'No stable name; agents are often reached at their node\'s address (`hostNetwork` or `hostPort`) or through a Service.',
      ReplicaSet: 'No stable identity: a replaced pod has a new name and IP; clients go through a Service.',
    },
  },
  {
    id: 'deletion',
    label: 'Deletion behaviour',
    values: {
      Deployment: 'Deleting it garbage-collects its ReplicaSets and their pods, in no order (`--cascade=orphan` keeps them).',
      StatefulSet: 'Deleting the object gives no ordering guarantee for its pods; scale to 0 first for an ordered shutdown. Its claims are kept unless the retention policy `whenDeleted` is `Delete`.',
      DaemonSet: 'Deleting it removes its pods from all nodes, in no order; a node that leaves the cluster takes its pod with it.',
      ReplicaSet: 'Deleting it deletes its pods, in no order (`--cascade=orphan` keeps them); a Deployment that owns it would recreate it.',
    },
  },
  {
    id: 'uniqueFields',
    label: 'Fields only this kind has',
    values: {
      Deployment: '`strategy` (`Recreate` or `RollingUpdate` with `maxSurge`/`maxUnavailable`), `progressDeadlineSeconds`, `paused`.',
      StatefulSet: '`serviceName`, `volumeClaimTemplates`, `podManagementPolicy`, `persistentVolumeClaimRetentionPolicy`, `ordinals`, `updateStrategy.rollingUpdate.partition`.',
      DaemonSet: '`updateStrategy.rollingUpdate.maxSurge` (a StatefulSet cannot surge); it is also the only kind without `replicas`.',
      ReplicaSet: 'None: its spec (`replicas`, `selector`, `template`, `minReadySeconds`) is a subset of a Deployment\'s; it has no update strategy and no `revisionHistoryLimit`.',
    },
  },
  {
    id: 'typical',
    label: 'Typical workloads',
    values: {
      Deployment: 'Web front ends, APIs, stateless workers and queue consumers.',
      StatefulSet: 'Databases (PostgreSQL, MySQL), Kafka, ZooKeeper, etcd, Elasticsearch.',
      DaemonSet: 'Log shippers (Fluent Bit), node monitoring (node-exporter), CNI plugins, kube-proxy, CSI node drivers.',
      ReplicaSet: 'Created by Deployments; written by hand only for special controllers or tests.',
    },
  },
];

/** One line each on how a kind scales and updates: the hover's kind card (the rows say the rest). */
export const KIND_BRIEF: Readonly<Record<WorkloadKind, { readonly scales: string; readonly updates: string }>> = {
  Deployment: {
    scales: '`spec.replicas` (default 1), by hand or with a HorizontalPodAutoscaler.',
    updates: '`RollingUpdate` (default) or `Recreate`; every template change is a revision to roll back to.',
  },
  StatefulSet: {
    scales: '`spec.replicas`: scaling up adds the next ordinals, scaling down removes the highest first.',
    updates: '`RollingUpdate` one pod at a time from the highest ordinal (`partition` stages it), or `OnDelete`.',
  },
  DaemonSet: {
    scales: 'No `replicas`: one pod on each eligible node, so it follows the nodes.',
    updates: '`RollingUpdate` node by node (`maxUnavailable` 1 by default, or `maxSurge`), or `OnDelete`.',
  },
  ReplicaSet: {
    scales: '`spec.replicas`; the Deployment that owns it sets it.',
    updates: 'None: a template change never touches existing pods, only those created later.',
  },
};

/** The fact of one row for one kind. */
export function kindFact(kind: WorkloadKind, id: KindFactId): string {
  const row = KIND_FACT_ROWS.find((r) => r.id === id);
  return row ? row.values[kind] : '';
}
