/**
 * dns-config: dnsPolicy None needs a dnsConfig with a nameserver; dnsConfig has limits.
 *
 *     dnsPolicy: None          # → dnsPolicy None requires a dnsConfig with at least one nameserver.
 *     dnsConfig:
 *       searches: [svc.cluster.local]
 *
 * With None the pod gets no DNS settings from the cluster, so without a nameserver it could not
 * resolve anything. At most 3 nameservers and 32 search domains are allowed (the resolver's limits);
 * each nameserver must be an IP address and each option have a name (validateDNSConfig in
 * pkg/apis/core/validation).
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asSeq, child, isTemplated, jsonValue, mapItems, pairIn, stringAt } from '../util/nodes';
import { isIP } from '../util/ipAddress';
import { quote } from '../util/quote';
import { podFacts, POD_SPEC_PATH } from '../util/podFacts';

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

export const dnsConfig = apiServerRule({
  id: 'dns-config',
  kinds: POD_KINDS,
  description: 'dnsPolicy None needs dnsConfig nameservers; nameservers are IP addresses, options have names; at most 3 nameservers and 32 searches.',
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
    nameservers?.items.forEach((item, i) => {
      const v = jsonValue(item);
      if (typeof v !== 'string' || isIP(v) || isTemplated(ctx.doc, item)) return;
      reportAt(ctx, item, `Nameserver ${quote(v)} is not an IP address (e.g. 10.96.0.10 or 2001:db8::a): dnsConfig.nameservers takes addresses, not host names.`, {
        data: { path: pathToString([...POD_SPEC_PATH, 'dnsConfig', 'nameservers', i]), value: v },
      });
    });
    for (const { index, map } of mapItems(child(configPair?.value, 'options'))) {
      const name = jsonValue(child(map, 'name'));
      if ((typeof name === 'string' && name !== '') || isTemplated(ctx.doc, map)) continue;
      reportAt(ctx, pairIn(map, 'name')?.key ?? map.items[0]?.key ?? map, 'A dnsConfig option needs a name (e.g. ndots, with value "2").', {
        data: { path: pathToString([...POD_SPEC_PATH, 'dnsConfig', 'options', index]), need: 'name' },
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
