/**
 * privileged-ports (off by default): ports below 1024 need root or NET_BIND_SERVICE inside the
 * container, which conflicts with running as non-root.
 *
 *     ports:
 *       - containerPort: 80      # ← … listens on privileged port 80
 *   after:
 *       - containerPort: 8080    # and map 80 → 8080 in the Service
 */
import { child, nodeRange } from '../util/nodes';
import { containerPorts } from './ports';
import { containerData, containerRule, label } from './util';

export const privilegedPorts = containerRule({
  id: 'privileged-ports',
  defaultSeverity: 'off',
  description: 'Containers should listen on ports above 1023.',
  containers: 'all',
  check(ctx, c) {
    for (const p of containerPorts(ctx.doc, c)) {
      if (p.containerPort === undefined || p.containerPort < 1 || p.containerPort >= 1024) continue;
      const range = nodeRange(child(p.map, 'containerPort'));
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} listens on privileged port ${p.containerPort}: listen on a port above 1023 and map it in the Service.`,
        data: containerData(c, { portPath: [...c.path, 'ports', p.index], containerPort: p.containerPort }),
      });
    }
  },
});
