/**
 * invalid-label: label keys must be qualified names and label values short label-safe strings,
 * wherever the API server checks them: the object's and the pod template's labels, the
 * selector (matchLabels and the keys and values of matchExpressions) and nodeSelector.
 *
 *     labels:
 *       app_: web                      # → Invalid label key "app_": the name part must … end with an alphanumeric character
 *       version: "1.0 beta"            # → Invalid label value "1.0 beta" for "version": a label value must be empty or …
 */
import { MANIFEST_KINDS, POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { keyName } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asMap, asSeq, child, childAt, isTemplated, jsonValue, mapItems, entries } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { labelValueProblem, qualifiedNameProblem } from '../util/qualifiedName';

export const invalidLabel = apiServerRule({
  id: 'invalid-label',
  kinds: MANIFEST_KINDS,
  description: 'Label keys must be qualified names and label values valid label values.',
  check(ctx) {
    const root = ctx.doc.doc.contents;
    checkLabels(ctx, childAt(root, 'metadata', 'labels'), ['metadata', 'labels']);
    if (!POD_KINDS.includes(ctx.kind as never)) return;
    const { spec, template, podSpec, templatePath, podSpecPath } = podFacts(ctx.doc);
    // A Pod is its own template: its labels were checked above.
    if (templatePath.length > 0) checkLabels(ctx, childAt(template, 'metadata', 'labels'), [...templatePath, 'metadata', 'labels']);
    checkLabels(ctx, childAt(spec, 'selector', 'matchLabels'), ['spec', 'selector', 'matchLabels']);
    checkLabels(ctx, child(podSpec, 'nodeSelector'), [...podSpecPath, 'nodeSelector']);
    for (const { index, map } of mapItems(childAt(spec, 'selector', 'matchExpressions'))) {
      const path: YamlPath = ['spec', 'selector', 'matchExpressions', index];
      checkKey(ctx, child(map, 'key'), path, 'key');
      asSeq(child(map, 'values'))?.items.forEach((item, i) => checkValue(ctx, item, [...path, 'values'], i, undefined));
    }
  },
});

function checkLabels(ctx: RuleContext, node: unknown, path: YamlPath): void {
  const map = asMap(node);
  if (!map || isTemplated(ctx.doc, map)) return;
  for (const pair of entries(map)) {
    const key = keyName(pair.key);
    if (key === undefined) continue;
    checkKey(ctx, pair.key, path, key);
    checkValue(ctx, pair.value, path, key, key);
  }
}

// The finding's path is `[...parent, last]`, spelled out only when there is a finding: these run
// for every label of every workload.

function checkKey(ctx: RuleContext, node: Node | null | undefined, parent: YamlPath, last: string): void {
  const key = jsonValue(node);
  if (typeof key !== 'string' || isTemplated(ctx.doc, node)) return;
  const problem = qualifiedNameProblem(key);
  if (!problem) return;
  reportAt(ctx, node, `Invalid label key "${key}": ${problem}.`, { data: { path: pathToString([...parent, last]), key } });
}

function checkValue(ctx: RuleContext, node: Node | null | undefined, parent: YamlPath, last: string | number, key: string | undefined): void {
  const value = jsonValue(node);
  if (typeof value !== 'string' || isTemplated(ctx.doc, node)) return;
  const problem = labelValueProblem(value);
  if (!problem) return;
  const of = key === undefined ? '' : ` for "${key}"`;
  reportAt(ctx, node, `Invalid label value "${value}"${of}: ${problem}.`, { data: { path: pathToString([...parent, last]), value } });
}
