/**
 * Storage across the StatefulSet boundary (research §4.4.2 and §4.4.3).
 *
 * To a StatefulSet, a volume backed by a PersistentVolumeClaim becomes a claim template
 * (per-pod storage), taking the claim's spec when its manifest is in the file:
 *
 *     volumes:                                 volumeClaimTemplates:
 *       - name: data                    →        - metadata: {name: data}
 *         persistentVolumeClaim:                   spec: {accessModes: [ReadWriteOnce], …}
 *           claimName: db-data
 *
 * From a StatefulSet, each claim template becomes a PersistentVolumeClaim document plus a
 * volume of that name, so the mounts still resolve; the storage is then shared by all pods.
 */
import { isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { nodeAtPath, pairOf } from '../parse/navigate';
import { drop, mapAt, podSpecOf, scalarAt, seqAt, toData, type ConvertContext } from './convertContext';

const DEFAULT_CLAIM_SPEC = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

export function volumesToClaimTemplates(ctx: ConvertContext): void {
  const podSpec = podSpecOf(ctx.spec);
  const volumes = seqAt(podSpec, 'volumes');
  if (!podSpec || !volumes || pairOf(ctx.spec, 'volumeClaimTemplates')) return;
  const templates: unknown[] = [];
  const moved: number[] = [];
  volumes.items.forEach((item, i) => {
    const claim = isMap(item) ? scalarAt(mapAt(item, 'persistentVolumeClaim'), 'claimName') : undefined;
    if (typeof claim !== 'string') return;
    const name = scalarAt(item, 'name');
    const spec = claimSpec(ctx, claim);
    templates.push({ metadata: { name }, spec: spec ?? DEFAULT_CLAIM_SPEC });
    moved.push(i);
    if (!spec) ctx.notes.push(`Claim template "${String(name)}" has a placeholder size of 1Gi: the PersistentVolumeClaim "${claim}" is not in this file.`);
    if (scalarAt(mapAt(item, 'persistentVolumeClaim'), 'readOnly') === true) {
      drop(
        ctx,
        ['spec', 'template', 'spec', 'volumes', String(name), 'persistentVolumeClaim', 'readOnly'],
        `readOnly of volume ${String(name)}`,
        `volume "${String(name)}" readOnly: a claim template has no read-only flag; set readOnly on the volumeMounts instead.`,
      );
    }
  });
  if (moved.length === 0) return;
  removeItems(ctx, podSpec, volumes, moved);
  // After the pod template, where the storage its mounts name is described.
  const template = pairOf(ctx.spec, 'template');
  if (template) ctx.editor.insertPairAfter(ctx.spec, template as never, 'volumeClaimTemplates', templates);
  else ctx.editor.insertPair(ctx.spec, 'volumeClaimTemplates', templates);
  ctx.notes.push(
    'PersistentVolumeClaim volumes became volumeClaimTemplates: each pod now gets its own claim named <template>-<statefulset>-<ordinal>, so data is no longer shared between replicas (bind or rename an existing claim to reuse its data for ordinal 0).',
  );
}

/** The spec of a PersistentVolumeClaim document of that name in the file, when there is one. */
function claimSpec(ctx: ConvertContext, name: string): unknown {
  for (const slot of ctx.file.docs) {
    if (slot.parsed.kind !== 'PersistentVolumeClaim') continue;
    if (toData(nodeAtPath(slot.parsed, ['metadata', 'name'])) !== name) continue;
    const spec = toData(nodeAtPath(slot.parsed, ['spec']));
    if (spec && typeof spec === 'object') return spec;
  }
  return undefined;
}

/** Deletes sequence items; the whole `volumes:` pair when none is left. */
function removeItems(ctx: ConvertContext, podSpec: YAMLMap, seq: YAMLSeq, indexes: readonly number[]): void {
  if (indexes.length === seq.items.length) {
    ctx.editor.deletePair(podSpec, pairOf(podSpec, 'volumes')!);
    return;
  }
  for (const i of indexes) ctx.editor.deleteItem(seq, i);
}

export function claimTemplatesToVolumes(ctx: ConvertContext): void {
  const pair = pairOf(ctx.spec, 'volumeClaimTemplates');
  if (!pair || !isSeq(pair.value)) return;
  const workload = String(scalarAt(mapAt(ctx.root, 'metadata'), 'name') ?? 'workload');
  const podSpec = podSpecOf(ctx.spec);
  const volumes: unknown[] = [];
  for (const template of pair.value.items as Node[]) {
    const data = toData(template) as { metadata?: { name?: string }; spec?: unknown } | null;
    const name = data?.metadata?.name;
    if (!name) continue;
    if (volumeNames(podSpec).includes(name)) {
      // The template already has a volume of that name, which the claim used to override.
      ctx.notes.push(`The existing volume "${name}" now serves the mounts the claim template "${name}" used to serve.`);
      continue;
    }
    const claim = `${name}-${workload}`;
    volumes.push({ name, persistentVolumeClaim: { claimName: claim } });
    ctx.editor.insertDocumentAfter({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: claim, ...namespaceOf(ctx) }, spec: data.spec ?? DEFAULT_CLAIM_SPEC });
  }
  ctx.editor.deletePair(ctx.spec, pair);
  drop(
    ctx,
    ['spec', 'volumeClaimTemplates'],
    'volumeClaimTemplates',
    `volumeClaimTemplates: each claim template became one PersistentVolumeClaim shared by every pod (per-pod storage is lost; it needs ReadWriteMany when pods run on several nodes), and the existing claims <template>-${workload}-<ordinal> are not reused.`,
  );
  if (podSpec && volumes.length) addVolumes(ctx, podSpec, volumes);
}

function volumeNames(podSpec: YAMLMap | undefined): unknown[] {
  const volumes = seqAt(podSpec, 'volumes');
  return volumes ? volumes.items.map((v) => scalarAt(v, 'name')) : [];
}

function addVolumes(ctx: ConvertContext, podSpec: YAMLMap, volumes: readonly unknown[]): void {
  const existing = seqAt(podSpec, 'volumes');
  if (existing) for (const v of volumes) ctx.editor.appendItem(existing, v);
  else ctx.editor.insertPair(podSpec, 'volumes', volumes);
}

/** The workload's namespace, for the objects a conversion creates beside it. */
function namespaceOf(ctx: ConvertContext): { namespace?: string } {
  const namespace = scalarAt(mapAt(ctx.root, 'metadata'), 'namespace');
  return typeof namespace === 'string' ? { namespace } : {};
}
