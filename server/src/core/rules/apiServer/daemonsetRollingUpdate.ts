/**
 * daemonset-rolling-update: a DaemonSet's rolling update needs exactly one of maxSurge and
 * maxUnavailable to be non-zero, after defaults (maxUnavailable 1, maxSurge 0).
 *
 *     rollingUpdate:
 *       maxSurge: 1         # → may not be set when maxUnavailable is non-zero (it defaults to 1) …
 *
 * Also: the int-or-percent format, and neither above 100%.
 */
import { apiServerRule } from '../util/defineRule';
import { child } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { daemonSetRollingUpdate, strategyType } from '../util/defaults';
import { checkAtMost100, checkFormat } from '../util/rollingChecks';
import { isZero } from '../util/quantity';

export const daemonsetRollingUpdate = apiServerRule({
  id: 'daemonset-rolling-update',
  kinds: ['DaemonSet'],
  description: "A DaemonSet's maxSurge and maxUnavailable: exactly one non-zero.",
  check(ctx) {
    const strategy = child(podFacts(ctx.doc).spec, 'updateStrategy');
    if (strategyType(ctx.doc, strategy, 'apps.v1.DaemonSetUpdateStrategy')?.value !== 'RollingUpdate') return;
    const { maxSurge, maxUnavailable } = daemonSetRollingUpdate(ctx.doc, child(strategy, 'rollingUpdate'));
    const surgeOk = checkFormat(ctx, 'maxSurge', maxSurge);
    const unavailableOk = checkFormat(ctx, 'maxUnavailable', maxUnavailable);
    if (surgeOk) checkAtMost100(ctx, 'maxSurge', maxSurge);
    if (unavailableOk) checkAtMost100(ctx, 'maxUnavailable', maxUnavailable);
    if (!surgeOk || !unavailableOk) return;
    const surgeZero = isZero(maxSurge.value);
    const unavailableZero = isZero(maxUnavailable.value);
    if (surgeZero && unavailableZero) {
      const r = (maxUnavailable.node ?? maxSurge.node)?.range;
      if (r) ctx.report({ start: r[0], end: r[1], message: 'maxUnavailable cannot be 0 when maxSurge is 0 (its default): set one of them above 0.', data: { path: 'spec.updateStrategy.rollingUpdate.maxUnavailable' } });
    } else if (!surgeZero && !unavailableZero) {
      const r = (maxSurge.node ?? maxUnavailable.node)?.range;
      const defaulted = maxUnavailable.node ? '' : ' (it defaults to 1)';
      if (r) ctx.report({ start: r[0], end: r[1], message: `maxSurge may not be set when maxUnavailable is non-zero${defaulted}: a DaemonSet uses one or the other. Set maxUnavailable: 0 to surge.`, data: { path: 'spec.updateStrategy.rollingUpdate.maxSurge', unavailableDefaulted: !maxUnavailable.node } });
    }
  },
});
