/**
 * host-network-port: with hostNetwork the container listens on the node itself, so a hostPort
 * other than the containerPort cannot be honoured.
 *
 *     hostNetwork: true
 *     containers:
 *       - ports:
 *           - containerPort: 80
 *             hostPort: 8080       # → hostPort 8080 must match containerPort 80 when hostNetwork is true.
 *
 * A hostPort of 0 (or none) is fine.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, jsonValue, numberAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { portFacts } from '../util/portFacts';

export const hostNetworkPort = apiServerRule({
  id: 'host-network-port',
  kinds: POD_KINDS,
  description: 'With hostNetwork, a hostPort must equal its containerPort.',
  check(ctx) {
    if (jsonValue(child(podFacts(ctx.doc).podSpec, 'hostNetwork')) !== true) return;
    for (const port of portFacts(ctx.doc).ports) {
      const hostPort = numberAt(ctx.doc, port.map, 'hostPort');
      const containerPort = numberAt(ctx.doc, port.map, 'containerPort');
      if (hostPort === undefined || containerPort === undefined || hostPort === 0 || hostPort === containerPort) continue;
      reportAt(ctx, child(port.map, 'hostPort'), `hostPort ${hostPort} must match containerPort ${containerPort} when hostNetwork is true.`, {
        data: { path: pathToString([...port.path, 'hostPort']), value: hostPort, containerPort },
      });
    }
  },
});
