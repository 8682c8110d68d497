/**
 * port-name: port names are IANA service names, unique within a container.
 *
 *     ports:
 *       - name: http-metrics-port   # → Invalid port name "http-metrics-port": must be no more than 15 characters.
 *
 * The rules: at most 15 characters, only a-z, 0-9 and '-', at least one letter, no leading,
 * trailing or double hyphen. A probe that names a port must use a valid name too.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { portFacts } from '../util/portFacts';
import { portNameProblem } from '../util/names';
import type { ContainerFact } from '../util/podFacts';

export const portName = apiServerRule({
  id: 'port-name',
  kinds: POD_KINDS,
  description: 'Port names must be valid IANA service names, unique per container.',
  check(ctx) {
    const { ports, handlerPorts } = portFacts(ctx.doc);
    const seen = new Map<ContainerFact, Map<string, [number, number]>>();
    for (const p of ports) {
      const node = child(p.map, 'name');
      const name = jsonValue(node);
      const r = node?.range;
      if (!r || typeof name !== 'string' || name === '' || isTemplated(ctx.doc, node)) continue;
      const path = pathToString([...p.path, 'name']);
      const problem = portNameProblem(name);
      if (problem) {
        ctx.report({ start: r[0], end: r[1], message: `Invalid port name "${name}": ${problem}.`, data: { path, value: name } });
        continue;
      }
      const names = seen.get(p.container) ?? new Map<string, [number, number]>();
      seen.set(p.container, names);
      const first = names.get(name);
      if (!first) names.set(name, [r[0], r[1]]);
      else ctx.report({
        start: r[0], end: r[1],
        message: `Duplicate port name "${name}" in this container.`,
        data: { path, value: name },
        related: [{ start: first[0], end: first[1], message: `"${name}" is first used here.` }],
      });
    }
    for (const h of handlerPorts) {
      const name = jsonValue(h.node);
      const r = h.node.range;
      if (!r || h.grpc || typeof name !== 'string' || isTemplated(ctx.doc, h.node)) continue;
      const problem = portNameProblem(name);
      const hint = /^[0-9]+$/.test(name) ? ' A quoted number is read as a port name: remove the quotes.' : '';
      if (problem) ctx.report({ start: r[0], end: r[1], message: `Invalid port name "${name}": ${problem}.${hint}`, data: { path: pathToString(h.path), value: name } });
    }
  },
});
