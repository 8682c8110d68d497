/**
 * The kind card shown on `kind: <Kind>`: the facts of kinds/kindFacts.ts, how the other three
 * kinds differ, and (in VS Code) command links to the comparison panel and to the conversions.
 */
import { apiReferenceUrl, rootTypeFor } from '../model/model';
import { KIND_DIFFERS, KIND_FACT_ROWS, KIND_ORDER, KIND_SUMMARY } from '../kinds/kindFacts';
import type { ParsedFile, WorkloadKind } from '../parse/parseFile';
import type { FeatureContext } from './featureContext';
import type { HoverTarget } from './hover';

const factsCache = new Map<WorkloadKind, string>();

export function kindCard(target: HoverTarget, file: ParsedFile, ctx: FeatureContext): string {
  const parts = [staticCard(target.kind)];
  if (ctx.abilities.commandLinks && ctx.abilities.markdown) parts.push(commandLinks(target, file));
  return parts.join('\n\n');
}

/** The document-independent part of the card, built once per kind. */
function staticCard(kind: WorkloadKind): string {
  let card = factsCache.get(kind);
  if (!card) {
    const facts = KIND_FACT_ROWS.map((row) => `**${row.label}:** ${row.values[kind]}`);
    const others = KIND_ORDER.filter((k) => k !== kind).map((k) => `- **${k}** ${KIND_DIFFERS[kind][k] ?? ''}`);
    const root = rootTypeFor('apps/v1', kind);
    const link = root ? `[${kind} in the API reference](${apiReferenceUrl(root)})` : '';
    card = [`### ${kind}`, `*${KIND_SUMMARY[kind]}*`, ...facts, '**How the others differ:**\n\n' + others.join('\n'), link]
      .filter(Boolean)
      .join('\n\n');
    factsCache.set(kind, card);
  }
  return card;
}

function commandLinks(target: HoverTarget, file: ParsedFile): string {
  const position = file.document.positionAt(target.nodeStart);
  const links = ['[Compare kinds side by side](command:kubeWorkloads.showComparison)'];
  for (const targetKind of KIND_ORDER) {
    if (targetKind === target.kind) continue;
    const args = [{ uri: target.uri, position: { line: position.line, character: position.character }, targetKind }];
    links.push(`[Convert to ${targetKind}](command:kubeWorkloads.convertTo?${encodeURIComponent(JSON.stringify(args))})`);
  }
  return links.join(' · ');
}
