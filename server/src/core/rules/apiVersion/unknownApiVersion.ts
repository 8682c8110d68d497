/**
 * unknown-api-version: a kind under an apiVersion that never served it, or without an apiVersion.
 *
 *     apiVersion: apps/v2     # → There is no apiVersion "apps/v2" for Deployment. Use "apps/v1".
 *     kind: Deployment
 *
 *     kind: Service           # → Missing apiVersion: a Service is served as "v1".
 *     metadata: …
 *
 * kubectl fails with `no matches for kind "Deployment" in version "apps/v2"`, or "Object
 * 'apiVersion' or 'Kind' is missing". Only the kinds we model and the groups of Kubernetes itself
 * are judged: a Knative `serving.knative.dev/v1` Service is a custom resource, not our business.
 */
import type { DocumentRule } from '../ruleTypes';
import { isBuiltInGroup, removedVersionFor, servedApiVersions } from '../../kinds/manifestKinds';
import { isTemplated, pairIn } from '../util/nodes';

export const unknownApiVersion: DocumentRule = {
  id: 'unknown-api-version',
  scope: 'document',
  kinds: 'any',
  category: 'api-version',
  defaultSeverity: 'error',
  description: 'The apiVersion does not exist for this kind, or is missing.',
  check(ctx) {
    const served = servedApiVersions(ctx.kind);
    if (served.length === 0) return; // not a kind we model (unknown-kind speaks for misspelled ones)
    const root = ctx.doc.doc.contents;
    const use = served.map((v) => `"${v}"`).join(' or ');
    if (ctx.doc.apiVersion === undefined) {
      const pair = pairIn(root, 'apiVersion');
      const node = pair?.value ?? pairIn(root, 'kind')?.key;
      const r = node?.range;
      if (!r || (pair && isTemplated(ctx.doc, pair.value))) return;
      const message = pair ? `apiVersion must be a string: a ${ctx.kind} is served as ${use}.` : `Missing apiVersion: a ${ctx.kind} is served as ${use}.`;
      ctx.report({ start: r[0], end: Math.max(r[1], r[0] + 1), message, data: { replacement: served[0], missing: !pair } });
      return;
    }
    if (served.includes(ctx.apiVersion) || removedVersionFor(ctx.apiVersion, ctx.kind) || !isBuiltInGroup(ctx.apiVersion)) return;
    const node = pairIn(root, 'apiVersion')?.value;
    const r = node?.range;
    if (!r || isTemplated(ctx.doc, node)) return;
    ctx.report({
      start: r[0],
      end: r[1],
      message: `There is no apiVersion "${ctx.apiVersion}" for ${ctx.kind}. Use ${use}.`,
      data: { replacement: served[0] },
    });
  },
};
