/**
 * progress-deadline: a Deployment's progressDeadlineSeconds must exceed minReadySeconds.
 *
 *     spec:
 *       minReadySeconds: 600    # → … progressDeadlineSeconds (600 by default) must be greater …
 *
 * The deadline defaults to 600 seconds, so minReadySeconds ≥ 600 without an explicit deadline
 * is rejected too: a rollout could never finish before it counts as failed.
 */
import { apiServerRule } from '../util/defineRule';
import { minReadySeconds, progressDeadlineSeconds } from '../util/defaults';
import { podFacts } from '../util/podFacts';

export const progressDeadline = apiServerRule({
  id: 'progress-deadline',
  kinds: ['Deployment'],
  description: 'progressDeadlineSeconds must be greater than minReadySeconds.',
  check(ctx) {
    const { spec } = podFacts(ctx.doc);
    const deadline = progressDeadlineSeconds(ctx.doc, spec);
    const minReady = minReadySeconds(ctx.doc, spec);
    if (!deadline || !minReady || deadline.value < 0 || minReady.value < 0 || deadline.value > minReady.value) return;
    const node = deadline.node ?? minReady.node;
    const r = node?.range;
    if (!r) return;
    const message = deadline.node
      ? `progressDeadlineSeconds (${deadline.value}) must be greater than minReadySeconds (${minReady.value}).`
      : `minReadySeconds (${minReady.value}) must be less than progressDeadlineSeconds, which defaults to 600: set a larger progressDeadlineSeconds or lower minReadySeconds.`;
    ctx.report({ start: r[0], end: r[1], message, data: { progressDeadlineSeconds: deadline.value, minReadySeconds: minReady.value, defaulted: !deadline.node } });
  },
});
