/**
 * Strips what the API server writes into a live object, so a manifest copied out of a cluster
 * can be converted and applied as a new object (research §4.4.4).
 *
 *     metadata:                              metadata:
 *       name: web                              name: web
 *       uid: 6f1c…                 →         spec:
 *       resourceVersion: "4711"                selector:
 *     spec:                                      matchLabels: {app: web}
 *       selector:
 *         matchLabels: {app: web, pod-template-hash: 7d9f}
 *     status: {replicas: 3}
 *
 * These field names are the API server's bookkeeping, not schema fields a package lists, so
 * they are written out here with the controllers that set them.
 */
import { pairOf } from '../parse/navigate';
import { mapAt, removeKeys, type ConvertContext } from './convertContext';

/** ObjectMeta fields the API server sets (k8s.io/apimachinery ObjectMeta docs: "Read-only"). */
export const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'ownerReferences', 'selfLink'];

/** Annotations written by the Deployment and DaemonSet controllers and by `kubectl apply`. */
export const SERVER_ANNOTATIONS = [
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'kubectl.kubernetes.io/last-applied-configuration',
];

/** Labels controllers add to pods and to the selectors of objects they own. */
export const CONTROLLER_LABELS = [
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'pod-template-generation',
];

export function stripServerManaged(ctx: ConvertContext): void {
  const removed: string[] = [];
  const { root, spec, editor } = ctx;
  const status = pairOf(root, 'status');
  if (status) {
    editor.deletePair(root, status);
    removed.push('status');
  }
  const metadata = mapAt(root, 'metadata');
  if (metadata) {
    const annotations = mapAt(metadata, 'annotations');
    const keepsOthers = metadata.items.some((p) => !SERVER_METADATA.includes(String((p.key as { value: unknown }).value)));
    if (keepsOthers) {
      for (const key of removeKeys(ctx, root, 'metadata', SERVER_METADATA)) removed.push(`metadata.${key}`);
    }
    if (annotations) for (const key of removeKeys(ctx, metadata, 'annotations', SERVER_ANNOTATIONS)) removed.push(`annotation ${key}`);
    for (const key of removeKeys(ctx, metadata, 'labels', CONTROLLER_LABELS)) removed.push(`label ${key}`);
  }
  const selector = mapAt(spec, 'selector');
  if (selector) for (const key of removeKeys(ctx, selector, 'matchLabels', CONTROLLER_LABELS)) removed.push(`selector label ${key}`);
  const templateMeta = mapAt(mapAt(spec, 'template'), 'metadata');
  if (templateMeta) for (const key of removeKeys(ctx, templateMeta, 'labels', CONTROLLER_LABELS)) removed.push(`template label ${key}`);
  if (removed.length) ctx.notes.push(`Removed fields the API server or a controller manages: ${unique(removed).join(', ')}.`);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
