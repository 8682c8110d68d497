/**
 * privileged: a privileged container has every capability and the host's devices; it is root
 * on the node in all but name.
 *
 *     securityContext:
 *       privileged: true         # ← Container "agent" runs privileged …
 *   after:
 *     securityContext:
 *       capabilities: { add: [NET_BIND_SERVICE] }   # only what it needs
 */
import { pairIn } from '../util/nodes';
import { containerData, containerRule, label, pairRange, valueAt } from './util';

export const privileged = containerRule({
  id: 'privileged',
  defaultSeverity: 'warning',
  description: 'Containers should not run privileged.',
  containers: 'all',
  check(ctx, c) {
    if (valueAt(ctx.doc, c.map, 'securityContext', 'privileged') !== true) return;
    const pair = pairIn(pairIn(c.map, 'securityContext')?.value, 'privileged')!;
    const range = pairRange(pair);
    if (!range) return;
    ctx.report({
      start: range[0],
      end: range[1],
      message: `${label(c)} runs privileged: remove "privileged: true" and add only the capabilities it needs.`,
      data: containerData(c, { fieldPath: [...c.path, 'securityContext', 'privileged'] }),
    });
  },
});
