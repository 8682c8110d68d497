/**
 * mount-not-found: a volumeMount names no volume of the pod.
 *
 *     volumeMounts:
 *       - name: data         # → No volume named "data" …
 *         mountPath: /data
 *     volumes: []
 *
 * For a StatefulSet, a claim template of that name counts as a volume.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RelatedInfo } from '../ruleTypes';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, childAt, isTemplated, jsonValue, mapItems, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const mountNotFound = apiServerRule({
  id: 'mount-not-found',
  kinds: POD_KINDS,
  description: 'A volumeMount must name a volume of the pod.',
  check(ctx) {
    const facts = podFacts(ctx.doc);
    if (isTemplated(ctx.doc, child(facts.podSpec, 'volumes')) || isTemplated(ctx.doc, child(facts.spec, 'volumeClaimTemplates'))) return;
    const names = new Set<string>();
    const nodes = facts.volumes.map((v) => child(v.map, 'name'));
    if (ctx.kind === 'StatefulSet') nodes.push(...facts.claimTemplates.map((t) => childAt(t.map, 'metadata', 'name')));
    for (const n of nodes) {
      const v = jsonValue(n);
      if (typeof v === 'string') names.add(v);
    }
    const related: RelatedInfo[] = [];
    for (const key of [pairIn(facts.podSpec, 'volumes')?.key, pairIn(facts.spec, 'volumeClaimTemplates')?.key]) {
      const r = key?.range;
      if (r) related.push({ start: r[0], end: r[1], message: 'The pod\'s volumes are defined here.' });
    }
    for (const c of facts.containers) {
      for (const { index, map } of mapItems(child(c.map, 'volumeMounts'))) {
        const node = child(map, 'name');
        const name = jsonValue(node);
        const r = node?.range;
        if (!r || typeof name !== 'string' || name === '' || names.has(name) || isTemplated(ctx.doc, node)) continue;
        const where = ctx.kind === 'StatefulSet' ? 'spec.template.spec.volumes or spec.volumeClaimTemplates' : 'spec.template.spec.volumes';
        ctx.report({
          start: r[0],
          end: r[1],
          message: `No volume named "${name}": add it to ${where}, or fix the name.`,
          data: { path: pathToString([...c.path, 'volumeMounts', index, 'name']), name, available: [...names] },
          related,
        });
      }
    }
  },
});
