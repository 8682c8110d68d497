/**
 * writable-host-path: a container that can write to a directory of the node can plant files
 * the node or other pods later trust. Mount hostPath volumes read-only when only reading.
 *
 *     volumeMounts:
 *       - name: varlog
 *         mountPath: /var/log    # ← … mounts the hostPath volume "varlog" writable
 *   after:
 *       - name: varlog
 *         mountPath: /var/log
 *         readOnly: true
 */
import { child, mapItems, pairIn } from '../util/nodes';
import { hostPathVolumes } from './hostPaths';
import { containerData, containerRule, label, pairRange, valueAt } from './util';

export const writableHostPath = containerRule({
  id: 'writable-host-path',
  defaultSeverity: 'info',
  description: 'hostPath volumes should be mounted with readOnly: true.',
  containers: 'all',
  check(ctx, c) {
    const volumes = hostPathVolumes(ctx.doc);
    if (volumes.length === 0) return;
    for (const { index, map } of mapItems(child(c.map, 'volumeMounts'))) {
      const name = valueAt(ctx.doc, map, 'name');
      const volume = volumes.find((v) => v.name !== undefined && v.name === name);
      if (!volume || valueAt(ctx.doc, map, 'readOnly') === true || pairIn(map, 'readOnly')?.value && valueAt(ctx.doc, map, 'readOnly') === undefined) continue;
      const pair = pairIn(map, 'mountPath') ?? pairIn(map, 'name');
      const range = pair ? pairRange(pair) : undefined;
      if (!range) continue;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `${label(c)} mounts the hostPath volume "${volume.name}" (${volume.hostPath}) writable: add readOnly: true to the mount if it only reads.`,
        data: containerData(c, { mountPath: [...c.path, 'volumeMounts', index], volumeName: volume.name }),
      });
    }
  },
});
