/**
 * ephemeral-containers-forbidden: ephemeralContainers cannot be part of a pod template.
 *
 *     template:
 *       spec:
 *         ephemeralContainers: [...]   # → ephemeral containers are not allowed in a pod template …
 *
 * Ephemeral containers are added to running pods with `kubectl debug`, never declared.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule } from '../util/defineRule';
import { isSet, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const ephemeralContainersForbidden = apiServerRule({
  id: 'ephemeral-containers-forbidden',
  kinds: POD_KINDS,
  description: 'A pod template may not declare ephemeral containers.',
  check(ctx) {
    const { podSpec } = podFacts(ctx.doc);
    const r = pairIn(podSpec, 'ephemeralContainers')?.key?.range;
    if (!r || !isSet(podSpec, 'ephemeralContainers')) return;
    ctx.report({
      start: r[0],
      end: r[1],
      message: 'Ephemeral containers are not allowed in a pod template: add them to a running pod with `kubectl debug`.',
      data: { path: 'spec.template.spec.ephemeralContainers' },
    });
  },
});
