/**
 * invalid-enum: a value outside the field's allowed set, listing the allowed values.
 *
 *     imagePullPolicy: always    # → Unsupported value "always" for imagePullPolicy: supported values are "Always", …
 *
 * The API server answers `Unsupported value: "always": supported values: …`. An empty value of a
 * field the server defaults (`restartPolicy: ""`, `imagePullPolicy: ""` …) is not reported.
 */
import type { DocumentRule } from '../ruleTypes';
import { schemaFindings } from '../util/schemaWalk';
import { pathToString } from '../../parse/navigate';
import { defaultedWhenEmpty } from '../util/defaults';

/** Left to pvc-retention-policy, which words it like the API server. */
const PVC_POLICY_FIELDS: ReadonlySet<string> = new Set(['whenDeleted', 'whenScaled']);

export const invalidEnum: DocumentRule = {
  id: 'invalid-enum',
  scope: 'document',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  description: 'A value that is not one of the values the field allows.',
  check(ctx) {
    const { enums } = schemaFindings(ctx.doc, ctx.kind, ctx.apiVersion, ctx.settings.kubernetesVersion);
    for (const f of enums) {
      if (PVC_POLICY_FIELDS.has(f.field)) continue;
      // The server defaults these when empty, before it validates them.
      if (f.value === '' && defaultedWhenEmpty(pathToString(f.path))) continue;
      const allowed = f.allowed.map((v) => `"${v}"`);
      const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} and ${allowed[allowed.length - 1]!}` : allowed.join('');
      const caseFix = f.allowed.find((v) => v.toLowerCase() === f.value.toLowerCase());
      const hint = caseFix ? ` Did you mean "${caseFix}"?` : '';
      ctx.report({
        start: f.start,
        end: f.end,
        message: `Unsupported value "${f.value}" for ${f.field}: supported values are ${list}.${hint}`,
        data: { path: pathToString(f.path), value: f.value, allowed: f.allowed },
      });
    }
  },
};
