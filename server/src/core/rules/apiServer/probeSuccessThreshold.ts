/**
 * probe-success-threshold: liveness and startup probes must use successThreshold 1.
 *
 *     livenessProbe:
 *       successThreshold: 3     # → successThreshold must be 1 for a livenessProbe.
 *
 * One success is what ends a liveness or startup failure; only readiness may require more.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, numberAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const probeSuccessThreshold = apiServerRule({
  id: 'probe-success-threshold',
  kinds: POD_KINDS,
  description: 'Liveness and startup probes must have successThreshold 1.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const probe of ['livenessProbe', 'startupProbe']) {
        const node = child(c.map, probe);
        const v = numberAt(ctx.doc, node, 'successThreshold');
        const r = child(node, 'successThreshold')?.range;
        // 0 is defaulted to 1; negative values are negative-value's.
        if (v === undefined || v === 1 || v <= 0 || !r) continue;
        ctx.report({
          start: r[0],
          end: r[1],
          message: `successThreshold must be 1 for a ${probe}, got ${v}.`,
          data: { path: pathToString([...c.path, probe, 'successThreshold']), value: v },
        });
      }
    }
  },
});
