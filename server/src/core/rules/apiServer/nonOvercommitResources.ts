/**
 * non-overcommit-resources: extended resources (a GPU, `example.com/foo`) and hugepages cannot
 * be overcommitted, so a request needs a limit and must equal it; extended resources are counted
 * in whole units.
 *
 *     resources:
 *       requests: { nvidia.com/gpu: 1 }   # → A limit must be set for nvidia.com/gpu: it cannot be overcommitted …
 *       limits: { nvidia.com/gpu: 0.5 }   # → nvidia.com/gpu must be a whole number, got 0.5.
 *
 * A limit alone is fine (the request then defaults to it). A request above its limit is
 * resources-request-exceeds-limit's finding; this rule reports the request below it.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node, Pair } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { keyName } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asMap, child, isTemplated, jsonValue, pairIn, entries } from '../util/nodes';
import { podFacts, type ContainerFact } from '../util/podFacts';
import { parseQuantity } from '../util/quantity';

/** An extended resource (helper.IsExtendedResourceName): qualified with a domain outside kubernetes.io. */
export function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/** helper.IsOvercommitAllowed is false for these: extended resources and hugepages. */
function isNonOvercommit(name: string): boolean {
  return isExtendedResource(name) || name.startsWith('hugepages-');
}

export const nonOvercommitResources = apiServerRule({
  id: 'non-overcommit-resources',
  kinds: POD_KINDS,
  description: 'Extended resources and hugepages: a request needs an equal limit; extended resources are whole numbers.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const resources = child(c.map, 'resources');
      const requests = asMap(child(resources, 'requests'));
      const limitsPair = pairIn(resources, 'limits');
      for (const [field, map] of [['requests', requests], ['limits', asMap(limitsPair?.value)]] as const) {
        for (const pair of entries(map)) checkInteger(ctx, c, field, pair);
      }
      if (!requests || isTemplated(ctx.doc, resources)) continue;
      for (const pair of entries(requests)) checkRequest(ctx, c, pair, limitsPair);
    }
  },
});

function quantityOf(node: unknown): number | undefined {
  const v = jsonValue(node);
  return typeof v === 'number' || typeof v === 'string' ? parseQuantity(v) : undefined;
}

function checkInteger(ctx: RuleContext, c: ContainerFact, field: string, pair: Pair<Node, Node | null>): void {
  const name = keyName(pair.key);
  // The name first: cpu and memory, in nearly every container, need no quantity parsed here.
  if (name === undefined || !isExtendedResource(name)) return;
  const value = quantityOf(pair.value);
  if (value === undefined || isTemplated(ctx.doc, pair.value)) return;
  if (Math.abs(value - Math.round(value)) < 1e-9) return;
  reportAt(ctx, pair.value, `${name} must be a whole number, got ${String(jsonValue(pair.value))}.`, {
    data: { path: pathToString([...c.path, 'resources', field, name]), resource: name, need: 'an integer' },
  });
}

function checkRequest(ctx: RuleContext, c: ContainerFact, pair: Pair<Node, Node | null>, limitsPair: Pair<Node, Node | null> | undefined): void {
  const name = keyName(pair.key);
  if (name === undefined || !isNonOvercommit(name)) return;
  const request = quantityOf(pair.value);
  if (request === undefined || isTemplated(ctx.doc, pair.value)) return;
  const limitNode = child(limitsPair?.value, name);
  const limitsPath = pathToString([...c.path, 'resources', 'limits']);
  const requestText = String(jsonValue(pair.value));
  if (!limitNode) {
    if (isTemplated(ctx.doc, limitsPair?.value)) return;
    reportAt(ctx, pair.key, `A limit must be set for ${name}: it cannot be overcommitted, so its request needs an equal limit.`, {
      data: { path: limitsPath, resource: name, request: requestText, need: `limits.${name}: ${requestText}` },
    });
    return;
  }
  const limit = quantityOf(limitNode);
  if (limit === undefined || request >= limit || isTemplated(ctx.doc, limitNode)) return;
  const limitText = String(jsonValue(limitNode));
  reportAt(ctx, pair.value, `${name} request ${requestText} must equal its limit of ${limitText}: it cannot be overcommitted.`, {
    data: { path: pathToString([...c.path, 'resources', 'requests', name]), resource: name, request: requestText, limit: limitText },
  });
}
