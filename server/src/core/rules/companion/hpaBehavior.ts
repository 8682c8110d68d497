/**
 * The scaling behavior of an autoscaling/v2 HorizontalPodAutoscaler (validateBehavior), for
 * hpa-spec: per direction a stabilization window of 0–3600 s, a selectPolicy of Max, Min or
 * Disabled, and, when policies are given, at least one, each of type Pods or Percent with a
 * value above 0 and a period of 1–1800 s.
 */
import type { RuleContext } from '../ruleTypes';
import { pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, mapItems, pairIn, stringAt } from '../util/nodes';
import { checkBounds } from './nonNegative';

const SELECT_POLICIES = ['Max', 'Min', 'Disabled'];
const POLICY_TYPES = ['Pods', 'Percent'];

export function checkBehavior(ctx: RuleContext, behavior: unknown): void {
  if (!behavior || isTemplated(ctx.doc, behavior)) return;
  for (const direction of ['scaleUp', 'scaleDown']) {
    const rules = child(behavior, direction);
    if (!rules) continue;
    const path = ['spec', 'behavior', direction];
    checkBounds(ctx, rules, path, 'stabilizationWindowSeconds', 0, 3600);
    const select = stringAt(ctx.doc, rules, 'selectPolicy');
    if (select !== undefined && !SELECT_POLICIES.includes(select)) {
      reportAt(ctx, child(rules, 'selectPolicy'), `Unsupported selectPolicy "${select}": supported values are "Disabled", "Max" and "Min".`, { data: { path: pathToString([...path, 'selectPolicy']), value: select } });
    }
    const policiesPair = pairIn(rules, 'policies');
    if (policiesPair && asSeq(policiesPair.value)?.items.length === 0) {
      reportAt(ctx, policiesPair.key, 'At least one scaling policy is required when policies are given.', { data: { path: pathToString([...path, 'policies']), need: 'a policy' } });
    }
    for (const { index, map } of mapItems(policiesPair?.value)) {
      const at = [...path, 'policies', index];
      const type = stringAt(ctx.doc, map, 'type');
      if (type !== undefined && !POLICY_TYPES.includes(type)) {
        reportAt(ctx, child(map, 'type'), `Unsupported policy type "${type}": supported values are "Percent" and "Pods".`, { data: { path: pathToString([...at, 'type']), value: type } });
      }
      checkBounds(ctx, map, at, 'value', 1);
      checkBounds(ctx, map, at, 'periodSeconds', 1, 1800);
    }
  }
}
