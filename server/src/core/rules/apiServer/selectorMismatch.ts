/**
 * selector-mismatch: the selector does not select the pod template's own labels.
 *
 *     selector:
 *       matchLabels: { app: web }
 *     template:
 *       metadata:
 *         labels: { app: frontend }   # → `selector` does not match template `labels` …
 *
 * The controller could never find the pods it creates, so the API server rejects the object.
 */
import { apiServerRule } from '../util/defineRule';
import { childAt, isTemplated, pairIn, stringMap } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { isEmptySelector, readSelector, unmatched } from '../util/labelSelector';

export const selectorMismatch = apiServerRule({
  id: 'selector-mismatch',
  description: 'spec.selector must match the pod template labels.',
  check(ctx) {
    const { spec, template } = podFacts(ctx.doc);
    const selectorPair = pairIn(spec, 'selector');
    const selector = readSelector(ctx.doc, selectorPair?.value);
    if (!selector || isEmptySelector(selector) || !template || !selectorPair?.key?.range) return;
    const metadata = childAt(template, 'metadata');
    const labelsPair = pairIn(metadata, 'labels');
    if (isTemplated(ctx.doc, metadata) || isTemplated(ctx.doc, labelsPair?.value)) return;
    const labels = stringMap(ctx.doc, labelsPair?.value) ?? new Map<string, string>();
    const missing = unmatched(selector, labels);
    if (missing.length === 0) return;
    // The server names spec.template.metadata.labels: its key, else the nearest key that exists.
    const anchor = (labelsPair?.key ?? pairIn(template, 'metadata')?.key ?? pairIn(spec, 'template')?.key)?.range;
    if (!anchor) return;
    const sr = selectorPair.key.range;
    ctx.report({
      start: anchor[0],
      end: anchor[1],
      message: `\`selector\` does not match template \`labels\`: the template's labels do not satisfy ${missing.join(', ')}.`,
      data: {
        selectorPath: 'spec.selector',
        labels: Object.fromEntries(labels),
        matchLabels: Object.fromEntries(selector.matchLabels),
      },
      related: [{ start: sr[0], end: sr[1], message: 'The selector is here.' }],
    });
  },
});
