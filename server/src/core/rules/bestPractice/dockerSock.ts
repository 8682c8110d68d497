/**
 * docker-sock: whoever can talk to the container runtime's socket can start a privileged
 * container on the node.
 *
 *     hostPath:
 *       path: /var/run/docker.sock   # ← … mounts the container runtime socket
 *   after: build with a rootless builder (BuildKit rootless, kaniko) instead of the node's runtime
 */
import { nodeRange } from '../util/nodes';
import { hostPathVolumes, isRuntimeSocket } from './hostPaths';
import { podRule } from './util';

export const dockerSock = podRule({
  id: 'docker-sock',
  defaultSeverity: 'warning',
  description: 'Pods should not mount the container runtime socket (docker.sock, containerd.sock, crio.sock).',
  check(ctx) {
    for (const v of hostPathVolumes(ctx.doc)) {
      if (!isRuntimeSocket(v.hostPath)) continue;
      const range = nodeRange(v.pathNode);
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `Volume${v.name ? ` "${v.name}"` : ''} mounts the container runtime socket ${v.hostPath}, which gives control of the node: remove it.`,
        data: { volumePath: v.volumePath, volumeName: v.name ?? null, hostPath: v.hostPath },
      });
    }
  },
});
