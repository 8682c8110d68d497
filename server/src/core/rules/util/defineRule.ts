/**
 * Shorthands for the correctness rules. API-server rules only run under an apiVersion the server
 * serves for the kind (`apps/v1` for workloads): for a removed apiVersion the removed-api-version
 * error is the one finding that matters, and the old versions had other defaults (a selector
 * taken from the template labels, for one).
 */
import type { DocumentRule, Problem, RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { isServed } from '../../kinds/manifestKinds';

type RuleDef = Omit<DocumentRule, 'scope' | 'category' | 'defaultSeverity'>;

export function apiServerRule(def: RuleDef): DocumentRule {
  return {
    ...def,
    scope: 'document',
    category: 'api-server',
    defaultSeverity: 'error',
    check(ctx) {
      if (isServed(ctx.apiVersion, ctx.kind)) def.check(ctx);
    },
  };
}

/** Reports a problem on a node's range. */
export function reportAt(
  ctx: RuleContext,
  node: { range?: [number, number, number] | null } | null | undefined,
  message: string,
  extra: Omit<Problem, 'start' | 'end' | 'message'> = {},
): void {
  const r = node?.range;
  if (r) ctx.report({ start: r[0], end: Math.max(r[1], r[0] + 1), message, ...extra });
}

/** `spec.template.spec.containers[0].image` for messages. */
export { pathToString } from '../../parse/navigate';
export type { YamlPath };
