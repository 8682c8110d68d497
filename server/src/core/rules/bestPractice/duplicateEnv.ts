/**
 * duplicate-env: the same variable twice in one container's env; the last one silently wins,
 * so the first is dead configuration that readers believe in.
 *
 *     env:
 *       - name: LOG_LEVEL
 *         value: info
 *       - name: LOG_LEVEL        # ← … sets LOG_LEVEL twice
 *         value: debug
 *   after: keep one of them
 */
import { child, mapItems, nodeRange } from '../util/nodes';
import { containerData, containerRule, label, valueAt } from './util';

export const duplicateEnv = containerRule({
  id: 'duplicate-env',
  defaultSeverity: 'warning',
  description: 'A container should define each environment variable once.',
  containers: 'all',
  check(ctx, c) {
    const first = new Map<string, { index: number; range: [number, number] }>();
    for (const { index, map } of mapItems(child(c.map, 'env'))) {
      const name = valueAt(ctx.doc, map, 'name');
      const range = nodeRange(child(map, 'name'));
      if (typeof name !== 'string' || !range) continue;
      const earlier = first.get(name);
      if (!earlier) {
        first.set(name, { index, range });
        continue;
      }
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} sets ${name} twice; the last value wins: remove one of them.`,
        data: containerData(c, { envName: name, envPath: [...c.path, 'env', index], firstEnvPath: [...c.path, 'env', earlier.index] }),
        related: [{ start: earlier.range[0], end: earlier.range[1], message: `${name} is first set here.` }],
      });
    }
  },
});
