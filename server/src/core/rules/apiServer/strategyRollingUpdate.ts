/**
 * strategy-rolling-update: a Deployment's strategy as the API server validates it.
 *
 *     strategy:
 *       type: Recreate
 *       rollingUpdate: { maxSurge: 1 }   # → may not be specified when strategy type is "Recreate"
 *
 *     rollingUpdate:
 *       maxSurge: 0
 *       maxUnavailable: 0                # → may not be 0 when maxSurge is 0
 *
 * Also: maxSurge/maxUnavailable are non-negative ints or "<n>%" strings, and maxUnavailable is
 * at most 100%. Omitted values count as their default, 25%.
 */
import { apiServerRule } from '../util/defineRule';
import { child, isSet, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { deploymentRollingUpdate, strategyType } from '../util/defaults';
import { checkAtMost100, checkFormat } from '../util/rollingChecks';
import { isZero } from '../util/quantity';

export const strategyRollingUpdate = apiServerRule({
  id: 'strategy-rolling-update',
  kinds: ['Deployment'],
  description: "A Deployment's strategy and its rolling-update limits must be valid.",
  check(ctx) {
    const strategy = child(podFacts(ctx.doc).spec, 'strategy');
    const type = strategyType(ctx.doc, strategy, 'apps.v1.DeploymentStrategy');
    if (!type) return;
    const rollingPair = pairIn(strategy, 'rollingUpdate');
    if (type.value === 'Recreate') {
      const r = rollingPair?.key?.range;
      if (r && isSet(strategy, 'rollingUpdate')) {
        ctx.report({ start: r[0], end: r[1], message: 'rollingUpdate may not be specified when strategy type is "Recreate". Remove it, or use type "RollingUpdate".', data: { path: 'spec.strategy.rollingUpdate' } });
      }
      return;
    }
    if (type.value !== 'RollingUpdate') return;
    const rolling = child(strategy, 'rollingUpdate');
    const { maxSurge, maxUnavailable } = deploymentRollingUpdate(ctx.doc, rolling);
    const surgeOk = checkFormat(ctx, 'maxSurge', maxSurge);
    const unavailableOk = checkFormat(ctx, 'maxUnavailable', maxUnavailable);
    if (unavailableOk) checkAtMost100(ctx, 'maxUnavailable', maxUnavailable);
    if (!surgeOk || !unavailableOk || !isZero(maxSurge.value) || !isZero(maxUnavailable.value)) return;
    const r = maxUnavailable.node?.range;
    if (r) ctx.report({ start: r[0], end: r[1], message: 'maxUnavailable may not be 0 when maxSurge is 0: the rollout could never make progress.', data: { path: 'spec.strategy.rollingUpdate.maxUnavailable' } });
  },
});
