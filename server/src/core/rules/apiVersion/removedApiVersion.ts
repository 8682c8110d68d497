/**
 * removed-api-version: a workload under an apiVersion the API server no longer serves.
 *
 *     apiVersion: extensions/v1beta1    # → … stopped being served in Kubernetes 1.16 and was removed in 1.18. Use "apps/v1".
 *     kind: DaemonSet
 *
 * `data.needsSelector` tells the quick-fix that apps/v1 requires the selector the old versions
 * defaulted from the template labels.
 */
import type { DocumentRule } from '../ruleTypes';
import { CURRENT_API_VERSION, removedVersion } from '../util/apiVersions';
import { childAt, pairIn } from '../util/nodes';

export const removedApiVersion: DocumentRule = {
  id: 'removed-api-version',
  scope: 'document',
  category: 'api-version',
  defaultSeverity: 'error',
  description: 'The apiVersion was removed from Kubernetes; use apps/v1.',
  check(ctx) {
    const removed = removedVersion(ctx.apiVersion);
    const value = pairIn(ctx.doc.doc.contents, 'apiVersion')?.value?.range;
    if (!removed || !value) return;
    const served = removed.kinds.includes(ctx.kind)
      ? ''
      : ` (it never served ${ctx.kind})`;
    ctx.report({
      start: value[0],
      end: value[1],
      message:
        `${ctx.kind} in "${ctx.apiVersion}" stopped being served in Kubernetes ${removed.stoppedServing} and was removed in ${removed.removed}${served}. ` +
        `Use "${CURRENT_API_VERSION}".`,
      data: { replacement: CURRENT_API_VERSION, needsSelector: childAt(ctx.doc.doc.contents, 'spec', 'selector') === undefined },
    });
  },
};
