/**
 * init-container-restart-policy: an init container's restartPolicy can only be Always (a sidecar).
 *
 *     initContainers:
 *       - name: setup
 *         restartPolicy: Never     # → Unsupported value "Never": an init container's restartPolicy can only be "Always".
 *
 * Before Kubernetes 1.34 a regular container may not set restartPolicy at all; from 1.34 the
 * ContainerRestartRules feature allows it, so it is not checked there.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const initContainerRestartPolicy = apiServerRule({
  id: 'init-container-restart-policy',
  kinds: POD_KINDS,
  description: 'An init container may only use restartPolicy Always.',
  check(ctx) {
    const before134 = Number(ctx.settings.kubernetesVersion.split('.')[1]) < 34;
    for (const c of podFacts(ctx.doc).containers) {
      const node = child(c.map, 'restartPolicy');
      const v = jsonValue(node);
      const r = node?.range;
      if (!r || typeof v !== 'string' || v === '' || isTemplated(ctx.doc, node)) continue;
      const path = pathToString([...c.path, 'restartPolicy']);
      if (c.init && v !== 'Always') {
        ctx.report({ start: r[0], end: r[1], message: `Unsupported value "${v}": an init container's restartPolicy can only be "Always" (a sidecar); remove it for a run-to-completion init container.`, data: { path, value: v, allowed: ['Always'] } });
      } else if (!c.init && before134) {
        const key = pairIn(c.map, 'restartPolicy')?.key?.range ?? r;
        ctx.report({ start: key[0], end: key[1], message: `restartPolicy may not be set for non-init containers in Kubernetes ${ctx.settings.kubernetesVersion}.`, data: { path } });
      }
    }
  },
});
