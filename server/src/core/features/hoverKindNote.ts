/**
 * The note shown when a `spec` field belongs to another kind: why it does not apply here and what
 * this kind uses instead. Ownership and equivalents come from kinds/kindFields.ts; the reasons
 * below fill in fields that table gives no sentence for.
 */
import { fieldOfAnotherKind, listKinds, type KindField } from '../kinds/kindFields';
import type { WorkloadKind } from '../parse/parseFile';

/** Why a field that only some kinds have exists there, for kinds the table has no note for. */
const REASON: Readonly<Record<string, string>> = {
  serviceName: 'it names the headless Service that gives StatefulSet pods their stable DNS names',
  volumeClaimTemplates: 'per-pod PersistentVolumeClaims exist only for the stable pods of a StatefulSet',
  podManagementPolicy: 'ordered or parallel pod management concerns the ordinal pods of a StatefulSet',
  persistentVolumeClaimRetentionPolicy: 'it decides the fate of the per-pod claims that only a StatefulSet creates',
  ordinals: 'only StatefulSet pods are numbered',
  progressDeadlineSeconds: 'it bounds how long a Deployment rollout may stall before it is reported as failed',
  paused: 'it pauses the rollouts that only a Deployment performs',
  strategy: 'it chooses how a Deployment rolls out a new ReplicaSet',
  updateStrategy: 'it chooses how a StatefulSet or DaemonSet replaces its pods',
  revisionHistoryLimit: 'it limits the kept revisions, which a ReplicaSet does not have',
};

/** The Markdown note; `facts` is the kindFields entry of the field. */
export function foreignFieldNote(kind: WorkloadKind, facts: KindField): string {
  const owners = listKinds(facts.ownerKinds);
  const why = facts.note?.[kind] ?? REASON[facts.field] ?? `it is part of the ${owners} API only`;
  const lines = [`**\`spec.${facts.field}\` does not apply to a ${kind}.** It is a field of ${owners}: ${why}.`];
  const equivalent = facts.equivalent?.[kind];
  lines.push(equivalent ? `The equivalent in a ${kind}: ${equivalent}.` : `A ${kind} has no equivalent field.`);
  lines.push('The API server rejects it as an unknown field (strict field validation) or silently drops it.');
  return lines.join('\n\n');
}

/** True when `spec.<field>` belongs to another kind than `kind`. */
export function isForeignSpecField(kind: WorkloadKind, field: string): boolean {
  return fieldOfAnotherKind(kind, field) !== undefined;
}
