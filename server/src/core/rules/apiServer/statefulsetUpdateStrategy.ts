/**
 * statefulset-update-strategy: a StatefulSet's updateStrategy as the API server validates it.
 *
 *     updateStrategy:
 *       type: OnDelete
 *       rollingUpdate: { partition: 2 }   # → only allowed for updateStrategy "RollingUpdate"
 *
 * rollingUpdate.maxUnavailable belongs to the MaxUnavailableStatefulSet feature gate, which is off
 * by default up to Kubernetes 1.36: the API server drops the field on create without a word (the
 * 1.36 server accepts maxUnavailable: 0), so it is a warning that says so, never an error.
 */
import { apiServerRule } from '../util/defineRule';
import { child, isSet, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { strategyType } from '../util/defaults';

export const statefulsetUpdateStrategy = apiServerRule({
  id: 'statefulset-update-strategy',
  kinds: ['StatefulSet'],
  description: "A StatefulSet's updateStrategy must be valid.",
  check(ctx) {
    const strategy = child(podFacts(ctx.doc).spec, 'updateStrategy');
    const type = strategyType(ctx.doc, strategy, 'apps.v1.StatefulSetUpdateStrategy');
    if (type?.value === 'OnDelete') {
      const r = pairIn(strategy, 'rollingUpdate')?.key?.range;
      if (r && isSet(strategy, 'rollingUpdate')) {
        ctx.report({ start: r[0], end: r[1], message: 'rollingUpdate is only allowed for updateStrategy "RollingUpdate"; remove it with "OnDelete".', data: { path: 'spec.updateStrategy.rollingUpdate' } });
      }
      return;
    }
    if (type?.value !== 'RollingUpdate') return;
    const maxUnavailable = pairIn(child(strategy, 'rollingUpdate'), 'maxUnavailable');
    const r = maxUnavailable?.key?.range;
    if (!r || !isSet(child(strategy, 'rollingUpdate'), 'maxUnavailable')) return;
    ctx.report({
      start: r[0],
      end: r[1],
      severity: 'warning',
      message: `maxUnavailable is dropped by the API server in ${ctx.settings.kubernetesVersion}: the MaxUnavailableStatefulSet feature gate is off by default, so the StatefulSet still updates one pod at a time.`,
      data: { path: 'spec.updateStrategy.rollingUpdate.maxUnavailable', droppedIn: ctx.settings.kubernetesVersion },
    });
  },
});
