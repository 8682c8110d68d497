/**
 * statefulset-update-strategy: a StatefulSet's updateStrategy as the API server validates it.
 *
 *     updateStrategy:
 *       type: OnDelete
 *       rollingUpdate: { partition: 2 }   # → only allowed for updateStrategy "RollingUpdate"
 *
 * Also rollingUpdate.maxUnavailable: a positive int or percentage, at most 100% — validated from
 * Kubernetes 1.35, where MaxUnavailableStatefulSet is beta (earlier the field is dropped on create).
 */
import { apiServerRule } from '../util/defineRule';
import { child, isSet, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { rollingValue, strategyType } from '../util/defaults';
import { checkAtMost100, checkFormat } from '../util/rollingChecks';
import { isZero } from '../util/quantity';

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
    if (type?.value !== 'RollingUpdate' || Number(ctx.settings.kubernetesVersion.split('.')[1]) < 35) return;
    const rolling = child(strategy, 'rollingUpdate');
    if (!child(rolling, 'maxUnavailable')) return;
    const v = rollingValue(ctx.doc, rolling, 'maxUnavailable', 1);
    if (!checkFormat(ctx, 'maxUnavailable', v)) return;
    checkAtMost100(ctx, 'maxUnavailable', v);
    const r = v.node?.range;
    if (isZero(v.value) && r) ctx.report({ start: r[0], end: r[1], message: 'maxUnavailable cannot be 0: use at least 1 (or remove it for the default, 1).', data: { path: 'spec.updateStrategy.rollingUpdate.maxUnavailable' } });
  },
});
