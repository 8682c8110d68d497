/**
 * drop-net-raw: NET_RAW is granted by default and lets a process forge packets (ARP or DNS
 * spoofing inside the cluster network). Drop it, or drop ALL.
 *
 *     - name: web                # ← … does not drop NET_RAW
 *   after:
 *     securityContext:
 *       capabilities: { drop: [ALL] }
 */
import { childAt } from '../util/nodes';
import { capabilityList } from './capabilities';
import { containerRule, label, reportOnContainer, securityTemplated } from './util';

export const dropNetRaw = containerRule({
  id: 'drop-net-raw',
  defaultSeverity: 'info',
  description: 'Containers should drop the NET_RAW capability (or ALL).',
  containers: 'all',
  check(ctx, c) {
    const drop = capabilityList(ctx.doc, c, 'drop');
    if (drop?.some((e) => e.name === 'ALL' || e.name === 'NET_RAW')) return;
    if (!drop && (securityTemplated(ctx.doc, c) || childAt(c.map, 'securityContext', 'capabilities', 'drop'))) return;
    if (capabilityList(ctx.doc, c, 'add')?.some((e) => e.name === 'NET_RAW' || e.name === 'ALL')) return;
    const message = `${label(c)} keeps the NET_RAW capability: add NET_RAW (or ALL) to securityContext.capabilities.drop.`;
    reportOnContainer(ctx, c, message, { fieldPath: [...c.path, 'securityContext', 'capabilities', 'drop'] });
  },
});
