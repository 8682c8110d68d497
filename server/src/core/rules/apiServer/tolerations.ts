/**
 * tolerations: the combinations the API server refuses.
 *
 *     tolerations:
 *       - operator: Equal        # → operator must be Exists when `key` is empty …
 *       - key: a
 *         operator: Exists
 *         value: b               # → value must be empty when `operator` is 'Exists'
 *       - key: a
 *         effect: NoSchedule
 *         tolerationSeconds: 60  # → effect must be 'NoExecute' when `tolerationSeconds` is set
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { Node, YAMLMap } from 'yaml';
import { apiServerRule, pathToString } from '../util/defineRule';
import { child, isSet, isTemplated, mapItems, pairIn, stringAt } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const tolerations = apiServerRule({
  id: 'tolerations',
  kinds: POD_KINDS,
  description: 'Tolerations must combine key, operator, value and effect validly.',
  check(ctx) {
    for (const { index, map } of mapItems(child(podFacts(ctx.doc).podSpec, 'tolerations'))) {
      if (isTemplated(ctx.doc, map)) continue;
      checkOne(ctx, map, pathToString([...podFacts(ctx.doc).podSpecPath, 'tolerations', index]));
    }
  },
});

function checkOne(ctx: RuleContext, map: YAMLMap<Node, Node | null>, path: string): void {
  const key = stringAt(ctx.doc, map, 'key') ?? '';
  const operator = stringAt(ctx.doc, map, 'operator') || 'Equal';
  const value = stringAt(ctx.doc, map, 'value') ?? '';
  const effect = stringAt(ctx.doc, map, 'effect') ?? '';
  const report = (field: string, message: string) => {
    const r = (pairIn(map, field)?.key ?? map.items[0]?.key)?.range;
    if (r) ctx.report({ start: r[0], end: r[1], message, data: { path: `${path}.${field}` } });
  };
  if (key === '' && operator !== 'Exists') {
    report('operator', 'operator must be Exists when `key` is empty, which means "match all values and all keys".');
  }
  if (operator === 'Exists' && value !== '') report('value', "value must be empty when `operator` is 'Exists'.");
  if (isSet(map, 'tolerationSeconds') && effect !== 'NoExecute') {
    report('tolerationSeconds', "effect must be 'NoExecute' when `tolerationSeconds` is set.");
  }
}
