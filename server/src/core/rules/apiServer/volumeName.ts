/**
 * volume-name: volume names are DNS labels, unique in the pod.
 *
 *     volumes:
 *       - name: data
 *       - name: data        # → Duplicate volume name "data".
 *
 * A StatefulSet's claim templates become pod volumes too, so their names must be DNS labels.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString } from '../util/defineRule';
import { childAt, isTemplated, jsonValue } from '../util/nodes';
import { podFacts, type VolumeFact } from '../util/podFacts';
import { dnsLabelProblem } from '../util/names';

export const volumeName = apiServerRule({
  id: 'volume-name',
  kinds: POD_KINDS,
  description: 'Volume names must be unique DNS labels.',
  check(ctx) {
    const { volumes, claimTemplates } = podFacts(ctx.doc);
    const seen = new Map<string, [number, number]>();
    for (const v of volumes) checkOne(ctx, v, ['name'], seen);
    for (const t of claimTemplates) checkOne(ctx, t, ['metadata', 'name'], undefined);
  },
});

function checkOne(ctx: RuleContext, v: VolumeFact, keys: string[], seen: Map<string, [number, number]> | undefined): void {
  const node = childAt(v.map, ...keys);
  const name = jsonValue(node);
  const r = node?.range;
  if (!r || typeof name !== 'string' || isTemplated(ctx.doc, node)) return;
  const path = pathToString([...v.path, ...keys]);
  const problem = name === '' ? 'a name is required' : dnsLabelProblem(name);
  if (problem) {
    ctx.report({ start: r[0], end: r[1], message: `Invalid volume name "${name}": ${problem}.`, data: { path, value: name } });
    return;
  }
  if (!seen) return;
  const first = seen.get(name);
  if (!first) {
    seen.set(name, [r[0], r[1]]);
    return;
  }
  ctx.report({
    start: r[0],
    end: r[1],
    message: `Duplicate volume name "${name}".`,
    data: { path, value: name },
    related: [{ start: first[0], end: first[1], message: `"${name}" is first defined here.` }],
  });
}
