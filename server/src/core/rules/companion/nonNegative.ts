/** Integer fields the API server wants at or above a bound (ValidateNonnegativeField and kin). */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';

/** Reports `field` of `map` when it is an integer below `min` (or above `max`). */
export function checkBounds(ctx: RuleContext, map: unknown, path: YamlPath, field: string, min: number, max?: number): void {
  const node = child(map, field);
  const v = jsonValue(node);
  if (typeof v !== 'number' || !Number.isInteger(v) || isTemplated(ctx.doc, node)) return;
  if (v >= min && (max === undefined || v <= max)) return;
  const bound = max !== undefined ? `between ${min} and ${max}, inclusive` : min === 0 ? 'greater than or equal to 0' : `at least ${min}`;
  reportAt(ctx, node, `${field} must be ${bound}, got ${v}.`, { data: { path: pathToString([...path, field]), value: v } });
}
