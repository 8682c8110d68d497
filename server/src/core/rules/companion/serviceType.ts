/**
 * service-type: how a Service's type, cluster IPs and session affinity fit together
 * (ValidateService, Kubernetes 1.36).
 *
 *     spec:
 *       type: NodePort
 *       clusterIP: None     # → clusterIP may not be 'None' for a NodePort Service: …
 *
 * clusterIP is "", "None" or an IP address, and the first of clusterIPs must equal it; a
 * headless Service (None) cannot be NodePort or LoadBalancer; an ExternalName Service needs an
 * externalName that is a DNS name; sessionAffinityConfig applies only to ClientIP affinity.
 */
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, jsonValue, pairIn, stringAt } from '../util/nodes';
import { dnsSubdomainProblem } from '../util/names';
import { isIP } from './ipAddress';

export const serviceType = apiServerRule({
  id: 'service-type',
  kinds: ['Service'],
  description: "A Service's type, clusterIP, externalName and session affinity must fit together.",
  check(ctx) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    if (!spec || isTemplated(ctx.doc, spec)) return;
    const type = stringAt(ctx.doc, spec, 'type') ?? 'ClusterIP';
    checkClusterIP(ctx, spec, type);
    if (type === 'ExternalName') {
      const node = child(spec, 'externalName');
      const name = jsonValue(node);
      if (typeof name !== 'string' || name === '') {
        reportAt(ctx, pairIn(spec, 'externalName')?.key ?? pairIn(spec, 'type')?.value, 'An ExternalName Service needs spec.externalName, the DNS name it stands for.', { data: { path: 'spec.externalName', need: 'a DNS name' } });
      } else if (!isTemplated(ctx.doc, node)) {
        const problem = dnsSubdomainProblem(name.replace(/\.$/, ''));
        if (problem) reportAt(ctx, node, `Invalid externalName "${name}": ${problem}.`, { data: { path: 'spec.externalName', value: name } });
      }
    }
    const configPair = pairIn(spec, 'sessionAffinityConfig');
    const affinity = stringAt(ctx.doc, spec, 'sessionAffinity') ?? 'None';
    if (configPair?.value && jsonValue(configPair.value) !== null && affinity !== 'ClientIP' && child(configPair.value, 'clientIP') !== undefined) {
      // Accepted by the server (it drops the config); said as a Warning in session-affinity terms.
      reportAt(ctx, configPair.key, `sessionAffinityConfig has no effect unless sessionAffinity is "ClientIP".`, { severity: 'warning', data: { path: 'spec.sessionAffinityConfig' } });
    }
  },
});

function checkClusterIP(ctx: RuleContext, spec: unknown, type: string): void {
  const node = child(spec, 'clusterIP');
  const ip = jsonValue(node);
  const ipsNode = asSeq(child(spec, 'clusterIPs'));
  const first = jsonValue(ipsNode?.items[0]);
  if (node && isTemplated(ctx.doc, node)) return;
  if (typeof ip === 'string' && ip !== '' && ip !== 'None' && !isIP(ip)) {
    reportAt(ctx, node, `Invalid clusterIP "${ip}": must be "None", empty, or a valid IP address (e.g. 10.96.0.10 or 2001:db8::1).`, { data: { path: 'spec.clusterIP', value: ip } });
  }
  if (typeof ip === 'string' && ip !== '' && typeof first === 'string' && first !== ip) {
    reportAt(ctx, ipsNode?.items[0], `clusterIPs[0] "${first}" must equal clusterIP "${ip}".`, { data: { path: 'spec.clusterIPs[0]', value: first } });
  }
  const headless = ip === 'None' || first === 'None';
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    reportAt(ctx, ip === 'None' ? node : ipsNode?.items[0], `clusterIP may not be 'None' for a ${type} Service: a headless Service has no cluster IP for node ports or a load balancer to forward to.`, {
      data: { path: 'spec.clusterIP', value: 'None' },
    });
  }
}
