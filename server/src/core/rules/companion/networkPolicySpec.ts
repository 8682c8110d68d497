/**
 * network-policy-spec: a NetworkPolicy's spec (ValidateNetworkPolicySpec).
 *
 *     ingress:
 *       - from:
 *           - ipBlock:
 *               cidr: 10.0.0.1        # → Invalid CIDR "10.0.0.1": … such as 10.0.0.0/16.
 *
 * Selectors are valid label selectors; ports are 1–65535 (a name is an IANA service name) and
 * endPort is not below port; an ipBlock's cidr is a CIDR and each except a strict subset of it;
 * policyTypes has at most two entries.
 */
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, jsonValue, mapItems, pairIn } from '../util/nodes';
import { portNameProblem } from '../util/names';
import { checkLabelSelector } from './labelChecks';
import { parseCidr, strictSubset } from './ipAddress';

export const networkPolicySpec = apiServerRule({
  id: 'network-policy-spec',
  kinds: ['NetworkPolicy'],
  description: 'NetworkPolicy selectors, ports, ipBlocks and policyTypes as the API server validates them.',
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    checkLabelSelector(ctx, child(spec, 'podSelector'), ['spec', 'podSelector']);
    const types = pairIn(spec, 'policyTypes');
    if ((asSeq(types?.value)?.items.length ?? 0) > 2) {
      reportAt(ctx, types?.value, 'policyTypes may list at most two entries: Ingress and Egress.', { data: { path: 'spec.policyTypes' } });
    }
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      for (const { index, map } of mapItems(child(spec, direction))) {
        const rule: YamlPath = ['spec', direction, index];
        for (const port of mapItems(child(map, 'ports'))) checkPort(ctx, port.map, [...rule, 'ports', port.index]);
        for (const peer of mapItems(child(map, peers))) checkPeer(ctx, peer.map, [...rule, peers, peer.index]);
      }
    }
  },
});

function checkPort(ctx: RuleContext, map: unknown, path: YamlPath): void {
  const node = child(map, 'port');
  const port = jsonValue(node);
  if (node === undefined || isTemplated(ctx.doc, node)) return;
  if (typeof port === 'number' && Number.isInteger(port) && (port < 1 || port > 65535)) {
    reportAt(ctx, node, `port must be between 1 and 65535, inclusive, got ${port}.`, { data: { path: pathToString([...path, 'port']), value: port } });
  } else if (typeof port === 'string') {
    const problem = portNameProblem(port);
    if (problem) reportAt(ctx, node, `Invalid port name "${port}": ${problem}.`, { data: { path: pathToString([...path, 'port']), value: port } });
  }
  const endNode = child(map, 'endPort');
  const end = jsonValue(endNode);
  if (typeof end === 'number' && typeof port === 'number' && end < port && !isTemplated(ctx.doc, endNode)) {
    reportAt(ctx, endNode, `endPort ${end} must not be below port ${port}.`, { data: { path: pathToString([...path, 'endPort']), value: end } });
  }
}

function checkPeer(ctx: RuleContext, peer: unknown, path: YamlPath): void {
  checkLabelSelector(ctx, child(peer, 'podSelector'), [...path, 'podSelector']);
  checkLabelSelector(ctx, child(peer, 'namespaceSelector'), [...path, 'namespaceSelector']);
  const block = child(peer, 'ipBlock');
  if (!block || isTemplated(ctx.doc, block)) return;
  const cidrNode = child(block, 'cidr');
  const cidrText = jsonValue(cidrNode);
  if (typeof cidrText !== 'string') return;
  const cidr = parseCidr(cidrText);
  if (!cidr) {
    reportAt(ctx, cidrNode, `Invalid CIDR "${cidrText}": write an address and a prefix length, such as 10.0.0.0/16 or 2001:db8::/64.`, { data: { path: pathToString([...path, 'ipBlock', 'cidr']), value: cidrText } });
    return;
  }
  asSeq(child(block, 'except'))?.items.forEach((item, i) => {
    const text = jsonValue(item);
    if (typeof text !== 'string') return;
    const except = parseCidr(text);
    const at = pathToString([...path, 'ipBlock', 'except', i]);
    if (!except) reportAt(ctx, item, `Invalid CIDR "${text}": write an address and a prefix length, such as 10.0.1.0/24.`, { data: { path: at, value: text } });
    else if (!strictSubset(except, cidr)) reportAt(ctx, item, `except "${text}" must be a strict subset of the cidr "${cidrText}".`, { data: { path: at, value: text } });
  });
}
