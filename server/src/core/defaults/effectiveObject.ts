/**
 * The object the effective manifest shows: defaulted as the API server does it, without what the
 * server keeps for itself (status, the ObjectMeta fields it sets, its controllers' annotations).
 *
 *     metadata: {name: web, uid: 6f1c…}        metadata: {name: web}
 *     spec: {template: …}               →      spec: {replicas: 1, …, template: …}
 *     status: {replicas: 3}
 */
import { SERVER_ANNOTATIONS, SERVER_METADATA } from '../convert/serverManaged';
import { applyDefaults } from './applyDefaults';
import { isObject, type JsonObject } from './catalogTypes';

export function effectiveObject(source: unknown, minor: number): JsonObject | undefined {
  const defaulted = applyDefaults(source, minor);
  if (!defaulted) return undefined;
  const object = defaulted.object;
  delete object['status'];
  // A claim template's status is the claim's initial one, which the server writes too.
  const spec = object['spec'];
  if (isObject(spec) && Array.isArray(spec['volumeClaimTemplates'])) {
    for (const claim of spec['volumeClaimTemplates']) if (isObject(claim)) delete claim['status'];
  }
  const metadata = object['metadata'];
  if (isObject(metadata)) {
    for (const key of SERVER_METADATA) delete metadata[key];
    const annotations = metadata['annotations'];
    if (isObject(annotations)) for (const key of SERVER_ANNOTATIONS) delete annotations[key];
  }
  return object;
}
