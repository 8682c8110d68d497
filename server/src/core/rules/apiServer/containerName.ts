/**
 * container-name: container names are DNS labels, unique across containers and init containers.
 *
 *     containers:
 *       - name: Web          # → Invalid container name "Web": a lowercase RFC 1123 label …
 *       - name: app
 *       - name: app          # → Duplicate container name "app" …
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { dnsLabelProblem } from '../util/names';

export const containerName = apiServerRule({
  id: 'container-name',
  kinds: POD_KINDS,
  description: 'Container names must be unique DNS labels.',
  check(ctx) {
    const seen = new Map<string, [number, number]>();
    // The server checks the containers first and each init container against them, so a name
    // shared by the two is reported on the init container.
    const { containers } = podFacts(ctx.doc);
    for (const c of [...containers.filter((x) => !x.init), ...containers.filter((x) => x.init)]) {
      const node = child(c.map, 'name');
      const name = jsonValue(node);
      const r = node?.range;
      if (!r || typeof name !== 'string' || isTemplated(ctx.doc, node)) continue;
      const path = pathToString([...c.path, 'name']);
      const problem = name === '' ? 'a name is required' : dnsLabelProblem(name);
      if (problem) {
        ctx.report({ start: r[0], end: r[1], message: `Invalid container name "${name}": ${problem}.`, data: { path, value: name } });
        continue;
      }
      const first = seen.get(name);
      if (first) {
        ctx.report({
          start: r[0],
          end: r[1],
          message: `Duplicate container name "${name}": names must be unique across containers and init containers.`,
          data: { path, value: name },
          related: [{ start: first[0], end: first[1], message: `"${name}" is first used here.` }],
        });
      } else seen.set(name, [r[0], r[1]]);
    }
  },
});
