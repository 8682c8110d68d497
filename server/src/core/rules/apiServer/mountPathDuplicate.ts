/**
 * mount-path-duplicate: two volumeMounts of one container at the same mountPath.
 *
 *     volumeMounts:
 *       - { name: a, mountPath: /data }
 *       - { name: b, mountPath: /data }   # → mountPath "/data" must be unique in this container.
 *
 * An empty mountPath is rejected too.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const mountPathDuplicate = apiServerRule({
  id: 'mount-path-duplicate',
  kinds: POD_KINDS,
  description: "A container's mountPaths must be unique and non-empty.",
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const seen = new Map<string, [number, number]>();
      for (const { index, map } of mapItems(child(c.map, 'volumeMounts'))) {
        const node = child(map, 'mountPath');
        const path = jsonValue(node);
        const r = node?.range;
        if (!r || typeof path !== 'string' || isTemplated(ctx.doc, node)) continue;
        const at = pathToString([...c.path, 'volumeMounts', index, 'mountPath']);
        if (path === '') {
          ctx.report({ start: r[0], end: Math.max(r[1], r[0] + 1), message: 'mountPath is required.', data: { path: at } });
          continue;
        }
        const first = seen.get(path);
        if (!first) {
          seen.set(path, [r[0], r[1]]);
          continue;
        }
        ctx.report({
          start: r[0],
          end: r[1],
          message: `mountPath "${path}" must be unique in this container.`,
          data: { path: at, value: path },
          related: [{ start: first[0], end: first[1], message: `"${path}" is first mounted here.` }],
        });
      }
    }
  },
});
