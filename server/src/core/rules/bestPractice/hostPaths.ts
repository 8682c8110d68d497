/**
 * Reading hostPath volumes: the volume name, the host path and where each sits, for the
 * host-path, writable-host-path and docker-sock rules.
 */
import type { Node } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import type { PathSegment } from '../../parse/navigate';
import { child, childAt, mapItems } from '../util/nodes';
import { podSpec, POD_SPEC_PATH, valueAt } from './util';

export interface HostPathVolume {
  readonly name: string | undefined;
  /** The host path without trailing slashes ('/' stays '/'). */
  readonly hostPath: string;
  readonly pathNode: Node;
  readonly volumePath: readonly PathSegment[];
}

export function hostPathVolumes(doc: ParsedDocument): readonly HostPathVolume[] {
  const cached = doc.memo.get('bp:hostPaths') as HostPathVolume[] | undefined;
  if (cached) return cached;
  const out: HostPathVolume[] = [];
  for (const { index, map } of mapItems(child(podSpec(doc), 'volumes'))) {
    const path = valueAt(doc, map, 'hostPath', 'path');
    const pathNode = childAt(map, 'hostPath', 'path');
    if (typeof path !== 'string' || !pathNode) continue;
    const name = valueAt(doc, map, 'name');
    const hostPath = path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
    out.push({ name: typeof name === 'string' ? name : undefined, hostPath, pathNode, volumePath: [...POD_SPEC_PATH, 'volumes', index] });
  }
  doc.memo.set('bp:hostPaths', out);
  return out;
}

/** Container runtime sockets: mounting one hands out control of every container on the node. */
export function isRuntimeSocket(path: string): boolean {
  return /\/(docker|containerd|crio|cri-dockerd|podman)\.sock$/.test(path);
}
