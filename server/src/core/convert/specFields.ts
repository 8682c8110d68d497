/**
 * Spec fields the target kind does not have are removed, each named in `dropped`; `replicas`
 * is added (1 unless the user chose a count) when the target scales and the source did not:
 *
 *     spec:                                spec:                     (Deployment → ReplicaSet)
 *       progressDeadlineSeconds: 600   →     selector: …
 *       selector: …
 *
 * Which fields each kind has comes from the generated model, never from a list typed here.
 */
import { isScalar } from 'yaml';
import { fieldAt } from '../model/model';
import type { WorkloadKind } from '../parse/parseFile';
import { nodeAtPath, pairOf } from '../parse/navigate';
import { drop, toData, type AnyPair, type ConvertContext } from './convertContext';

/** Handled by their own modules (mapped rather than dropped). */
const MAPPED = new Set(['strategy', 'updateStrategy', 'volumeClaimTemplates', 'replicas']);

/** Why a field does not carry over, where there is more to say than "no such field". */
const WHY: Record<string, string> = {
  progressDeadlineSeconds: 'rollout progress deadlines exist only for Deployments',
  paused: 'only a Deployment rollout can be paused',
  revisionHistoryLimit: 'a ReplicaSet keeps no revision history',
  serviceName: 'pods lose their stable <pod>.<service> DNS names; the headless Service document is left in place',
  podManagementPolicy: 'only a StatefulSet orders pod start-up',
  persistentVolumeClaimRetentionPolicy: 'there are no per-pod claims to retain or delete',
  ordinals: 'pods lose their ordinal numbering',
  minReadySeconds: 'not accepted by the target kind',
};

export function specType(kind: WorkloadKind): string {
  return `apps.v1.${kind}Spec`;
}

export function dropForeignFields(ctx: ConvertContext): void {
  for (const pair of ctx.spec.items as AnyPair[]) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    if (MAPPED.has(name) || fieldAt(specType(ctx.to), name) || !fieldAt(specType(ctx.from), name)) continue;
    ctx.editor.deletePair(ctx.spec, pair);
    const value = isScalar(pair.value) ? ` ${String(pair.value.value)}` : '';
    drop(ctx, ['spec', name], name, `${name}${value}: ${WHY[name] ?? `a ${ctx.to} has no such field`}.`);
  }
}

export function mapReplicas(ctx: ConvertContext): void {
  const pair = pairOf(ctx.spec, 'replicas');
  const targetScales = !!fieldAt(specType(ctx.to), 'replicas');
  if (pair && !targetScales) {
    ctx.editor.deletePair(ctx.spec, pair);
    const count = isScalar(pair.value) ? ` ${String(pair.value.value)}` : '';
    drop(ctx, ['spec', 'replicas'], `replicas${count}`, `replicas${count}: a ${ctx.to} runs one pod per eligible node instead of a replica count.`);
  } else if (!pair && targetScales && !fieldAt(specType(ctx.from), 'replicas')) {
    const replicas = ctx.options.replicas ?? 1;
    ctx.editor.insertFirstPair(ctx.spec, 'replicas', replicas);
    ctx.notes.push(`replicas: ${replicas} added (a ${ctx.from} has no replica count).`);
  }
}

/**
 * apps/v1 requires `spec.selector`; the beta versions defaulted it to the template's labels. A
 * workload moved to apps/v1 without one gets that default written out, next to `replicas`.
 */
export function addDefaultSelector(ctx: ConvertContext): void {
  if (pairOf(ctx.spec, 'selector')) return;
  const labels = toData(nodeAtPath(ctx.slot.parsed, ['spec', 'template', 'metadata', 'labels']));
  if (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0) return;
  const selector = { matchLabels: labels };
  const replicas = pairOf(ctx.spec, 'replicas');
  if (replicas) ctx.editor.insertPairAfter(ctx.spec, replicas as never, 'selector', selector);
  else ctx.editor.insertFirstPair(ctx.spec, 'selector', selector);
  ctx.notes.push('selector added with the template labels: apps/v1 requires it (the older API version defaulted it to them).');
}
