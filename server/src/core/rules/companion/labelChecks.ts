/**
 * Label maps and label selectors outside a pod template (a Service's selector, a PDB's or a
 * NetworkPolicy's selectors), checked as the API server's ValidateLabels and
 * ValidateLabelSelector do: keys are qualified names, values label values, and a requirement's
 * operator decides whether it takes values.
 */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { keyName } from '../../parse/navigate';
import { pathToString, reportAt } from '../util/defineRule';
import { asMap, child, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { labelValueProblem, qualifiedNameProblem } from '../util/qualifiedName';
import { checkRequirementValues } from '../util/requirementValues';

/** Each key a qualified name, each value a label value. */
export function checkLabelMap(ctx: RuleContext, node: unknown, path: YamlPath): void {
  const map = asMap(node);
  if (!map || isTemplated(ctx.doc, map)) return;
  for (const pair of map.items) {
    const key = keyName(pair.key);
    if (key === undefined || isTemplated(ctx.doc, pair.key)) continue;
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) reportAt(ctx, pair.key, `Invalid label key "${key}": ${keyProblem}.`, { data: { path: pathToString([...path, key]), key } });
    const value = jsonValue(pair.value);
    if (typeof value !== 'string' || isTemplated(ctx.doc, pair.value)) continue;
    const valueProblem = labelValueProblem(value);
    if (valueProblem) reportAt(ctx, pair.value, `Invalid label value "${value}" for "${key}": ${valueProblem}.`, { data: { path: pathToString([...path, key]), value } });
  }
}

/** matchLabels as a label map; matchExpressions' keys and operator/values pairing. */
export function checkLabelSelector(ctx: RuleContext, selector: unknown, path: YamlPath): void {
  if (!asMap(selector) || isTemplated(ctx.doc, selector)) return;
  checkLabelMap(ctx, child(selector, 'matchLabels'), [...path, 'matchLabels']);
  for (const { index, map } of mapItems(child(selector, 'matchExpressions'))) {
    const at: YamlPath = [...path, 'matchExpressions', index];
    const keyNode = child(map, 'key');
    const key = jsonValue(keyNode);
    const problem = typeof key === 'string' && !isTemplated(ctx.doc, keyNode) ? qualifiedNameProblem(key) : undefined;
    if (problem) reportAt(ctx, keyNode, `Invalid label key "${String(key)}": ${problem}.`, { data: { path: pathToString([...at, 'key']), key } });
    checkRequirementValues(ctx, map, at, false);
  }
}
