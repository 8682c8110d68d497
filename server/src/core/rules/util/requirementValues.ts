/**
 * The operator/values pairing of a selector requirement (metav1.LabelSelectorRequirement and
 * core.NodeSelectorRequirement): In and NotIn need values, Exists and DoesNotExist forbid them,
 * and (node selectors only) Gt and Lt take exactly one integer. An unknown operator is left to
 * invalid-enum.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { pathToString, reportAt } from './defineRule';
import { asSeq, child, isTemplated, jsonValue, pairIn, stringAt } from './nodes';
import type { NodeMap } from './podFacts';

export function checkRequirementValues(ctx: RuleContext, map: NodeMap, path: YamlPath, nodeSelector: boolean): void {
  if (isTemplated(ctx.doc, map)) return;
  const operator = stringAt(ctx.doc, map, 'operator');
  const valuesPair = pairIn(map, 'values');
  const seq = asSeq(valuesPair?.value);
  if (operator === undefined || (valuesPair?.value && !seq && !isNull(valuesPair.value))) return;
  const count = seq?.items.length ?? 0;
  const at = pathToString([...path, 'values']);
  const anchor = valuesPair?.key ?? child(map, 'operator');
  if ((operator === 'In' || operator === 'NotIn') && count === 0) {
    reportAt(ctx, anchor, `values must be specified when operator is '${operator}'.`, { data: { path: at, operator, need: 'values' } });
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
    reportAt(ctx, valuesPair?.key, `values may not be specified when operator is '${operator}'.`, { data: { path: at, operator, need: 'no values' } });
  } else if (nodeSelector && (operator === 'Gt' || operator === 'Lt')) {
    checkSingleInteger(ctx, seq?.items ?? [], anchor, at, operator);
  }
}

function checkSingleInteger(ctx: RuleContext, items: readonly Node[], anchor: Node | null | undefined, at: string, operator: string): void {
  if (items.length !== 1) {
    reportAt(ctx, anchor, `values must hold exactly one value when operator is '${operator}', got ${items.length}.`, { data: { path: at, operator, need: 'one integer value' } });
    return;
  }
  const item = items[0]!;
  const v = jsonValue(item);
  if (isTemplated(ctx.doc, item) || (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) || (typeof v === 'number' && Number.isInteger(v))) return;
  // The API server accepts it, but the scheduler cannot parse it and the term never matches.
  reportAt(ctx, item, `The value for operator '${operator}' must be an integer, got "${String(v)}": the scheduler cannot compare it, so no node matches.`, {
    data: { path: `${at}[0]`, operator, need: 'an integer' },
    severity: 'warning',
  });
}

function isNull(node: Node): boolean {
  return jsonValue(node) === null;
}
