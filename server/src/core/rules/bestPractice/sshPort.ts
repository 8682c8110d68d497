/**
 * ssh-port: a container listening on port 22 usually runs an SSH daemon, a second way in that
 * bypasses Kubernetes' access control and audit log; use `kubectl exec` instead.
 *
 *     ports:
 *       - containerPort: 22      # ← … exposes the SSH port
 */
import { child, nodeRange } from '../util/nodes';
import { containerPorts } from './ports';
import { containerData, containerRule, label } from './util';

export const sshPort = containerRule({
  id: 'ssh-port',
  defaultSeverity: 'warning',
  description: 'Containers should not expose the SSH port 22.',
  containers: 'all',
  check(ctx, c) {
    for (const p of containerPorts(ctx.doc, c)) {
      if (p.containerPort !== 22) continue;
      const range = nodeRange(child(p.map, 'containerPort'));
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} exposes the SSH port 22: remove the SSH daemon and use kubectl exec for access.`,
        data: containerData(c, { portPath: [...c.path, 'ports', p.index] }),
      });
    }
  },
});
