/**
 * The kind card shown on `kind: <Kind>`, short enough to read without scrolling: what the kind
 * is, how it scales and how it updates (one line each), then links — in VS Code to the comparison
 * panel, which has every fact side by side, and to the conversions; elsewhere to the API reference.
 *
 *   ### StatefulSet
 *   *Pods with stable names, DNS names and their own storage, for stateful apps.*
 *   **Scales:** `spec.replicas`: scaling up adds the next ordinals, …
 *   **Updates:** `RollingUpdate` one pod at a time from the highest ordinal …
 *   [Compare kinds side by side] · [Convert to Deployment] · … · [API reference]
 */
import { apiReferenceUrl, rootTypeFor } from '../model/model';
import { KIND_BRIEF, KIND_ORDER, KIND_SUMMARY } from '../kinds/kindFacts';
import type { ParsedFile } from '../parse/parseFile';
import type { FeatureContext } from './featureContext';
import type { HoverTarget } from './hover';

export function kindCard(target: HoverTarget, file: ParsedFile, ctx: FeatureContext): string {
  const kind = target.kind;
  const lines = [`### ${kind}`, `*${KIND_SUMMARY[kind]}*`, `**Scales:** ${KIND_BRIEF[kind].scales}`, `**Updates:** ${KIND_BRIEF[kind].updates}`];
  const links = ctx.abilities.commandLinks && ctx.abilities.markdown ? commandLinks(target, file) : [];
  const root = rootTypeFor('apps/v1', kind);
  if (root) links.push(`[API reference](${apiReferenceUrl(root)})`);
  return [...lines, links.join(' · ')].filter(Boolean).join('\n\n');
}

function commandLinks(target: HoverTarget, file: ParsedFile): string[] {
  const position = file.document.positionAt(target.nodeStart);
  const links = ['[Compare kinds side by side](command:kubeWorkloads.showComparison)'];
  for (const targetKind of KIND_ORDER) {
    if (targetKind === target.kind) continue;
    const args = [{ uri: target.uri, position: { line: position.line, character: position.character }, targetKind }];
    links.push(`[Convert to ${targetKind}](command:kubeWorkloads.convertTo?${encodeURIComponent(JSON.stringify(args))})`);
  }
  return links;
}
