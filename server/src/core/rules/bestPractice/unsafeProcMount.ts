/**
 * unsafe-proc-mount: `procMount: Unmasked` exposes the host's /proc paths the runtime normally
 * hides; only nested container runtimes need it.
 *
 *     securityContext:
 *       procMount: Unmasked      # ← … unmasks /proc
 *   after:
 *     securityContext: {}        # Default
 */
import { pairIn } from '../util/nodes';
import { containerData, containerRule, label, pairRange, valueAt } from './util';

export const unsafeProcMount = containerRule({
  id: 'unsafe-proc-mount',
  defaultSeverity: 'warning',
  description: 'Containers should not set securityContext.procMount to Unmasked.',
  containers: 'all',
  check(ctx, c) {
    if (valueAt(ctx.doc, c.map, 'securityContext', 'procMount') !== 'Unmasked') return;
    const range = pairRange(pairIn(pairIn(c.map, 'securityContext')?.value, 'procMount')!);
    if (!range) return;
    ctx.report({
      start: range[0],
      end: range[1],
      message: `${label(c)} unmasks /proc: remove procMount or set it to Default.`,
      data: containerData(c, { fieldPath: [...c.path, 'securityContext', 'procMount'] }),
    });
  },
});
