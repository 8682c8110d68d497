/**
 * dns-config: dnsPolicy None needs a dnsConfig with a nameserver; dnsConfig has limits.
 *
 *     dnsPolicy: None          # → dnsPolicy None requires a dnsConfig with at least one nameserver.
 *     dnsConfig:
 *       searches: [svc.cluster.local]
 *
 * With None the pod gets no DNS settings from the cluster, so without a nameserver it could not
 * resolve anything. At most 3 nameservers and 32 search domains are allowed (the resolver's limits).
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, pairIn, stringAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

export const dnsConfig = apiServerRule({
  id: 'dns-config',
  kinds: POD_KINDS,
  description: 'dnsPolicy None needs dnsConfig nameservers; at most 3 nameservers and 32 searches.',
  check(ctx) {
    const podSpec = podFacts(ctx.doc).podSpec;
    if (!podSpec) return;
    const configPair = pairIn(podSpec, 'dnsConfig');
    if (isTemplated(ctx.doc, configPair?.value)) return;
    const nameservers = asSeq(child(configPair?.value, 'nameservers'));
    if (stringAt(ctx.doc, podSpec, 'dnsPolicy') === 'None' && (nameservers?.items.length ?? 0) === 0) {
      const path = pathToString([...podFacts(ctx.doc).podSpecPath, 'dnsConfig', 'nameservers']);
      const anchor = configPair?.value ? (pairIn(configPair.value, 'nameservers')?.key ?? configPair.key) : child(podSpec, 'dnsPolicy');
      reportAt(ctx, anchor, 'dnsPolicy None requires a dnsConfig with at least one nameserver: the pod gets no DNS settings from the cluster.', {
        data: { path, need: 'a nameserver' },
      });
    }
    limit(ctx, configPair?.value, 'nameservers', MAX_NAMESERVERS);
    limit(ctx, configPair?.value, 'searches', MAX_SEARCHES);
  },
});

function limit(ctx: RuleContext, config: unknown, key: string, max: number): void {
  const seq = asSeq(child(config, key));
  if (!seq || seq.items.length <= max) return;
  const path = pathToString([...podFacts(ctx.doc).podSpecPath, 'dnsConfig', key, max]);
  reportAt(ctx, seq.items[max], `dnsConfig.${key} may hold at most ${max} entries, got ${seq.items.length}.`, { data: { path, max, count: seq.items.length } });
}
