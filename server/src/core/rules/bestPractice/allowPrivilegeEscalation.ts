/**
 * allow-privilege-escalation: unless it is set to false, a process can gain more privileges than
 * its parent (setuid binaries), which is the default.
 *
 *     - name: web                # ← … does not set allowPrivilegeEscalation: false
 *   after:
 *     - name: web
 *       securityContext: { allowPrivilegeEscalation: false }
 */
import { pairIn } from '../util/nodes';
import { containerRule, label, pairRange, reportOnContainer, securityTemplated, valueAt } from './util';

export const allowPrivilegeEscalation = containerRule({
  id: 'allow-privilege-escalation',
  defaultSeverity: 'warning',
  description: 'Containers should set securityContext.allowPrivilegeEscalation to false.',
  containers: 'all',
  check(ctx, c) {
    const value = valueAt(ctx.doc, c.map, 'securityContext', 'allowPrivilegeEscalation');
    // A privileged container cannot set it to false; the privileged rule already speaks there.
    if (value === false || valueAt(ctx.doc, c.map, 'securityContext', 'privileged') === true) return;
    if (value === undefined && securityTemplated(ctx.doc, c)) return;
    const fieldPath = [...c.path, 'securityContext', 'allowPrivilegeEscalation'];
    const message = `${label(c)} allows privilege escalation: set securityContext.allowPrivilegeEscalation to false.`;
    const pair = pairIn(pairIn(c.map, 'securityContext')?.value, 'allowPrivilegeEscalation');
    const range = pair ? pairRange(pair) : undefined;
    reportOnContainer(ctx, c, message, { fieldPath }, range ? { start: range[0], end: range[1] } : {});
  },
});
