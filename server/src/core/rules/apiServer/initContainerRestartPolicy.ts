/**
 * init-container-restart-policy: container restartPolicy values the selected version rejects.
 *
 *     initContainers:
 *       - name: setup
 *         restartPolicy: Never     # → (1.34 and before) an init container's restartPolicy can only be "Always".
 *
 * Up to Kubernetes 1.34 an init container may only say Always (a sidecar) and a regular
 * container may not set restartPolicy at all. From 1.35 the ContainerRestartRules feature gate is
 * on by default and both may say Always, OnFailure or Never (other values are invalid-enum's).
 * Source: pkg/apis/core/validation validateInitContainerRestartPolicy / validateContainerRestartPolicy,
 * pkg/features ContainerRestartRules (alpha 1.34, beta and on by default 1.35).
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { quote } from '../util/quote';

/** The first minor version whose default feature gates accept restart rules on every container. */
const CONTAINER_RESTART_RULES = 35;

export const initContainerRestartPolicy = apiServerRule({
  id: 'init-container-restart-policy',
  kinds: POD_KINDS,
  description: 'Before Kubernetes 1.35 an init container may only use restartPolicy Always, and a regular container none.',
  check(ctx) {
    const minor = Number(ctx.settings.kubernetesVersion.split('.')[1]);
    if (minor >= CONTAINER_RESTART_RULES) return;
    for (const c of podFacts(ctx.doc).containers) {
      const node = child(c.map, 'restartPolicy');
      const v = jsonValue(node);
      const r = node?.range;
      if (!r || typeof v !== 'string' || v === '' || isTemplated(ctx.doc, node)) continue;
      const path = pathToString([...c.path, 'restartPolicy']);
      if (c.init && v !== 'Always') {
        ctx.report({
          start: r[0],
          end: r[1],
          message: `Unsupported value ${quote(v)}: before Kubernetes 1.35 an init container's restartPolicy can only be "Always" (a sidecar); remove it for a run-to-completion init container.`,
          data: { path, value: v, allowed: ['Always'] },
        });
      } else if (!c.init) {
        const key = pairIn(c.map, 'restartPolicy')?.key?.range ?? r;
        ctx.report({ start: key[0], end: key[1], message: `restartPolicy may not be set for non-init containers before Kubernetes 1.35 (selected: ${ctx.settings.kubernetesVersion}).`, data: { path } });
      }
    }
  },
});
