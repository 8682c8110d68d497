/**
 * service-ports: a Service's ports as the API server validates them (ValidateService and the
 * node-port allocator of a cluster with the default range).
 *
 *     ports:
 *       - port: 80
 *         nodePort: 80      # → nodePort 80 is outside the cluster's node-port range 30000-32767.
 *       - port: 80          # → Duplicate port 80/TCP: ports[0] already exposes it.
 *
 * Ports are required but for a headless Service or an ExternalName; each port is 1–65535; a
 * targetPort is a port number or an IANA service name (a string of digits is neither); with
 * more than one port every port needs a name, a DNS label, unique in the Service; nodePort only
 * for NodePort and LoadBalancer, within 30000–32767 and not used twice.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, jsonValue, mapItems, pairIn, stringAt } from '../util/nodes';
import { dnsLabelProblem, portNameProblem } from '../util/names';
import { qualifiedNameProblem } from '../util/qualifiedName';
import type { NodeMap } from '../util/podFacts';

/** The API server's default --service-node-port-range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export const servicePorts = apiServerRule({
  id: 'service-ports',
  kinds: ['Service'],
  description: 'Service ports: numbers, names, targetPort, nodePort range and type, duplicates.',
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    const type = stringAt(ctx.doc, spec, 'type') ?? 'ClusterIP';
    const portsPair = pairIn(spec, 'ports');
    const items = mapItems(portsPair?.value);
    const headless = stringAt(ctx.doc, spec, 'clusterIP') === 'None';
    if (items.length === 0 && !asSeq(portsPair?.value)?.items.length && !headless && type !== 'ExternalName' && !isTemplated(ctx.doc, portsPair?.value)) {
      reportAt(ctx, portsPair?.key ?? pairIn(ctx.doc.doc.contents, 'spec')?.key, 'A Service needs at least one port (only a headless Service or an ExternalName may have none).', {
        data: { path: 'spec.ports', need: 'a port' },
      });
    }
    const seen = { ports: new Map<string, number>(), names: new Map<string, number>(), nodePorts: new Map<string, number>() };
    for (const { index, map } of items) {
      if (isTemplated(ctx.doc, map)) continue;
      checkPort(ctx, map, index, items.length, type, seen);
    }
  },
});

interface Seen {
  readonly ports: Map<string, number>;
  readonly names: Map<string, number>;
  readonly nodePorts: Map<string, number>;
}

function checkPort(ctx: RuleContext, map: NodeMap, index: number, count: number, type: string, seen: Seen): void {
  const path = ['spec', 'ports', index];
  const at = (field: string) => pathToString([...path, field]);
  const protocol = stringAt(ctx.doc, map, 'protocol') ?? 'TCP';
  const nameNode = child(map, 'name');
  const name = jsonValue(nameNode);
  if (typeof name === 'string' && name !== '' && !isTemplated(ctx.doc, nameNode)) {
    const problem = dnsLabelProblem(name);
    if (problem) reportAt(ctx, nameNode, `Invalid port name "${name}": ${problem}.`, { data: { path: at('name'), value: name } });
    const first = seen.names.get(name);
    if (first !== undefined) reportAt(ctx, nameNode, `Duplicate port name "${name}": spec.ports[${first}] has it already.`, { data: { path: at('name'), value: name } });
    else seen.names.set(name, index);
  } else if (count > 1 && (name === undefined || name === '' || name === null) && !isTemplated(ctx.doc, nameNode)) {
    reportAt(ctx, pairIn(map, 'name')?.key ?? map.items[0]?.key, 'A Service with more than one port needs a name on every port.', { data: { path: at('name'), need: 'a name' } });
  }
  const portNode = child(map, 'port');
  const port = number(ctx, portNode);
  if (port !== undefined && (port < 1 || port > 65535)) {
    reportAt(ctx, portNode, `port must be between 1 and 65535, inclusive, got ${port}.`, { data: { path: at('port'), value: port } });
  } else if (port !== undefined) {
    const key = `${port}/${protocol}`;
    const first = seen.ports.get(key);
    if (first !== undefined) reportAt(ctx, portNode, `Duplicate port ${key}: spec.ports[${first}] already exposes it.`, { data: { path: at('port'), value: port } });
    else seen.ports.set(key, index);
  }
  checkTargetPort(ctx, child(map, 'targetPort'), at('targetPort'));
  checkNodePort(ctx, child(map, 'nodePort'), at('nodePort'), type, protocol, index, seen);
  const appNode = child(map, 'appProtocol');
  const app = jsonValue(appNode);
  const appProblem = typeof app === 'string' && !isTemplated(ctx.doc, appNode) ? qualifiedNameProblem(app) : undefined;
  if (appProblem) reportAt(ctx, appNode, `Invalid appProtocol "${String(app)}": ${appProblem}.`, { data: { path: at('appProtocol'), value: app } });
}

function number(ctx: RuleContext, node: Node | undefined): number | undefined {
  const v = jsonValue(node);
  return typeof v === 'number' && Number.isInteger(v) && !isTemplated(ctx.doc, node) ? v : undefined;
}

/** 0 is defaulted to the port; a string names a container port (IANA_SVC_NAME). */
function checkTargetPort(ctx: RuleContext, node: Node | undefined, path: string): void {
  const v = jsonValue(node);
  if (node === undefined || isTemplated(ctx.doc, node)) return;
  if (typeof v === 'number' && Number.isInteger(v) && (v < 0 || v > 65535)) {
    reportAt(ctx, node, `targetPort must be between 1 and 65535, inclusive, got ${v}.`, { data: { path, value: v } });
  } else if (typeof v === 'string') {
    const problem = portNameProblem(v);
    if (problem) reportAt(ctx, node, `Invalid targetPort "${v}": a port name ${problem}${/^\d+$/.test(v) ? ' (write the number without quotes)' : ''}.`, { data: { path, value: v } });
  }
}

function checkNodePort(ctx: RuleContext, node: Node | undefined, path: string, type: string, protocol: string, index: number, seen: Seen): void {
  const v = number(ctx, node);
  if (v === undefined || v === 0) return;
  if (type !== 'NodePort' && type !== 'LoadBalancer') {
    reportAt(ctx, node, `nodePort may not be used when type is '${type}': only NodePort and LoadBalancer Services have node ports.`, { data: { path, value: v } });
    return;
  }
  if (v < NODE_PORT_MIN || v > NODE_PORT_MAX) {
    reportAt(ctx, node, `nodePort ${v} is outside the node-port range ${NODE_PORT_MIN}-${NODE_PORT_MAX} (the API server's default): the server refuses to allocate it.`, { data: { path, value: v } });
    return;
  }
  const key = `${v}/${protocol}`;
  const first = seen.nodePorts.get(key);
  if (first !== undefined) reportAt(ctx, node, `Duplicate nodePort ${v}: spec.ports[${first}] already uses it.`, { data: { path, value: v } });
  else seen.nodePorts.set(key, index);
}
