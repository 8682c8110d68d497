/**
 * host-path: mounting a sensitive directory of the node (/, /etc, /proc, the kubelet's or the
 * runtime's state) gives the pod the node's secrets or its control. Other hostPath volumes, such
 * as a log collector's /var/log, are left to writable-host-path.
 *
 *     volumes:
 *       - name: host
 *         hostPath: { path: /etc }   # ← … mounts the node's /etc
 *   after: a ConfigMap, Secret or projected volume with just the files needed
 */
import { nodeRange } from '../util/nodes';
import { hostPathVolumes, isRuntimeSocket } from './hostPaths';
import { podRule } from './util';

const SENSITIVE_EXACT = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/root', '/home', '/var', '/var/run', '/run', '/var/lib']);
const SENSITIVE_TREES = ['/etc/kubernetes', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/root', '/etc/ssh'];

export function isSensitiveHostPath(path: string): boolean {
  if (isRuntimeSocket(path)) return false;
  return SENSITIVE_EXACT.has(path) || SENSITIVE_TREES.some((t) => path === t || path.startsWith(`${t}/`));
}

export const hostPath = podRule({
  id: 'host-path',
  defaultSeverity: 'warning',
  description: 'Pods should not mount sensitive host directories through hostPath volumes.',
  check(ctx) {
    for (const v of hostPathVolumes(ctx.doc)) {
      if (!isSensitiveHostPath(v.hostPath)) continue;
      const range = nodeRange(v.pathNode);
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `Volume${v.name ? ` "${v.name}"` : ''} mounts the node's ${v.hostPath}: mount only the files the pod needs, or use a ConfigMap, Secret or emptyDir instead.`,
        data: { volumePath: v.volumePath, volumeName: v.name ?? null, hostPath: v.hostPath },
      });
    }
  },
});
