/**
 * selector-values: a label selector requirement's values must fit its operator, in the
 * workload's selector and in the pod template's affinity terms and topology spread constraints.
 *
 *     matchExpressions:
 *       - key: tier
 *         operator: In               # → values must be specified when operator is 'In'.
 *       - key: canary
 *         operator: DoesNotExist
 *         values: ["true"]           # → values may not be specified when operator is 'DoesNotExist'.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule } from '../util/defineRule';
import { child, childAt, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { checkRequirementValues } from '../util/requirementValues';

export const selectorValues = apiServerRule({
  id: 'selector-values',
  kinds: POD_KINDS,
  description: 'Label selector requirements: In/NotIn need values, Exists/DoesNotExist take none.',
  check(ctx) {
    const { spec, podSpec, podSpecPath } = podFacts(ctx.doc);
    checkSelector(ctx, child(spec, 'selector'), ['spec', 'selector']);
    for (const kind of ['podAffinity', 'podAntiAffinity']) {
      const affinity = childAt(podSpec, 'affinity', kind);
      const base: YamlPath = [...podSpecPath, 'affinity', kind];
      for (const { index, map } of mapItems(child(affinity, 'requiredDuringSchedulingIgnoredDuringExecution'))) {
        checkTerm(ctx, map, [...base, 'requiredDuringSchedulingIgnoredDuringExecution', index]);
      }
      for (const { index, map } of mapItems(child(affinity, 'preferredDuringSchedulingIgnoredDuringExecution'))) {
        const path: YamlPath = [...base, 'preferredDuringSchedulingIgnoredDuringExecution', index, 'podAffinityTerm'];
        checkTerm(ctx, child(map, 'podAffinityTerm'), path);
      }
    }
    for (const { index, map } of mapItems(child(podSpec, 'topologySpreadConstraints'))) {
      checkSelector(ctx, child(map, 'labelSelector'), [...podSpecPath, 'topologySpreadConstraints', index, 'labelSelector']);
    }
  },
});

function checkTerm(ctx: RuleContext, term: unknown, path: YamlPath): void {
  checkSelector(ctx, child(term, 'labelSelector'), [...path, 'labelSelector']);
  checkSelector(ctx, child(term, 'namespaceSelector'), [...path, 'namespaceSelector']);
}

function checkSelector(ctx: RuleContext, selector: unknown, path: YamlPath): void {
  for (const { index, map } of mapItems(child(selector, 'matchExpressions'))) {
    checkRequirementValues(ctx, map, [...path, 'matchExpressions', index], false);
  }
}
