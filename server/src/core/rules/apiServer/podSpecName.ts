/**
 * pod-spec-name: names in the pod spec that refer to DNS names or other objects.
 *
 *     hostname: web_1                 # → Invalid hostname "web_1": a lowercase RFC 1123 label …
 *     serviceAccountName: My-SA       # → Invalid serviceAccountName "My-SA": a lowercase RFC 1123 subdomain …
 *
 * hostname and subdomain become DNS labels of the pod; the service account, priority class,
 * runtime class and node are objects whose names are DNS subdomains.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { dnsLabelProblem, dnsSubdomainProblem } from '../util/names';
import { podFacts } from '../util/podFacts';

const FIELDS: readonly [string, (name: string) => string | undefined][] = [
  ['hostname', dnsLabelProblem],
  ['subdomain', dnsLabelProblem],
  ['serviceAccountName', dnsSubdomainProblem],
  ['priorityClassName', dnsSubdomainProblem],
  ['runtimeClassName', dnsSubdomainProblem],
  ['nodeName', dnsSubdomainProblem],
];

export const podSpecName = apiServerRule({
  id: 'pod-spec-name',
  kinds: POD_KINDS,
  description: 'hostname/subdomain must be DNS labels; serviceAccountName, priorityClassName, runtimeClassName and nodeName DNS subdomains.',
  check(ctx) {
    const podSpec = podFacts(ctx.doc).podSpec;
    for (const [field, problemOf] of FIELDS) {
      const node = child(podSpec, field);
      const name = jsonValue(node);
      // Only runtimeClassName is checked when empty (it is a pointer; the others skip "").
      if (typeof name !== 'string' || (name === '' && field !== 'runtimeClassName') || isTemplated(ctx.doc, node)) continue;
      const problem = name === '' ? 'a name is required when the field is present' : problemOf(name);
      if (!problem) continue;
      reportAt(ctx, node, `Invalid ${field} "${name}": ${problem}.`, { data: { path: pathToString([...podFacts(ctx.doc).podSpecPath, field]), value: name } });
    }
  },
});
