/**
 * deprecated-service-account-field: `serviceAccount` is the deprecated alias of
 * `serviceAccountName`; the API server copies one into the other, and tools read the new name.
 *
 *     spec:
 *       serviceAccount: builder  # ← … use serviceAccountName
 *   after:
 *       serviceAccountName: builder
 */
import { pairIn } from '../util/nodes';
import { pairRange, podRule, POD_SPEC_PATH, valueAt } from './util';

export const deprecatedServiceAccountField = podRule({
  id: 'deprecated-service-account-field',
  defaultSeverity: 'warning',
  description: 'Use serviceAccountName instead of the deprecated serviceAccount field.',
  check(ctx, pod) {
    const pair = pairIn(pod, 'serviceAccount');
    const range = pair ? pairRange(pair) : undefined;
    if (!pair || !range) return;
    const value = valueAt(ctx.doc, pod, 'serviceAccount');
    const current = valueAt(ctx.doc, pod, 'serviceAccountName');
    const fix = current === undefined ? 'rename it to serviceAccountName' : 'remove it; serviceAccountName is already set';
    ctx.report({
      start: range[0],
      end: range[1],
      message: `serviceAccount is deprecated: ${fix}.`,
      data: { fieldPath: [...POD_SPEC_PATH, 'serviceAccount'], value: value ?? null, hasServiceAccountName: current !== undefined },
    });
  },
});
