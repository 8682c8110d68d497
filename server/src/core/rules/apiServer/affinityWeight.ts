/**
 * affinity-weight: a preferred scheduling term's weight is 1–100.
 *
 *     preferredDuringSchedulingIgnoredDuringExecution:
 *       - weight: 0            # → weight must be in the range 1-100, got 0.
 *         preference: {…}
 *
 * Source: pkg/apis/core/validation validatePreferredSchedulingTerms and
 * validateWeightedPodAffinityTerms, for node affinity, pod affinity and pod anti-affinity.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { podFacts, POD_SPEC_PATH } from '../util/podFacts';

const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';

export const affinityWeight = apiServerRule({
  id: 'affinity-weight',
  kinds: POD_KINDS,
  description: 'A preferred affinity term needs a weight from 1 to 100.',
  check(ctx) {
    const affinity = child(podFacts(ctx.doc).podSpec, 'affinity');
    for (const kind of ['nodeAffinity', 'podAffinity', 'podAntiAffinity']) {
      for (const { index, map } of mapItems(child(child(affinity, kind), PREFERRED))) {
        const node = child(map, 'weight');
        const weight = jsonValue(node);
        if (typeof weight !== 'number' || !Number.isInteger(weight) || (weight >= 1 && weight <= 100) || isTemplated(ctx.doc, node)) continue;
        const path = pathToString([...POD_SPEC_PATH, 'affinity', kind, PREFERRED, index, 'weight']);
        reportAt(ctx, node, `weight must be in the range 1-100, got ${weight}: it is how much this preference counts against the others.`, { data: { path, value: weight } });
      }
    }
  },
});
