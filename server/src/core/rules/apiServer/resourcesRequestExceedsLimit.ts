/**
 * resources-request-exceeds-limit: a request above its limit.
 *
 *     resources:
 *       requests: { cpu: "2" }     # → cpu request 2 must be less than or equal to the cpu limit of 500m.
 *       limits: { cpu: 500m }
 *
 * Quantities are compared by value, so 1Gi > 1000Mi and 0.5 = 500m.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { asMap, child, isTemplated, jsonValue, entries } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { parseQuantity } from '../util/quantity';
import { keyName } from '../../parse/navigate';

export const resourcesRequestExceedsLimit = apiServerRule({
  id: 'resources-request-exceeds-limit',
  kinds: POD_KINDS,
  description: 'A resource request must not exceed its limit.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const resources = child(c.map, 'resources');
      const requests = asMap(child(resources, 'requests'));
      const limits = child(resources, 'limits');
      if (!requests || !limits) continue;
      for (const pair of entries(requests)) {
        const name = keyName(pair.key);
        const limitNode = name === undefined ? undefined : child(limits, name);
        const req = quantity(jsonValue(pair.value));
        const lim = quantity(jsonValue(limitNode));
        const r = pair.value?.range;
        if (req === undefined || lim === undefined || req <= lim || !r || isTemplated(ctx.doc, pair.value) || isTemplated(ctx.doc, limitNode)) continue;
        const reqText = String(jsonValue(pair.value));
        const limText = String(jsonValue(limitNode));
        ctx.report({
          start: r[0],
          end: r[1],
          message: `${name!} request ${reqText} must be less than or equal to the ${name!} limit of ${limText}.`,
          data: { path: pathToString([...c.path, 'resources', 'requests', name!]), resource: name, request: reqText, limit: limText },
        });
      }
    }
  },
});

function quantity(v: unknown): number | undefined {
  return typeof v === 'number' || typeof v === 'string' ? parseQuantity(v) : undefined;
}
