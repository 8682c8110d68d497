/**
 * field-of-another-kind: a spec field that exists only on another workload kind.
 *
 *     kind: StatefulSet
 *     spec:
 *       strategy: …   # → `strategy` belongs to Deployment; a StatefulSet uses `updateStrategy` …
 *
 * The API server rejects it as an unknown field; naming the kind that has it (and what this kind
 * uses instead) says what went wrong, usually a manifest copied from another kind.
 */
import type { DocumentRule } from '../ruleTypes';
import type { WorkloadKind } from '../../parse/parseFile';
import { schemaFindings } from '../util/schemaWalk';
import { listKinds } from '../../kinds/kindFields';

export const fieldOfAnotherKindRule: DocumentRule = {
  id: 'field-of-another-kind',
  scope: 'document',
  category: 'kind-misuse',
  defaultSeverity: 'error',
  description: 'A spec field that only another workload kind has.',
  check(ctx) {
    const { anotherKind } = schemaFindings(ctx.doc, ctx.kind, ctx.apiVersion, ctx.settings.kubernetesVersion);
    for (const { start, end, facts } of anotherKind) {
      // Only workload documents get these findings (schemaWalk.ts).
      const kind = ctx.kind as WorkloadKind;
      const equivalent = facts.equivalent?.[kind];
      const note = facts.note?.[kind];
      const owners = listKinds(facts.ownerKinds);
      const tail = equivalent
        ? ` ${article(ctx.kind)} uses \`${equivalent.split(' ')[0]!}\`${rest(equivalent)}.`
        : note
          ? ` ${article(ctx.kind)} has no equivalent: ${note}.`
          : ` ${article(ctx.kind)} has no equivalent; remove it.`;
      ctx.report({
        start,
        end,
        message: `\`${facts.field}\` belongs to ${owners};${tail}`,
        data: { field: facts.field, ownerKinds: facts.ownerKinds, ...(equivalent ? { equivalent: equivalent.split(' ')[0] } : {}) },
      });
    }
  },
};

function article(kind: string): string {
  return `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function rest(equivalent: string): string {
  const i = equivalent.indexOf(' ');
  return i < 0 ? '' : equivalent.slice(i);
}
