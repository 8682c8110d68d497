/**
 * selector-empty: a selector with neither matchLabels nor matchExpressions.
 *
 *     selector: {}          # → An empty selector is invalid for a deployment …
 *
 * An empty selector would match every pod in the namespace, so the API server refuses it.
 */
import { apiServerRule } from '../util/defineRule';
import { asMap, asSeq, child, isTemplated, pairIn, entries } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { keyName } from '../../parse/navigate';

const SELECTOR_KEYS: ReadonlySet<string> = new Set(['matchLabels', 'matchExpressions']);

export const selectorEmpty = apiServerRule({
  id: 'selector-empty',
  description: 'spec.selector must not be empty.',
  check(ctx) {
    const pair = pairIn(podFacts(ctx.doc).spec, 'selector');
    const selector = asMap(pair?.value);
    if (!pair?.key?.range || !selector || isTemplated(ctx.doc, selector)) return;
    const labels = asMap(child(selector, 'matchLabels'));
    const expressions = asSeq(child(selector, 'matchExpressions'));
    if ((labels && entries(labels).length > 0) || (expressions && expressions.items.length > 0)) return;
    // Other keys (or an alias) make the selector something the schema rules report on instead.
    if (selector.items.some((p) => !SELECTOR_KEYS.has(keyName(p.key) ?? ''))) return;
    ctx.report({
      start: pair.key.range[0],
      end: pair.key.range[1],
      message: `An empty selector is invalid for a ${ctx.kind.toLowerCase()}: it would select every pod. Add matchLabels that the pod template's labels satisfy.`,
      data: { path: 'spec.selector' },
    });
  },
});
