/**
 * hugepages-resources: a container that asks for hugepages must also ask for cpu or memory.
 *
 *     resources:
 *       limits:                # → Hugepages require a cpu or memory request or limit as well.
 *         hugepages-2Mi: 100Mi
 *
 * Hugepages are accounted inside the container's memory cgroup, which the kubelet only sizes
 * when cpu or memory is given.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import { keyName } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, entries } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const hugepagesResources = apiServerRule({
  id: 'hugepages-resources',
  kinds: POD_KINDS,
  description: 'Hugepages require a cpu or memory request or limit.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const resources = child(c.map, 'resources');
      if (!resources || isTemplated(ctx.doc, resources)) continue;
      const names: string[] = [];
      let first: Node | undefined;
      for (const field of ['requests', 'limits']) {
        for (const pair of entries(child(resources, field))) {
          const name = keyName(pair.key);
          if (name !== undefined) names.push(name);
          if (name?.startsWith('hugepages-')) first ??= pair.key;
        }
      }
      if (!first || names.includes('cpu') || names.includes('memory')) continue;
      reportAt(ctx, first, `${keyName(first)!} requires a cpu or memory request or limit in the same container.`, {
        data: { path: pathToString([...c.path, 'resources']), need: 'a cpu or memory request or limit' },
      });
    }
  },
});
