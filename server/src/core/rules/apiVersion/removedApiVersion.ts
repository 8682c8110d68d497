/**
 * removed-api-version: an object under an apiVersion the API server no longer serves.
 *
 *     apiVersion: extensions/v1beta1    # → … stopped being served in Kubernetes 1.16 and was removed in 1.18. Use "apps/v1".
 *     kind: DaemonSet
 *
 *     apiVersion: batch/v1beta1         # → CronJob in "batch/v1beta1" … was removed in 1.25. Use "batch/v1".
 *     kind: CronJob
 *
 * `data.needsSelector` tells the quick-fix that apps/v1 requires the selector the old versions
 * defaulted from the template labels.
 */
import type { DocumentRule } from '../ruleTypes';
import { removedVersionFor } from '../../kinds/manifestKinds';
import { isWorkloadKind } from '../../parse/parseFile';
import { childAt, pairIn } from '../util/nodes';

export const removedApiVersion: DocumentRule = {
  id: 'removed-api-version',
  scope: 'document',
  kinds: 'any',
  category: 'api-version',
  defaultSeverity: 'error',
  description: 'The apiVersion was removed from Kubernetes; use the one that replaced it.',
  check(ctx) {
    const removed = removedVersionFor(ctx.apiVersion, ctx.kind);
    const value = pairIn(ctx.doc.doc.contents, 'apiVersion')?.value?.range;
    if (!removed || !value) return;
    const served = removed.servedKind ? '' : ` (it never served ${ctx.kind})`;
    const stopped = removed.stoppedServing === removed.removed
      ? `was removed in Kubernetes ${removed.removed}`
      : `stopped being served in Kubernetes ${removed.stoppedServing} and was removed in ${removed.removed}`;
    const needsSelector = isWorkloadKind(ctx.kind) ? { needsSelector: childAt(ctx.doc.doc.contents, 'spec', 'selector') === undefined } : {};
    ctx.report({
      start: value[0],
      end: value[1],
      message: `${ctx.kind} in "${ctx.apiVersion}" ${stopped}${served}. Use "${removed.replacement}".`,
      data: { replacement: removed.replacement, ...needsSelector },
    });
  },
};
