/**
 * env-source: an env var takes `value` or `valueFrom` with exactly one source; an envFrom entry
 * exactly one of configMapRef and secretRef.
 *
 *     env:
 *       - name: MODE
 *         value: fast
 *         valueFrom: { configMapKeyRef: { name: cfg, key: mode } }   # → may not be specified when `value` is not empty
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { YAMLMap, Node } from 'yaml';
import { getType } from '../../model/model';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isSet, isTemplated, mapItems, pairIn, stringAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const VALUE_SOURCES: readonly string[] = Object.keys(getType('core.v1.EnvVarSource')?.fields ?? {});
const ENV_FROM_SOURCES: readonly string[] = Object.keys(getType('core.v1.EnvFromSource')?.fields ?? {}).filter((f) => f !== 'prefix');

export const envSource = apiServerRule({
  id: 'env-source',
  kinds: POD_KINDS,
  description: 'env: value or exactly one valueFrom source; envFrom: exactly one source.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      for (const { index, map } of mapItems(child(c.map, 'env'))) {
        if (isTemplated(ctx.doc, map)) continue;
        const path = pathToString([...c.path, 'env', index, 'valueFrom']);
        const valueFrom = pairIn(map, 'valueFrom');
        if (!valueFrom?.key?.range || !isSet(map, 'valueFrom')) continue;
        const value = stringAt(ctx.doc, map, 'value');
        if (value) {
          ctx.report({ start: valueFrom.key.range[0], end: valueFrom.key.range[1], message: 'valueFrom may not be specified when `value` is not empty: use one or the other.', data: { path } });
          continue;
        }
        countSources(ctx, valueFrom.value as YAMLMap<Node, Node | null>, VALUE_SOURCES, valueFrom.key, path);
      }
      for (const { index, map } of mapItems(child(c.map, 'envFrom'))) {
        if (isTemplated(ctx.doc, map)) continue;
        countSources(ctx, map, ENV_FROM_SOURCES, map.items[0]?.key ?? map, pathToString([...c.path, 'envFrom', index]));
      }
    }
  },
});

function countSources(ctx: RuleContext, map: YAMLMap<Node, Node | null>, sources: readonly string[], anchor: Node | null | undefined, path: string): void {
  const present = sources.filter((s) => isSet(map, s));
  if (present.length === 1) return;
  const node = present.length === 0 ? anchor : pairIn(map, present[1]!)?.key;
  const r = node?.range;
  if (!r) return;
  const message = present.length === 0
    ? `Must specify one of: ${sources.map((s) => `\`${s}\``).join(', ')}.`
    : `May not have more than one field specified at a time (found ${present.join(' and ')}).`;
  ctx.report({ start: r[0], end: r[1], message, data: { path, sources: present } });
}
