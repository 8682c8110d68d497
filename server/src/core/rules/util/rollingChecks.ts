/**
 * Checks shared by the rolling-update rules: the IntOrString format of maxSurge/maxUnavailable
 * (ValidatePositiveIntOrPercent) and the 100% ceiling (IsNotMoreThan100Percent).
 */
import type { RuleContext } from '../ruleTypes';
import type { Effective } from './defaults';
import { PERCENT_FORMAT_MESSAGE, type IntOrPercent } from './quantity';

/** Reports a bad format or a negative int; returns true when the value is usable. */
export function checkFormat(ctx: RuleContext, name: string, v: Effective<IntOrPercent> | undefined): v is Effective<IntOrPercent> {
  if (!v) return false;
  const r = v.node?.range;
  if (v.value.kind === 'invalid') {
    if (r) ctx.report({ start: r[0], end: r[1], message: `Invalid ${name} "${v.value.text}": ${PERCENT_FORMAT_MESSAGE}.`, data: { field: name } });
    return false;
  }
  if (v.value.kind === 'int' && v.value.value < 0) {
    if (r) ctx.report({ start: r[0], end: r[1], message: `${name} must be greater than or equal to 0, got ${v.value.value}.`, data: { field: name } });
    return false;
  }
  return true;
}

/** Reports a percentage above 100%. */
export function checkAtMost100(ctx: RuleContext, name: string, v: Effective<IntOrPercent>): void {
  const r = v.node?.range;
  if (v.value.kind === 'percent' && v.value.value > 100 && r) {
    ctx.report({ start: r[0], end: r[1], message: `${name} must not be greater than 100%, got ${v.value.value}%.`, data: { field: name } });
  }
}
