/**
 * unknown-api-version: a workload kind under an apiVersion that never existed for it.
 *
 *     apiVersion: apps/v2     # → There is no apiVersion "apps/v2" for Deployment. Use "apps/v1".
 *     kind: Deployment
 *
 * kubectl fails with `no matches for kind "Deployment" in version "apps/v2"`.
 */
import type { DocumentRule } from '../ruleTypes';
import { CURRENT_API_VERSION, removedVersion } from '../util/apiVersions';
import { isTemplated, pairIn } from '../util/nodes';

export const unknownApiVersion: DocumentRule = {
  id: 'unknown-api-version',
  scope: 'document',
  category: 'api-version',
  defaultSeverity: 'error',
  description: 'The apiVersion does not exist for this kind.',
  check(ctx) {
    if (ctx.apiVersion === CURRENT_API_VERSION || removedVersion(ctx.apiVersion)) return;
    const node = pairIn(ctx.doc.doc.contents, 'apiVersion')?.value;
    const r = node?.range;
    if (!r || isTemplated(ctx.doc, node)) return;
    ctx.report({
      start: r[0],
      end: r[1],
      message: `There is no apiVersion "${ctx.apiVersion}" for ${ctx.kind}. Use "${CURRENT_API_VERSION}".`,
      data: { replacement: CURRENT_API_VERSION },
    });
  },
};
