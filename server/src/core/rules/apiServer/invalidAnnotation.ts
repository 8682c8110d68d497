/**
 * invalid-annotation: annotation keys must be qualified names, and all annotations of one
 * object together at most 256 KiB.
 *
 *     annotations:
 *       "example.com/": x              # → Invalid annotation key "example.com/": the name part must not be empty.
 *
 * The API server checks the keys lower-cased, so upper-case letters are fine; values may be
 * anything, but they count towards the size limit (keys and values, in UTF-8 bytes).
 */
import { MANIFEST_KINDS, POD_KINDS } from '../../kinds/manifestKinds';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { keyName } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { asMap, childAt, isTemplated, jsonValue, pairIn, entries } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { qualifiedNameProblem, utf8Length } from '../util/qualifiedName';

/** ValidateAnnotations' TotalAnnotationSizeLimitB. */
const TOTAL_LIMIT = 256 * 1024;

export const invalidAnnotation = apiServerRule({
  id: 'invalid-annotation',
  kinds: MANIFEST_KINDS,
  description: 'Annotation keys must be qualified names; all annotations together at most 256 KiB.',
  check(ctx) {
    const root = ctx.doc.doc.contents;
    checkAnnotations(ctx, childAt(root, 'metadata'), ['metadata', 'annotations']);
    const { template, templatePath } = podFacts(ctx.doc);
    // A Pod is its own template; other kinds beside workloads have none.
    if (templatePath.length > 0 && POD_KINDS.includes(ctx.kind as never)) checkAnnotations(ctx, childAt(template, 'metadata'), [...templatePath, 'metadata', 'annotations']);
  },
});

function checkAnnotations(ctx: RuleContext, metadata: unknown, path: YamlPath): void {
  const pair = pairIn(metadata, 'annotations');
  const map = asMap(pair?.value);
  if (!map || isTemplated(ctx.doc, map)) return;
  let total = 0;
  for (const item of entries(map)) {
    const key = keyName(item.key);
    if (key === undefined) continue;
    const value = jsonValue(item.value);
    total += utf8Length(key) + (value === null || value === undefined ? 0 : utf8Length(String(value)));
    if (isTemplated(ctx.doc, item.key)) continue;
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem) reportAt(ctx, item.key, `Invalid annotation key "${key}": ${problem}.`, { data: { path: pathToString([...path, key]), key } });
  }
  if (total <= TOTAL_LIMIT) return;
  reportAt(ctx, pair?.key, `Annotations too long: ${total} bytes, at most ${TOTAL_LIMIT} (256 KiB) are allowed; move large data to a ConfigMap.`, {
    data: { path: pathToString(path), size: total, limit: TOTAL_LIMIT },
  });
}
