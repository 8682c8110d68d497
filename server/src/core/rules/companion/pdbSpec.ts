/**
 * pdb-spec: a PodDisruptionBudget's spec (ValidatePodDisruptionBudgetSpec).
 *
 *     spec:
 *       minAvailable: 1
 *       maxUnavailable: 1      # → Set one of minAvailable and maxUnavailable, not both.
 *
 * At most one of minAvailable and maxUnavailable; each an integer ≥ 0 or a percentage
 * ("50%") of at most 100%; the selector valid as a label selector.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { intOrPercent, PERCENT_FORMAT_MESSAGE } from '../util/quantity';
import { checkLabelSelector } from './labelChecks';

export const pdbSpec = apiServerRule({
  id: 'pdb-spec',
  kinds: ['PodDisruptionBudget'],
  description: 'One of minAvailable and maxUnavailable, each an integer ≥ 0 or a percentage up to 100%; a valid selector.',
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    const min = pairIn(spec, 'minAvailable');
    const max = pairIn(spec, 'maxUnavailable');
    if (min?.value && max?.value && jsonValue(min.value) !== null && jsonValue(max.value) !== null) {
      reportAt(ctx, max.key, 'Set one of minAvailable and maxUnavailable, not both: the API server rejects a budget with two.', { data: { path: 'spec', field: 'maxUnavailable' } });
    }
    checkAmount(ctx, min?.value ?? undefined, 'minAvailable');
    checkAmount(ctx, max?.value ?? undefined, 'maxUnavailable');
    checkLabelSelector(ctx, child(spec, 'selector'), ['spec', 'selector']);
  },
});

function checkAmount(ctx: RuleContext, node: Node | undefined, field: string): void {
  const v = jsonValue(node);
  if ((typeof v !== 'number' && typeof v !== 'string') || isTemplated(ctx.doc, node)) return;
  if (typeof v === 'number' && !Number.isInteger(v)) return; // a float is a decode error (invalid-type)
  const amount = intOrPercent(v);
  const path = `spec.${field}`;
  if (amount.kind === 'invalid') reportAt(ctx, node, `Invalid ${field} "${amount.text}": ${PERCENT_FORMAT_MESSAGE}, or an integer without quotes.`, { data: { path, value: v } });
  else if (amount.kind === 'int' && amount.value < 0) reportAt(ctx, node, `${field} must be greater than or equal to 0, got ${amount.value}.`, { data: { path, value: v } });
  else if (amount.kind === 'percent' && amount.value > 100) reportAt(ctx, node, `${field} must not be greater than 100%, got ${amount.value}%.`, { data: { path, value: v } });
}
