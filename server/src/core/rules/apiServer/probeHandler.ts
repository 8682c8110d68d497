/**
 * probe-handler: a probe or lifecycle hook needs exactly one handler.
 *
 *     livenessProbe:
 *       httpGet: { path: /healthz, port: 8080 }
 *       tcpSocket: { port: 8080 }    # → may not specify more than 1 handler type
 *
 * Probes take exec, httpGet, tcpSocket or grpc; postStart/preStop hooks take exec, httpGet,
 * tcpSocket or sleep.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { PathSegment } from '../../parse/navigate';
import { apiServerRule, pathToString } from '../util/defineRule';
import { asMap, child, isSet, isTemplated, pairIn } from '../util/nodes';
import { podFacts, type NodeMap } from '../util/podFacts';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

export const probeHandler = apiServerRule({
  id: 'probe-handler',
  kinds: POD_KINDS,
  description: 'A probe or lifecycle hook must have exactly one handler.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const probe of PROBES) check(ctx, c.map, probe, PROBE_HANDLERS, c.path);
      const lifecycle = child(c.map, 'lifecycle');
      if (lifecycle) for (const hook of HOOKS) check(ctx, lifecycle, hook, HOOK_HANDLERS, [...c.path, 'lifecycle']);
    }
  },
});

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HOOKS = ['postStart', 'preStop'];

/** The probe or hook `key` of `parent`, which sits at `at`. */
function check(ctx: RuleContext, parent: unknown, key: string, handlers: string[], at: readonly PathSegment[]): void {
  // A null probe (`livenessProbe:` with nothing under it) is unset for the API server.
  const pair = pairIn(parent, key);
  const node = asMap(pair?.value) as NodeMap | undefined;
  if (!node || !pair?.key?.range || isTemplated(ctx.doc, node)) return;
  const present = handlers.filter((h) => isSet(node, h));
  if (present.length === 1) return;
  if (present.length === 0) {
    ctx.report({
      start: pair.key.range[0],
      end: pair.key.range[1],
      message: `${key} must specify a handler type: one of ${handlers.join(', ')}.`,
      data: { path: pathToString([...at, key]), handlers },
    });
    return;
  }
  const extra = pairIn(node, present[1]!)?.key?.range;
  if (extra) {
    ctx.report({
      start: extra[0],
      end: extra[1],
      message: `${key} may not specify more than 1 handler type (it has ${present.join(' and ')}).`,
      data: { path: pathToString([...at, key]), handlers: present },
    });
  }
}
