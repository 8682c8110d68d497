/**
 * mount-propagation: Bidirectional mount propagation is only for privileged containers.
 *
 *     volumeMounts:
 *       - name: host
 *         mountPath: /host
 *         mountPropagation: Bidirectional    # → Bidirectional mount propagation is only available to privileged containers.
 *
 * Mounts made in the container would propagate back to the host, which only a privileged
 * container may do.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, childAt, jsonValue, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const mountPropagation = apiServerRule({
  id: 'mount-propagation',
  kinds: POD_KINDS,
  description: 'Bidirectional mount propagation requires a privileged container.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      if (jsonValue(childAt(c.map, 'securityContext', 'privileged')) === true) continue;
      for (const { index, map } of mapItems(child(c.map, 'volumeMounts'))) {
        const node = child(map, 'mountPropagation');
        if (jsonValue(node) !== 'Bidirectional') continue;
        reportAt(ctx, node, 'Bidirectional mount propagation is only available to privileged containers: set securityContext.privileged or use HostToContainer.', {
          data: { path: pathToString([...c.path, 'volumeMounts', index, 'mountPropagation']), need: 'securityContext.privileged: true' },
        });
      }
    }
  },
});
