/**
 * host-port-conflict: two containers of a pod claim the same host port.
 *
 *     containers:
 *       - name: a
 *         ports: [{ containerPort: 80, hostPort: 8080 }]
 *       - name: b
 *         ports: [{ containerPort: 81, hostPort: 8080 }]   # → Duplicate host port 8080/TCP …
 *
 * A host port is bound once per node for a protocol and host IP. Init containers run one at a
 * time, so the API server checks them separately from the app containers; so does this rule.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue, stringAt } from '../util/nodes';
import { portFacts } from '../util/portFacts';
import { portProtocol } from '../util/defaults';

export const hostPortConflict = apiServerRule({
  id: 'host-port-conflict',
  kinds: POD_KINDS,
  description: 'Two containers must not use the same host port.',
  check(ctx) {
    const seen = new Map<string, [number, number]>();
    for (const p of portFacts(ctx.doc).ports) {
      if (p.container.init) continue;
      const node = child(p.map, 'hostPort');
      const port = jsonValue(node);
      const r = node?.range;
      if (!r || typeof port !== 'number' || port === 0 || isTemplated(ctx.doc, node)) continue;
      const protocol = portProtocol(ctx.doc, p.map);
      const key = `${protocol}/${stringAt(ctx.doc, p.map, 'hostIP') ?? ''}/${port}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, [r[0], r[1]]);
        continue;
      }
      ctx.report({
        start: r[0],
        end: r[1],
        message: `Duplicate host port ${port}/${protocol}: another port of this pod already binds it on the node.`,
        data: { path: pathToString([...p.path, 'hostPort']), value: key },
        related: [{ start: first[0], end: first[1], message: `Host port ${port}/${protocol} is first used here.` }],
      });
    }
  },
});
