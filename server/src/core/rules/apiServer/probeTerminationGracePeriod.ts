/**
 * probe-termination-grace-period: a probe's terminationGracePeriodSeconds must be positive, and
 * a readiness probe cannot have one.
 *
 *     livenessProbe:
 *       terminationGracePeriodSeconds: 0    # → terminationGracePeriodSeconds must be greater than 0, got 0.
 *     readinessProbe:
 *       terminationGracePeriodSeconds: 10   # → terminationGracePeriodSeconds must not be set on a readinessProbe.
 *
 * The value replaces the pod's grace period when a failing liveness or startup probe kills the
 * container; a failing readiness probe kills nothing, so the field means nothing there.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isSet, numberAt, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const FIELD = 'terminationGracePeriodSeconds';

export const probeTerminationGracePeriod = apiServerRule({
  id: 'probe-termination-grace-period',
  kinds: POD_KINDS,
  description: 'A probe terminationGracePeriodSeconds must be > 0 and is not allowed on readiness probes.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const node = child(c.map, probe);
        if (!isSet(node, FIELD)) continue;
        const path = pathToString([...c.path, probe, FIELD]);
        if (probe === 'readinessProbe') {
          reportAt(ctx, pairIn(node, FIELD)?.key, `${FIELD} must not be set on a readinessProbe: a failing readiness probe does not stop the container.`, { data: { path, need: 'remove it' } });
          continue;
        }
        const v = numberAt(ctx.doc, node, FIELD);
        if (v === undefined || v > 0) continue;
        reportAt(ctx, child(node, FIELD), `${FIELD} must be greater than 0, got ${v}; remove it to use the pod's grace period.`, { data: { path, value: v } });
      }
    }
  },
});
