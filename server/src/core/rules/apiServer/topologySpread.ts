/**
 * topology-spread: topologySpreadConstraints the API server refuses.
 *
 *     topologySpreadConstraints:
 *       - maxSkew: 0                          # → maxSkew must be greater than 0, got 0.
 *         topologyKey: topology.kubernetes.io/zone
 *         whenUnsatisfiable: ScheduleAnyway
 *         minDomains: 2                       # → minDomains can only be used with whenUnsatisfiable DoNotSchedule.
 *
 * Two constraints with the same topologyKey and whenUnsatisfiable are also refused: merge them.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, mapItems, numberAt, pairIn, stringAt } from '../util/nodes';
import { podFacts, type NodeMap } from '../util/podFacts';

export const topologySpread = apiServerRule({
  id: 'topology-spread',
  kinds: POD_KINDS,
  description: 'topologySpreadConstraints: maxSkew and minDomains > 0, a topologyKey, no duplicates.',
  check(ctx) {
    const seen = new Map<string, Node>();
    for (const { index, map } of mapItems(child(podFacts(ctx.doc).podSpec, 'topologySpreadConstraints'))) {
      if (isTemplated(ctx.doc, map)) continue;
      const path = pathToString([...podFacts(ctx.doc).podSpecPath, 'topologySpreadConstraints', index]);
      checkOne(ctx, map, path);
      const key = stringAt(ctx.doc, map, 'topologyKey');
      const when = stringAt(ctx.doc, map, 'whenUnsatisfiable');
      if (!key || when === undefined) continue;
      const pairKey = `${key}\u0000${when}`;
      const first = seen.get(pairKey);
      const anchor = child(map, 'topologyKey');
      if (!first) {
        if (anchor) seen.set(pairKey, anchor);
        continue;
      }
      const r = first.range;
      reportAt(ctx, anchor, `Duplicate constraint for topologyKey "${key}" with whenUnsatisfiable ${when}: merge it with the first one.`, {
        data: { path: `${path}.topologyKey`, topologyKey: key, whenUnsatisfiable: when },
        ...(r ? { related: [{ start: r[0], end: r[1], message: 'The first constraint for this key is here.' }] } : {}),
      });
    }
  },
});

function checkOne(ctx: RuleContext, map: NodeMap, path: string): void {
  const maxSkew = numberAt(ctx.doc, map, 'maxSkew');
  if (maxSkew !== undefined && maxSkew <= 0) {
    reportAt(ctx, child(map, 'maxSkew'), `maxSkew must be greater than 0, got ${maxSkew}.`, { data: { path: `${path}.maxSkew`, value: maxSkew } });
  }
  if (stringAt(ctx.doc, map, 'topologyKey') === '') {
    reportAt(ctx, pairIn(map, 'topologyKey')?.key, 'topologyKey must not be empty: name a node label such as topology.kubernetes.io/zone.', { data: { path: `${path}.topologyKey` } });
  }
  const minDomains = numberAt(ctx.doc, map, 'minDomains');
  if (minDomains === undefined) return;
  if (minDomains <= 0) {
    reportAt(ctx, child(map, 'minDomains'), `minDomains must be greater than 0, got ${minDomains}.`, { data: { path: `${path}.minDomains`, value: minDomains } });
  } else if (stringAt(ctx.doc, map, 'whenUnsatisfiable') !== 'DoNotSchedule') {
    reportAt(ctx, pairIn(map, 'minDomains')?.key, 'minDomains can only be used with whenUnsatisfiable DoNotSchedule.', {
      data: { path: `${path}.minDomains`, need: 'whenUnsatisfiable: DoNotSchedule' },
    });
  }
}
