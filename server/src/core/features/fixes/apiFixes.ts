/**
 * Fixes for API-server findings: the removed apiVersion, the selector and its labels, the pod
 * restartPolicy and the StatefulSet's headless Service.
 *
 *     apiVersion: extensions/v1beta1      apiVersion: apps/v1
 *     kind: Deployment             →      kind: Deployment
 *     spec:                               spec:
 *       template: …                         template: …
 *                                           selector: {matchLabels: {app: web}}
 */
import { isMap, type YAMLMap } from 'yaml';
import { nodeAtPath, pairOf } from '../../parse/navigate';
import { headlessService, podLabels } from '../../convert/headlessService';
import { toData } from '../../convert/convertContext';
import type { DocEditor } from '../../edit/yamlEdits';
import { asNode, asRecord, compact, makeFix, parsePath, setIn, type FixProvider } from './fixTypes';

/** Fields of the beta workload APIs that apps/v1 removed. */
const REMOVED_IN_APPS_V1 = ['rollbackTo', 'templateGeneration'];

function templateLabels(editor: DocEditor): Record<string, unknown> {
  return asRecord(toData(nodeAtPath(editor.slot.parsed, ['spec', 'template', 'metadata', 'labels'])));
}

const removedApiVersion: FixProvider = (ctx) => {
  const node = asNode(nodeAtPath(ctx.slot.parsed, ['apiVersion']));
  const replacement = String(ctx.data['replacement'] ?? 'apps/v1');
  const spec = nodeAtPath(ctx.slot.parsed, ['spec']);
  if (!node) return [];
  return compact([
    makeFix(ctx.slot, `Change apiVersion to ${replacement}`, (e) => {
      e.replaceScalar(node, replacement);
      if (!isMap(spec)) return;
      const labels = templateLabels(e);
      if (!pairOf(spec, 'selector') && Object.keys(labels).length) e.insertPair(spec as YAMLMap, 'selector', { matchLabels: labels });
      const stale = (spec as YAMLMap).items.filter((p) => REMOVED_IN_APPS_V1.includes(String((p.key as { value: unknown }).value)));
      if (stale.length) e.deletePairs(spec as YAMLMap, stale);
    }, true),
  ]);
};

const selectorMismatch: FixProvider = (ctx) => {
  const labels = asRecord(ctx.data['labels']);
  const matchLabels = asRecord(ctx.data['matchLabels']);
  const doc = ctx.slot.parsed;
  const selector = nodeAtPath(doc, ['spec', 'selector', 'matchLabels']);
  const templateLabelsNode = nodeAtPath(doc, ['spec', 'template', 'metadata', 'labels']);
  const alignSelector = makeFix(ctx.slot, 'Change the selector to match the template labels', (e) => {
    if (!isMap(selector) || Object.keys(labels).length === 0) return;
    const wrong = Object.keys(matchLabels).filter((k) => labels[k] !== matchLabels[k]);
    if (wrong.every((k) => k in labels)) {
      for (const k of wrong) e.replaceScalar(asNode(pairOf(selector, k)!.value)!, labels[k]);
    } else {
      setIn(e, ['spec', 'selector'], { matchLabels: labels });
    }
  });
  const alignLabels = makeFix(ctx.slot, 'Change the template labels to match the selector', (e) => {
    // Without a labels map there is nothing to align key by key: the whole map goes in once.
    if (!isMap(templateLabelsNode)) return void setIn(e, ['spec', 'template', 'metadata', 'labels'], matchLabels);
    for (const [k, v] of Object.entries(matchLabels)) {
      if (labels[k] === v) continue;
      const pair = pairOf(templateLabelsNode, k);
      if (pair?.value) e.replaceScalar(asNode(pair.value)!, v);
      else e.insertPair(templateLabelsNode as YAMLMap, k, v);
    }
  });
  return compact([alignSelector, alignLabels]);
};

const selectorRequired: FixProvider = (ctx) =>
  compact([
    makeFix(ctx.slot, 'Add a selector matching the template labels', (e) => {
      const labels = templateLabels(e);
      if (Object.keys(labels).length) setIn(e, [...parsePath(ctx.data['path'] ?? 'spec'), 'selector'], { matchLabels: labels });
    }, true),
  ]);

const restartPolicy: FixProvider = (ctx) => {
  const node = asNode(nodeAtPath(ctx.slot.parsed, parsePath(ctx.data['path'] ?? 'spec.template.spec.restartPolicy')));
  return node ? compact([makeFix(ctx.slot, 'Change restartPolicy to Always', (e) => e.replaceScalar(node, 'Always'), true)]) : [];
};

const serviceMissing: FixProvider = (ctx) => {
  const name = String(ctx.data['serviceName']);
  const spec = nodeAtPath(ctx.slot.parsed, ['spec']);
  if (!isMap(spec)) return [];
  const otherIndex = ctx.data['serviceDocIndex'];
  if (typeof otherIndex === 'number') {
    const other = ctx.file.docs[otherIndex];
    if (!other) return [];
    return compact([makeFix(other, `Make Service "${name}" headless (clusterIP: None)`, (e) => void setIn(e, ['spec', 'clusterIP'], 'None'))]);
  }
  // With no Service in the file at all, the Service likely lives elsewhere: offered, not preferred.
  const namespace = toData(nodeAtPath(ctx.slot.parsed, ['metadata', 'namespace']));
  const service = headlessService(spec as YAMLMap, name, podLabels({ spec: spec as YAMLMap }), namespace);
  return compact([makeFix(ctx.slot, `Add a headless Service "${name}" after this StatefulSet`, (e) => e.insertDocumentAfter(service), ctx.data['servicesInFile'] !== 0)]);
};

export const API_FIXES: Readonly<Record<string, FixProvider>> = {
  'removed-api-version': removedApiVersion,
  'unknown-api-version': removedApiVersion,
  'selector-mismatch': selectorMismatch,
  'selector-required': selectorRequired,
  'template-restart-policy': restartPolicy,
  'statefulset-service-missing': serviceMissing,
};
