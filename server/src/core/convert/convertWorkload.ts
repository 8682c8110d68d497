/**
 * Converts a workload document to another of the four kinds with minimal edits (research §4):
 *
 *     kind: Deployment                 kind: DaemonSet
 *     spec:                            spec:
 *       replicas: 3          →           selector: …
 *       selector: …                      updateStrategy:
 *       strategy: …                        type: RollingUpdate
 *
 * Each concern lives in its own module (strategy, headless Service, claim templates, server
 * fields); this one orders them and collects what was dropped and what the user should know.
 */
import { isMap, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { isWorkloadKind, type ParsedFile, type WorkloadKind } from '../parse/parseFile';
import { pairOf } from '../parse/navigate';
import { DocEditor } from '../edit/yamlEdits';
import { toTextEdits, type OffsetEdit } from '../edit/textEdits';
import type { ConvertContext, ConvertOptions, DroppedField } from './convertContext';
import { mapStrategy } from './strategyMapping';
import { stripServerManaged } from './serverManaged';
import { addServiceName } from './headlessService';
import { claimTemplatesToVolumes, volumesToClaimTemplates } from './claimTemplates';
import { addDefaultSelector, dropForeignFields, mapReplicas } from './specFields';

export type { ConvertOptions, DroppedField } from './convertContext';

export interface ConversionResult {
  readonly edits: TextEdit[];
  /** The same edits as offsets into the file text. */
  readonly offsetEdits: OffsetEdit[];
  /** What could not carry over, one sentence each. */
  readonly dropped: string[];
  /** The same field by field (path in the source document, compact label). */
  readonly droppedFields: DroppedField[];
  readonly notes: string[];
}

export class ConversionError extends Error {}

export function convertWorkload(file: ParsedFile, docIndex: number, targetKind: WorkloadKind, options: ConvertOptions = {}): ConversionResult {
  const ctx = contextFor(file, docIndex, targetKind, options);
  const kindPair = pairOf(ctx.root, 'kind')!;
  ctx.editor.replaceScalar(kindPair.value!, targetKind);
  const apiVersion = pairOf(ctx.root, 'apiVersion');
  if (apiVersion?.value && ctx.slot.parsed.apiVersion !== 'apps/v1') {
    ctx.editor.replaceScalar(apiVersion.value, 'apps/v1');
    ctx.notes.push(`apiVersion ${String(ctx.slot.parsed.apiVersion)} became apps/v1, the only version serving ${targetKind}.`);
    addDefaultSelector(ctx);
  }
  stripServerManaged(ctx);
  mapReplicas(ctx);
  mapStrategy(ctx);
  dropForeignFields(ctx);
  if (targetKind === 'StatefulSet') {
    addServiceName(ctx);
    volumesToClaimTemplates(ctx);
  }
  if (ctx.from === 'StatefulSet') claimTemplatesToVolumes(ctx);
  ctx.notes.push(...kindNotes(ctx));
  ctx.notes.push(
    `A live object cannot change kind: delete the ${ctx.from} and create the ${targetKind} (while both exist with overlapping selectors their controllers fight over the pods).`,
  );
  const offsetEdits = ctx.editor.edits;
  return { edits: toTextEdits(file.document, offsetEdits), offsetEdits, dropped: ctx.dropped, droppedFields: ctx.droppedFields, notes: ctx.notes };
}

function contextFor(file: ParsedFile, docIndex: number, to: WorkloadKind, options: ConvertOptions): ConvertContext {
  const slot = file.docs[docIndex];
  if (!slot) throw new ConversionError(`There is no document ${docIndex} in this file.`);
  const from = slot.parsed.kind;
  if (!isWorkloadKind(from)) throw new ConversionError('Only Deployment, StatefulSet, DaemonSet and ReplicaSet documents can be converted.');
  if (from === to) throw new ConversionError(`This document is already a ${to}.`);
  if (slot.parsed.problems.some((p) => p.severity === 'error')) throw new ConversionError('Fix the YAML syntax errors in this document first.');
  const root = slot.parsed.doc.contents;
  const spec = pairOf(root, 'spec')?.value;
  if (!isMap(root) || !isMap(spec)) throw new ConversionError('This workload has no spec mapping to convert.');
  return {
    file,
    slot,
    editor: new DocEditor(slot),
    from,
    to,
    root: root as YAMLMap,
    spec: spec as YAMLMap,
    options,
    dropped: [],
    droppedFields: [],
    notes: [],
  };
}

function kindNotes(ctx: ConvertContext): string[] {
  const notes: string[] = [];
  if (ctx.from === 'StatefulSet') {
    notes.push('A StatefulSet spec is largely immutable; its pods lose their stable names and ordinals after the conversion.');
  }
  if (ctx.to === 'StatefulSet' && !ctx.spec.items.some((p) => (p.key as { value?: unknown }).value === 'podManagementPolicy')) {
    notes.push('Pods now start and stop one at a time, in order (podManagementPolicy OrderedReady); set podManagementPolicy: Parallel for the previous all-at-once behaviour.');
  }
  if (ctx.to === 'DaemonSet') {
    notes.push('A DaemonSet runs one pod on every eligible node; control-plane and other tainted nodes need tolerations.');
  }
  if (ctx.from === 'DaemonSet') {
    notes.push('Pods that used hostPort or hostNetwork may now land two on one node and conflict; consider pod anti-affinity on kubernetes.io/hostname.');
  }
  if (ctx.to === 'ReplicaSet') notes.push('A ReplicaSet never updates existing pods; template changes reach only pods created later.');
  return notes;
}
