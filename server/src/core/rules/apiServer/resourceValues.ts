/**
 * resource-values: container resource names and amounts the API server refuses.
 *
 *     resources:
 *       requests: {memory: "-1Gi"}   # → requests.memory must be greater than or equal to 0, got -1Gi.
 *       limits: {gpu: 1}             # → "gpu" is not a standard container resource: qualify it (nvidia.com/gpu).
 *
 * A container may request cpu, memory, ephemeral-storage and hugepages-<size>; any other resource
 * must be fully qualified (`<domain>/<name>`, an extended resource). No amount may be negative.
 * Source: pkg/apis/core/validation ValidateResourceRequirements, validateContainerResourceName,
 * ValidateResourceQuantityValue.
 */
import type { RuleContext } from '../ruleTypes';
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, entries, isTemplated, jsonValue } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { parseQuantity } from '../util/quantity';
import { keyName } from '../../parse/navigate';
import { quote } from '../util/quote';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const resourceValues = apiServerRule({
  id: 'resource-values',
  kinds: POD_KINDS,
  description: 'Container resources are standard or fully qualified names, with amounts of at least 0.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const resources = child(c.map, 'resources');
      if (!resources || isTemplated(ctx.doc, resources)) continue;
      for (const field of ['requests', 'limits'] as const) check(ctx, child(resources, field), [...c.path, 'resources', field]);
    }
  },
});

function check(ctx: RuleContext, map: unknown, at: readonly (string | number)[]): void {
  for (const pair of entries(map)) {
    const name = keyName(pair.key);
    if (name === undefined || isTemplated(ctx.doc, pair.key)) continue;
    if (!STANDARD.has(name) && !name.startsWith('hugepages-') && !name.includes('/')) {
      reportAt(ctx, pair.key, `${quote(name)} is not a standard container resource (cpu, memory, ephemeral-storage, hugepages-<size>): an extended resource must be fully qualified, e.g. example.com/${name}.`, {
        data: { path: pathToString([...at, name]), name },
      });
      continue;
    }
    const raw = jsonValue(pair.value);
    if ((typeof raw !== 'string' && typeof raw !== 'number') || isTemplated(ctx.doc, pair.value)) continue;
    const amount = parseQuantity(raw);
    if (amount === undefined || amount >= 0) continue;
    reportAt(ctx, pair.value, `${pathToString([...at.slice(-1), name])} must be greater than or equal to 0, got ${quote(String(raw))}.`, {
      data: { path: pathToString([...at, name]), value: String(raw) },
    });
  }
}
