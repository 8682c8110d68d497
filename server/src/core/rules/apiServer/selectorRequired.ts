/**
 * selector-required: apps/v1 workloads need `spec.selector`.
 *
 *     spec:                 # → Missing required field "selector" …
 *       template: …
 *
 * The old beta apiVersions defaulted the selector from the template labels; apps/v1 does not
 * (`spec.selector: Required value`). A DaemonSet without one matches no pods and fails the same way.
 */
import { apiServerRule } from '../util/defineRule';
import { isSet, isTemplated, pairIn, stringMap } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const selectorRequired = apiServerRule({
  id: 'selector-required',
  description: 'spec.selector is required in apps/v1.',
  check(ctx) {
    const { spec, template } = podFacts(ctx.doc);
    const specPair = pairIn(ctx.doc.doc.contents, 'spec');
    if (!spec || !specPair?.key?.range || isSet(spec, 'selector') || isTemplated(ctx.doc, spec)) return;
    const labels = stringMap(ctx.doc, pairIn(pairIn(template, 'metadata')?.value, 'labels')?.value);
    const r = (pairIn(spec, 'selector')?.key ?? specPair.key).range!;
    ctx.report({
      start: r[0],
      end: r[1],
      message: `Missing required field "selector": a ${ctx.kind} in apps/v1 needs spec.selector, usually matchLabels equal to the pod template's labels.`,
      data: { path: 'spec', field: 'selector', labels: labels ? Object.fromEntries(labels) : {} },
    });
  },
});
