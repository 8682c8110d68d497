/**
 * host-port: a hostPort binds the port on the node itself, so only one such pod fits per node
 * and the port bypasses network policies. A Service (or hostNetwork for node agents) is the
 * usual answer.
 *
 *     ports:
 *       - containerPort: 8080
 *         hostPort: 8080         # ← … binds port 8080 on the node
 *   after:
 *       - containerPort: 8080     # reach it through a Service
 */
import { pairIn } from '../util/nodes';
import { containerPorts } from './ports';
import { containerData, containerRule, label, pairRange, valueAt } from './util';

export const hostPort = containerRule({
  id: 'host-port',
  defaultSeverity: 'warning',
  description: 'Containers should not bind ports on the node with hostPort.',
  containers: 'all',
  check(ctx, c) {
    for (const p of containerPorts(ctx.doc, c)) {
      const value = valueAt(ctx.doc, p.map, 'hostPort');
      if (typeof value !== 'number' || value === 0) continue;
      const range = pairRange(pairIn(p.map, 'hostPort')!);
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} binds port ${value} on the node: remove hostPort and expose the port through a Service.`,
        data: containerData(c, { portPath: [...c.path, 'ports', p.index], hostPort: value }),
      });
    }
  },
});
