/**
 * automount-service-account-token (off by default): most applications never call the
 * Kubernetes API, yet every pod gets an API token mounted unless this is false.
 *
 *     spec:                      # ← … mounts a service account token
 *       containers: …
 *   after:
 *     spec:
 *       automountServiceAccountToken: false
 */
import { childAt, pairIn } from '../util/nodes';
import { pairRange, podRule, POD_SPEC_PATH, templatedAt, valueAt } from './util';

export const automountServiceAccountToken = podRule({
  id: 'automount-service-account-token',
  defaultSeverity: 'off',
  description: 'Pods that do not call the Kubernetes API should set automountServiceAccountToken: false.',
  check(ctx, pod) {
    const value = valueAt(ctx.doc, pod, 'automountServiceAccountToken');
    if (value === false || templatedAt(ctx.doc, pod, 'automountServiceAccountToken')) return;
    // Underline the field when it is set to true, else the pod template's `spec` key.
    const pair = pairIn(pod, 'automountServiceAccountToken') ?? pairIn(childAt(ctx.doc.doc.contents, 'spec', 'template'), 'spec');
    const range = pair ? pairRange(pair) : undefined;
    if (!range) return;
    const end = pair?.value === pod ? range[0] + 'spec'.length : range[1];
    ctx.report({
      start: range[0],
      end,
      message: 'The pod mounts a service account token: set automountServiceAccountToken: false unless it calls the Kubernetes API.',
      data: { fieldPath: [...POD_SPEC_PATH, 'automountServiceAccountToken'] },
    });
  },
});
