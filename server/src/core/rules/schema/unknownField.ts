/**
 * unknown-field: a key the schema does not have at that place, with the closest valid names.
 *
 *     spec:
 *       replicass: 3        # → Unknown field "replicass" in DeploymentSpec. Did you mean "replicas"?
 *
 * The API server's strict field validation (kubectl's default) rejects the whole object. Keys
 * that belong to another workload kind are left to field-of-another-kind, which says more.
 */
import type { DocumentRule } from '../ruleTypes';
import { typeName } from '../../model/model';
import { schemaFindings } from '../util/schemaWalk';
import { didYouMean, rankSuggestions } from '../util/didYouMean';
import { pathToString } from '../../parse/navigate';

export const unknownField: DocumentRule = {
  id: 'unknown-field',
  scope: 'document',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  description: 'A field the Kubernetes schema does not have at this place.',
  check(ctx) {
    const { unknown } = schemaFindings(ctx.doc, ctx.kind, ctx.apiVersion, ctx.settings.kubernetesVersion);
    for (const f of unknown) {
      const suggestions = rankSuggestions(f.key, f.candidates);
      const where = f.typeId ? ` in ${typeName(f.typeId)}` : '';
      const message = f.since
        ? `Field "${f.key}"${where} is not available in Kubernetes ${ctx.settings.kubernetesVersion}: it was added in ${f.since} or later.`
        : `Unknown field "${f.key}"${where}.${didYouMean(suggestions)}`;
      ctx.report({
        start: f.start,
        end: f.end,
        message,
        data: { path: pathToString(f.path.slice(0, -1)), key: f.key, suggestions },
      });
    }
  },
};
