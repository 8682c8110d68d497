/**
 * Completion: keys the schema allows at the cursor that are not there yet (required first), enum
 * values after `key: `, the four kinds after `kind: `, and the apiVersions that serve the kind.
 *
 *   spec:
 *     <cursor>     → minReadySeconds, replicas, selector (required), strategy, template (required) …
 *
 * The site comes from the text (completionSite.ts), so it works while the document is broken.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { getType, parseTypeExpr, resolvePath, rootTypeFor, typeInWords, type FieldDef } from '../model/model';
import { slotAt } from '../parse/navigate';
import { isWorkloadKind, type ParsedFile, type WorkloadKind } from '../parse/parseFile';
import { CURRENT_API_VERSION, apiVersionFact } from '../kinds/apiVersions';
import { KIND_ORDER, KIND_SUMMARY } from '../kinds/kindFacts';
import { enumValueDoc } from './enumDocs';
import type { FeatureContext } from './featureContext';
import { fieldDefault } from '../defaults/catalog';
import { findSite, type CompletionSite } from './completionSite';
import { markup } from './markup';
import { snippetFor } from './completionSnippet';

export function completion(file: ParsedFile, offset: number, ctx: FeatureContext): CompletionItem[] {
  if (file.tooLarge) return [];
  const slot = slotAt(file, offset);
  if (!slot) return [];
  const text = slot.parsed.text;
  const site = findSite(text, offset - slot.start);
  if (!site) return [];
  const kind = slot.parsed.kind ?? topLevel(text, 'kind');
  const apiVersion = slot.parsed.apiVersion ?? topLevel(text, 'apiVersion');
  const range: Range = { start: file.document.positionAt(slot.start + site.wordStart), end: file.document.positionAt(offset) };
  if (site.kind === 'value' && site.path.length === 1) return rootValues(site.path[0], kind, apiVersion, range, ctx);
  if (!isWorkloadKind(kind)) return [];
  const rootTypeId = rootTypeFor(apiVersion ?? '', kind) ?? rootTypeFor(CURRENT_API_VERSION, kind);
  if (!rootTypeId) return [];
  return site.kind === 'key' ? keyItems(rootTypeId, site, range, ctx) : valueItems(rootTypeId, site, range, ctx);
}

/** `kind: Deployment` / `apiVersion: apps/v1` read from the text when the document does not parse. */
function topLevel(text: string, key: string): string | undefined {
  return new RegExp(`^${key}:[ \\t]*["']?([\\w./-]+)`, 'm').exec(text)?.[1];
}

function rootValues(key: unknown, kind: string | undefined, apiVersion: string | undefined, range: Range, ctx: FeatureContext): CompletionItem[] {
  if (key === 'kind') {
    // Only in documents that are (or are becoming) workloads: never offer Deployment to a `v1` Service.
    if (apiVersion !== undefined && !apiVersion.startsWith('apps/') && apiVersion !== 'extensions/v1beta1') return [];
    return KIND_ORDER.map((k, i) => ({
      label: k,
      kind: CompletionItemKind.Class,
      detail: KIND_SUMMARY[k],
      documentation: markup(`**${k}** — ${KIND_SUMMARY[k]}`, ctx.abilities.completionMarkdown),
      sortText: String(i),
      textEdit: { range, newText: k },
    }));
  }
  if (key !== 'apiVersion' || (kind !== undefined && !isWorkloadKind(kind))) return [];
  const kinds: readonly WorkloadKind[] = kind ? [kind] : KIND_ORDER;
  const served = apiVersionFact(CURRENT_API_VERSION)!;
  return [{
    label: CURRENT_API_VERSION,
    kind: CompletionItemKind.Module,
    detail: `Serves ${kinds.filter((k) => served.kinds.includes(k)).join(', ')}`,
    documentation: markup('`apps/v1` is the only apiVersion that serves the workload kinds today; `extensions/v1beta1`, `apps/v1beta1` and `apps/v1beta2` stopped being served in Kubernetes 1.16.', ctx.abilities.completionMarkdown),
    textEdit: { range, newText: CURRENT_API_VERSION },
  }];
}

function keyItems(rootTypeId: string, site: CompletionSite, range: Range, ctx: FeatureContext): CompletionItem[] {
  const resolved = resolvePath(rootTypeId, site.path);
  const parsed = resolved && parseTypeExpr(resolved.typeExpr);
  if (parsed?.kind !== 'ref') return [];
  const type = getType(parsed.id);
  if (!type) return [];
  const items: CompletionItem[] = [];
  for (const [name, field] of Object.entries(type.fields)) {
    if (site.siblings.has(name) || (site.path.length === 0 && name === 'status')) continue;
    const snippet = snippetFor(name, field, site, ctx.abilities.snippets);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${typeInWords(field.type)}${field.required ? ' (required)' : ''}`,
      documentation: markup(fieldDocs(parsed.id, name, field), ctx.abilities.completionMarkdown),
      sortText: `${field.required ? '0' : '1'}${name}`,
      filterText: name,
      textEdit: { range, newText: snippet.text },
      insertTextFormat: snippet.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(snippet.multiline ? { insertTextMode: InsertTextMode.asIs } : {}),
    });
  }
  return items;
}

function fieldDocs(ownerTypeId: string, name: string, field: FieldDef): string {
  const parts = [field.required ? '**Required.**' : ''];
  const byDefault = fieldDefault(ownerTypeId, name);
  if (byDefault) parts.push(`Default: ${byDefault}.`);
  if (field.since) parts.push(`New in Kubernetes ${field.since}${field.sinceUpTo ? `–${field.sinceUpTo}` : ''}.`);
  return [parts.filter(Boolean).join(' '), field.description].filter(Boolean).join('\n\n');
}

function valueItems(rootTypeId: string, site: CompletionSite, range: Range, ctx: FeatureContext): CompletionItem[] {
  const resolved = resolvePath(rootTypeId, site.path);
  const field = resolved?.field;
  if (!field) return [];
  const name = [...site.path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  const values = field.enum ?? (resolved.typeExpr === 'boolean' ? ['true', 'false'] : []);
  const byDefault = fieldDefault(resolved.ownerTypeId, name);
  return values.filter((v) => v !== '').map((value, i) => {
    const doc = enumValueDoc(resolved.ownerTypeId, name, value);
    const isDefault = byDefault === `\`${value}\``;
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: isDefault ? 'default' : undefined,
      documentation: doc ? markup(doc, ctx.abilities.completionMarkdown) : undefined,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: value },
    };
  });
}
