/**
 * probe-port-not-exposed: a probe names a port the container does not declare. A named port
 * that does not exist makes the probe fail for sure; a number missing from a declared ports
 * list is usually a typo or a port that moved. (A container that declares no ports at all is
 * not judged by number: containerPort is informational and the probe may work.)
 *
 *     ports: [{ name: http, containerPort: 8080 }]
 *     readinessProbe:
 *       httpGet: { port: htp }   # ← … probes port "htp", which the container does not declare
 *   after:
 *       httpGet: { port: http }
 */
import type { Node } from 'yaml';
import { child, childAt, isTemplated, jsonValue, nodeRange } from '../util/nodes';
import { containerPorts } from './ports';
import { containerData, containerRule, label } from './util';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const probePortNotExposed = containerRule({
  id: 'probe-port-not-exposed',
  defaultSeverity: 'warning',
  description: 'Probes should target a port the container declares.',
  check(ctx, c) {
    let ports: ReturnType<typeof containerPorts> | undefined;
    let declared: boolean | undefined;
    for (const probe of PROBES) {
      const probeNode = child(c.map, probe);
      if (!probeNode) continue;
      for (const handler of HANDLERS) {
        const node = childAt(probeNode, handler, 'port');
        const port = portValue(ctx.doc, node);
        if (port === undefined) continue;
        ports ??= containerPorts(ctx.doc, c);
        declared ??= child(c.map, 'ports') !== undefined;
        const known = typeof port === 'string' ? ports.some((p) => p.name === port) : !declared || ports.some((p) => p.containerPort === port);
        if (known || (typeof port === 'number' && ports.some((p) => p.containerPort === undefined))) continue;
        const range = nodeRange(node)!;
        const what = typeof port === 'string' ? `port "${port}"` : `port ${port}`;
        const fix = typeof port === 'string' ? 'use a port name from the container\'s ports list' : 'add it to the container\'s ports or probe a declared port';
        ctx.report({
          start: range[0],
          end: range[1],
          message: `The ${probe} of ${label(c).toLowerCase()} targets ${what}, which the container does not declare: ${fix}.`,
          data: containerData(c, { probe, handler, port, knownPorts: ports.map((p) => p.name ?? p.containerPort ?? null) }),
        });
      }
    }
  },
});

function portValue(doc: Parameters<typeof isTemplated>[0], node: Node | undefined): string | number | undefined {
  if (!node || isTemplated(doc, node)) return undefined;
  const v = jsonValue(node);
  return typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : undefined;
}
