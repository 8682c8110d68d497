/**
 * run-as-non-root: a container that may run as UID 0 is root inside, one kernel bug away from
 * root on the node. Either runAsNonRoot: true or a non-zero runAsUser (container or pod) is fine.
 *
 *     - name: web                # ← … may run as root
 *   after:
 *     securityContext: { runAsNonRoot: true }
 */
import { pairIn } from '../util/nodes';
import type { RuleContext } from '../ruleTypes';
import { containerRule, type ContainerInfo, effectiveSecurity, label, pairRange, podSpec, reportOnContainer, securityTemplated } from './util';

export const runAsNonRoot = containerRule({
  id: 'run-as-non-root',
  defaultSeverity: 'warning',
  description: 'Containers should run as a non-root user (runAsNonRoot: true or a non-zero runAsUser).',
  containers: 'all',
  check(ctx, c) {
    const nonRoot = effectiveSecurity(ctx.doc, c, 'runAsNonRoot');
    const user = effectiveSecurity(ctx.doc, c, 'runAsUser');
    if (user === 0) return reportAt(ctx, c, 'runAsUser', `${label(c)} runs as root (runAsUser: 0): use a non-zero UID and set runAsNonRoot: true.`);
    if (nonRoot === true || (typeof user === 'number' && user > 0)) return;
    if (securityTemplated(ctx.doc, c, true)) return;
    const message = `${label(c)} may run as root: set securityContext.runAsNonRoot to true (and a non-zero runAsUser if the image has no user).`;
    if (nonRoot === false) return reportAt(ctx, c, 'runAsNonRoot', message);
    reportOnContainer(ctx, c, message, { fieldPath: [...c.path, 'securityContext', 'runAsNonRoot'] });
  },
});

/** Underlines the field where it is set: on the container, else on the pod. */
function reportAt(ctx: RuleContext, c: ContainerInfo, key: string, message: string): void {
  const own = pairIn(pairIn(c.map, 'securityContext')?.value, key);
  const pair = own ?? pairIn(pairIn(podSpec(ctx.doc), 'securityContext')?.value, key);
  const range = pair ? pairRange(pair) : undefined;
  const fieldPath = own ? [...c.path, 'securityContext', key] : ['spec', 'template', 'spec', 'securityContext', key];
  reportOnContainer(ctx, c, message, { fieldPath }, range ? { start: range[0], end: range[1] } : {});
}
