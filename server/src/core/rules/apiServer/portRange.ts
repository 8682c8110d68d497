/**
 * port-range: port numbers between 1 and 65535.
 *
 *     ports:
 *       - containerPort: 70000   # → containerPort must be between 1 and 65535, inclusive.
 *
 * Checked: containerPort (required, so 0 is an error too), a non-zero hostPort, and the numeric
 * ports of probes and lifecycle handlers.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { portFacts } from '../util/portFacts';

export const portRange = apiServerRule({
  id: 'port-range',
  kinds: POD_KINDS,
  description: 'Port numbers must be between 1 and 65535.',
  check(ctx) {
    const { ports, handlerPorts } = portFacts(ctx.doc);
    for (const p of ports) {
      check(ctx, child(p.map, 'containerPort'), 'containerPort', p.path, false);
      check(ctx, child(p.map, 'hostPort'), 'hostPort', p.path, true);
    }
    for (const h of handlerPorts) check(ctx, h.node, undefined, h.path, false);
  },
});

/** `field` names the port under the map at `path`; without it, `path` leads to the port itself. */
function check(ctx: RuleContext, node: Node | undefined, field: string | undefined, path: YamlPath, zeroAllowed: boolean): void {
  const v = jsonValue(node);
  const r = node?.range;
  if (!r || typeof v !== 'number' || !Number.isInteger(v) || isTemplated(ctx.doc, node)) return;
  if ((v === 0 && zeroAllowed) || (v >= 1 && v <= 65535)) return;
  const at = pathToString(field === undefined ? path : [...path, field]);
  ctx.report({ start: r[0], end: r[1], message: `${field ?? 'port'} must be between 1 and 65535, inclusive, got ${v}.`, data: { path: at, value: v } });
}
