/**
 * missing-required: a field the API server requires is absent (or empty).
 *
 *     containers:
 *       - name: web          # → Missing required field "image" in Container.
 *
 * Underlines the key of the object that lacks the field. Required-ness comes from the model,
 * adjusted to what validation enforces: a container's image and a ReplicaSet's template are
 * required although OpenAPI says optional. A StatefulSet's serviceName was marked required up to
 * Kubernetes 1.32 but never enforced by the server, so there it is a warning. Skipped in Helm
 * templates, where a missing field is often produced by an include.
 */
import type { DocumentRule, RuleContext } from '../ruleTypes';
import { typeName } from '../../model/model';
import { schemaFindings } from '../util/schemaWalk';
import { pathToString } from '../../parse/navigate';
import { childAt, pairIn } from '../util/nodes';

export const missingRequired: DocumentRule = {
  id: 'missing-required',
  scope: 'document',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  description: 'A required field is missing.',
  check(ctx) {
    if (ctx.doc.template) return;
    const { missing } = schemaFindings(ctx.doc, ctx.kind, ctx.apiVersion, ctx.settings.kubernetesVersion);
    for (const f of missing) {
      const where = f.typeId ? ` in ${typeName(f.typeId)}` : '';
      ctx.report({
        start: f.start,
        end: f.end,
        message: `Missing required field "${f.field}"${where}.`,
        data: { path: pathToString(f.path), field: f.field, typeExpr: f.typeExpr },
      });
    }
    if (ctx.kind === 'StatefulSet') serviceNameBefore133(ctx);
  },
};

/** Kubernetes 1.30–1.32 schemas mark StatefulSetSpec.serviceName required (kubernetes#130233 relaxed it). */
function serviceNameBefore133(ctx: RuleContext): void {
  if (Number(ctx.settings.kubernetesVersion.split('.')[1]) >= 33) return;
  const spec = childAt(ctx.doc.doc.contents, 'spec');
  if (!spec || pairIn(spec, 'serviceName')) return;
  const key = pairIn(ctx.doc.doc.contents, 'spec')?.key?.range;
  if (!key) return;
  ctx.report({
    start: key[0],
    end: key[1],
    severity: 'warning',
    message: `Missing field "serviceName" in StatefulSetSpec: the Kubernetes ${ctx.settings.kubernetesVersion} schema marks it required, so schema validators reject the manifest (the API server itself accepts it; it became optional in 1.33).`,
    data: { path: 'spec', field: 'serviceName', typeExpr: 'string' },
  });
}
