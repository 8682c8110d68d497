/**
 * unknown-kind: a manifest whose kind the API server does not serve — a misspelled, lower-case or
 * plural kind, or none at all.
 *
 *     apiVersion: apps/v1
 *     kind: daemonset         # → Unknown kind "daemonset" in "apps/v1". Did you mean "DaemonSet"? Kinds are case-sensitive.
 *
 *     apiVersion: v1          # → Missing kind. Did you mean "Service"?
 *     metadata: …
 *     spec: { ports: … }
 *
 * kubectl fails with `no matches for kind "daemonset" in version "apps/v1"`, or "Object
 * 'apiVersion' or 'Kind' is missing". A kind that is not close to one we model is left alone, as
 * are groups outside Kubernetes itself: they may be custom resources.
 */
import type { DocumentRule, RuleContext } from '../ruleTypes';
import { isBuiltInGroup, isManifestKind, kindsServedBy, MANIFEST_KINDS } from '../../kinds/manifestKinds';
import { fieldAt, parseTypeExpr, rootTypeFor } from '../../model/model';
import { didYouMean, editDistance } from '../util/didYouMean';
import { asMap, childAt, isTemplated, pairIn } from '../util/nodes';
import { keyName } from '../../parse/navigate';

export const unknownKind: DocumentRule = {
  id: 'unknown-kind',
  scope: 'document',
  kinds: 'any',
  category: 'api-version',
  defaultSeverity: 'error',
  description: 'The kind is misspelled or missing: the API server serves no such kind.',
  check(ctx) {
    const root = ctx.doc.doc.contents;
    if (ctx.doc.kind === undefined) return missingKind(ctx);
    if (isManifestKind(ctx.kind) || (ctx.doc.apiVersion !== undefined && !isBuiltInGroup(ctx.apiVersion))) return;
    const node = pairIn(root, 'kind')?.value;
    if (!node?.range || isTemplated(ctx.doc, node)) return;
    const meant = closeKind(ctx.kind);
    if (!meant) return;
    const where = ctx.doc.apiVersion === undefined ? '' : ` in "${ctx.apiVersion}"`;
    const caseOnly = meant.toLowerCase() === ctx.kind.toLowerCase() ? ' Kinds are case-sensitive.' : '';
    // The server finds no type for the pair: underline apiVersion and kind together.
    const r = pairSpan(root, node.range);
    ctx.report({
      start: r[0],
      end: r[1],
      message: `Unknown kind "${ctx.kind}"${where}.${didYouMean([meant])}${caseOnly}`,
      data: { replacement: meant },
    });
  },
};

/** From the apiVersion key to the kind value (or the other way round when kind comes first). */
function pairSpan(root: unknown, kindValue: readonly [number, number, number]): [number, number] {
  const pair = pairIn(root, 'apiVersion');
  const key = pair?.key?.range;
  const value = pair?.value?.range;
  if (!key || !value) return [kindValue[0], kindValue[1]];
  return key[0] < kindValue[0] ? [key[0], kindValue[1]] : [kindValue[0], value[1]];
}

/** A kind we model that differs only in case, by a plural "s", or by one typo. */
function closeKind(kind: string): string | undefined {
  const lower = kind.toLowerCase();
  const singular = lower.replace(/(?:es|s)$/, '');
  for (const k of MANIFEST_KINDS) {
    const l = k.toLowerCase();
    if (l === lower || l === singular || (lower.endsWith('es') && l === lower.slice(0, -1))) return k;
  }
  return MANIFEST_KINDS.find((k) => kind.length >= 4 && editDistance(lower, k.toLowerCase()) === 1);
}

/** No kind: name the kinds the apiVersion serves, best guess first from the spec's fields. */
function missingKind(ctx: RuleContext): void {
  const root = ctx.doc.doc.contents;
  const pair = pairIn(root, 'kind');
  if (pair && isTemplated(ctx.doc, pair.value)) return;
  const anchor = pair?.value ?? pairIn(root, 'apiVersion')?.key;
  const r = anchor?.range;
  if (!r) return;
  const guesses = guessKinds(ctx, ctx.doc.apiVersion ?? '');
  const message = pair ? 'kind must be a string.' : 'Missing kind: the API server cannot tell what object this is.';
  ctx.report({ start: r[0], end: Math.max(r[1], r[0] + 1), message: `${message}${didYouMean(guesses)}`, data: { suggestions: guesses } });
}

/**
 * Kinds served by the apiVersion, ranked by how many of the document's keys their schema knows:
 * top-level keys other than apiVersion, kind and metadata (`data`, `rules`), and the keys of `spec`.
 */
function guessKinds(ctx: RuleContext, apiVersion: string): string[] {
  const root = ctx.doc.doc.contents;
  const top = keysOf(root).filter((k) => k !== 'apiVersion' && k !== 'kind' && k !== 'metadata');
  const specKeys = keysOf(childAt(root, 'spec'));
  const scored = kindsServedBy(apiVersion).map((kind) => ({ kind, score: schemaScore(rootTypeFor(apiVersion, kind), top, specKeys) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  return scored.filter((s) => s.score === best).map((s) => s.kind).slice(0, 3);
}

function keysOf(node: unknown): string[] {
  const map = asMap(node);
  return map ? map.items.map((p) => keyName(p.key)).filter((k): k is string => k !== undefined) : [];
}

function schemaScore(rootId: string | undefined, top: readonly string[], specKeys: readonly string[]): number {
  if (!rootId) return 0;
  let score = top.filter((k) => fieldAt(rootId, k) !== undefined).length;
  const spec = fieldAt(rootId, 'spec');
  const type = spec ? parseTypeExpr(spec.type) : undefined;
  if (type?.kind === 'ref') score += specKeys.filter((k) => fieldAt(type.id, k) !== undefined).length;
  return score;
}
