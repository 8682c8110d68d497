/**
 * mount-sub-path: subPath and subPathExpr must stay inside the volume, and only one may be set.
 *
 *     volumeMounts:
 *       - name: data
 *         mountPath: /data
 *         subPath: ../etc          # → subPath must not contain '..'.
 *
 * A path that is absolute or climbs out with '..' could reach outside the volume, so the API
 * server refuses it ('..foo' as a name is fine).
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { NodeMap } from '../util/podFacts';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, mapItems, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const mountSubPath = apiServerRule({
  id: 'mount-sub-path',
  kinds: POD_KINDS,
  description: 'subPath/subPathExpr must be relative without "..", and not both set.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const { index, map } of mapItems(child(c.map, 'volumeMounts'))) {
        if (isTemplated(ctx.doc, map)) continue;
        const path = pathToString([...c.path, 'volumeMounts', index]);
        const subPath = checkPath(ctx, map, 'subPath', path);
        const expr = checkPath(ctx, map, 'subPathExpr', path);
        if (subPath && expr) {
          reportAt(ctx, pairIn(map, 'subPathExpr')?.key, 'subPathExpr and subPath are mutually exclusive: keep one of them.', { data: { path: `${path}.subPathExpr`, need: 'only one of subPath and subPathExpr' } });
        }
      }
    }
  },
});

/** Reports a bad path; returns true when the field holds a non-empty string. */
function checkPath(ctx: RuleContext, map: NodeMap, key: string, path: string): boolean {
  const node = child(map, key);
  const value = jsonValue(node);
  if (typeof value !== 'string' || value === '') return false;
  const problem = value.startsWith('/') ? 'must be a relative path' : value.split(/[/\\]/).includes('..') ? "must not contain '..'" : undefined;
  if (problem) reportAt(ctx, node, `${key} ${problem}, got "${value}".`, { data: { path: `${path}.${key}`, value } });
  return true;
}
