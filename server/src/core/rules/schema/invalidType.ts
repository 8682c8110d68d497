/**
 * invalid-type: a value the API server cannot decode into the field's type.
 *
 *     env:
 *       - name: PORT
 *         value: 80         # → Expected a string, but YAML reads 80 as a number … Quote it: "80".
 *     replicas: "3"         # → Expected an integer, got the string "3". Remove the quotes.
 *
 * kubectl converts YAML to JSON with YAML 1.1 rules (so `yes` is a boolean), and the server's
 * JSON decoding is strict about strings versus numbers; the request fails with a 400.
 */
import type { DocumentRule } from '../ruleTypes';
import { schemaFindings } from '../util/schemaWalk';
import { pathToString } from '../../parse/navigate';

export const invalidType: DocumentRule = {
  id: 'invalid-type',
  scope: 'document',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  description: 'A value of the wrong type for its field.',
  check(ctx) {
    const { types } = schemaFindings(ctx.doc, ctx.kind, ctx.apiVersion, ctx.settings.kubernetesVersion);
    for (const f of types) {
      ctx.report({ start: f.start, end: f.end, message: f.message, data: { path: pathToString(f.path), expected: f.expected } });
    }
  },
};
