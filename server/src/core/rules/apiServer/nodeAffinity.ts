/**
 * node-affinity: node selector requirements must fit their operator, and a required node
 * affinity needs at least one term.
 *
 *     nodeAffinity:
 *       requiredDuringSchedulingIgnoredDuringExecution:
 *         nodeSelectorTerms:
 *           - matchExpressions:
 *               - key: example.com/cores
 *                 operator: Gt
 *                 values: ["4", "8"]    # → values must hold exactly one value when operator is 'Gt', got 2.
 *
 * A non-integer Gt/Lt value passes the API server, but the scheduler cannot compare it, so the
 * term matches no node; that one is a warning.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, childAt, isTemplated, mapItems, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { checkRequirementValues } from '../util/requirementValues';

export const nodeAffinity = apiServerRule({
  id: 'node-affinity',
  kinds: POD_KINDS,
  description: 'Node affinity: operators need the right values; a required affinity needs a term.',
  check(ctx) {
    const affinity = childAt(podFacts(ctx.doc).podSpec, 'affinity', 'nodeAffinity');
    if (!affinity) return;
    const base: YamlPath = [...podFacts(ctx.doc).podSpecPath, 'affinity', 'nodeAffinity'];
    const required = child(affinity, 'requiredDuringSchedulingIgnoredDuringExecution');
    const termsPair = pairIn(required, 'nodeSelectorTerms');
    const requiredPath: YamlPath = [...base, 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms'];
    if (required && !isTemplated(ctx.doc, required) && (asSeq(termsPair?.value)?.items.length ?? 0) === 0 && !isTemplated(ctx.doc, termsPair?.value)) {
      const anchor = termsPair?.key ?? pairIn(affinity, 'requiredDuringSchedulingIgnoredDuringExecution')?.key;
      reportAt(ctx, anchor, 'A required node affinity must have at least one node selector term.', { data: { path: pathToString(requiredPath), need: 'a nodeSelectorTerms entry' } });
    }
    for (const { index, map } of mapItems(termsPair?.value)) checkTerm(ctx, map, [...requiredPath, index]);
    for (const { index, map } of mapItems(child(affinity, 'preferredDuringSchedulingIgnoredDuringExecution'))) {
      checkTerm(ctx, child(map, 'preference'), [...base, 'preferredDuringSchedulingIgnoredDuringExecution', index, 'preference']);
    }
  },
});

function checkTerm(ctx: RuleContext, term: unknown, path: YamlPath): void {
  for (const { index, map } of mapItems(child(term, 'matchExpressions'))) {
    checkRequirementValues(ctx, map, [...path, 'matchExpressions', index], true);
  }
}
