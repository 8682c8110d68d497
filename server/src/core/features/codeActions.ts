/**
 * Code actions: quick-fixes for our diagnostics (dispatched on the rule id, reading `data`),
 * "Convert to <Kind>" refactors listed cheaply and computed on resolve, and a fix-all source
 * action that applies every preferred fix that does not collide with another.
 *
 *     kind: Deployment     💡 Convert to DaemonSet (drops replicas)
 *                            Convert to StatefulSet
 *                            Convert to ReplicaSet (drops strategy)
 */
import { isMap, isScalar } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKLOAD_KINDS, parseFile, type ParsedFile, type WorkloadKind } from '../parse/parseFile';
import { pairOf, slotAt } from '../parse/navigate';
import { fieldAt } from '../model/model';
import { convertWorkload } from '../convert/convertWorkload';
import { specType } from '../convert/specFields';
import { applyOffsetEdits, overlaps, toTextEdits, type OffsetEdit } from '../edit/textEdits';
import type { Settings } from '../settings/settings';
import { computeDiagnostics } from './diagnostics';
import { FIXES } from './fixes/fixRegistry';
import type { Fix } from './fixes/fixTypes';

export const FIX_ALL_KIND = 'source.fixAll.kubeWorkloads';

/** What an unresolved conversion action carries until codeAction/resolve. */
export interface ConvertActionData {
  readonly uri: string;
  readonly docIndex: number;
  readonly targetKind: WorkloadKind;
  /** The document's version when the action was offered: a resolve after an edit is stale. */
  readonly version: number;
}

export function isConvertActionData(data: unknown): data is ConvertActionData {
  const d = data as Partial<ConvertActionData> | null;
  return !!d && typeof d.uri === 'string' && typeof d.docIndex === 'number' && typeof d.version === 'number' && WORKLOAD_KINDS.includes(d.targetKind as WorkloadKind);
}

/** Quick-fixes for the diagnostics the client sent with the request. */
export function quickFixes(file: ParsedFile, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    for (const fix of fixesFor(file, diagnostic)) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [file.document.uri]: toTextEdits(file.document, fix.edits) } },
      });
    }
  }
  return out;
}

function fixesFor(file: ParsedFile, diagnostic: Diagnostic): Fix[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const ruleId = typeof data['ruleId'] === 'string' ? data['ruleId'] : String(diagnostic.code);
  const provider = FIXES[ruleId];
  const start = file.document.offsetAt(diagnostic.range.start);
  const slot = typeof data['docIndex'] === 'number' ? file.docs[data['docIndex']] : slotAt(file, start);
  if (!provider || !slot) return [];
  try {
    return provider({ file, slot, data, start: start - slot.start, end: file.document.offsetAt(diagnostic.range.end) - slot.start });
  } catch {
    // A stale diagnostic (the text moved on) may not fit the document any more: no fix then.
    return [];
  }
}

/** "Convert to <Kind>" for the workload at an offset: titles only, edits filled in on resolve. */
export function conversionActions(file: ParsedFile, offset: number): CodeAction[] {
  const slot = slotAt(file, offset);
  const from = slot?.parsed.kind;
  if (!slot || !slot.parsed.isWorkload || slot.parsed.problems.some((p) => p.severity === 'error')) return [];
  const spec = pairOf(slot.parsed.doc.contents, 'spec')?.value;
  if (!isMap(spec) || spec.flow) return [];
  return WORKLOAD_KINDS.filter((k) => k !== from).map((targetKind) => ({
    title: `Convert to ${targetKind}${dropSummary(spec.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')), from as WorkloadKind, targetKind)}`,
    kind: CodeActionKind.RefactorRewrite,
    data: { uri: file.document.uri, docIndex: slot.index, targetKind, version: file.document.version } satisfies ConvertActionData,
  }));
}

/** A short "(drops a, b)" from the spec's keys alone, cheap enough for every request. */
function dropSummary(keys: readonly string[], from: WorkloadKind, to: WorkloadKind): string {
  const dropped = keys.filter((k) => {
    if (k === 'volumeClaimTemplates') return true;
    if (k === 'strategy' || k === 'updateStrategy') return to === 'ReplicaSet';
    return !!fieldAt(specType(from), k) && !fieldAt(specType(to), k);
  });
  if (dropped.length === 0) return '';
  return dropped.length <= 3 ? ` (drops ${dropped.join(', ')})` : ` (drops ${dropped.length} fields)`;
}

/** Fills in a conversion action's edit (codeAction/resolve). */
export function resolveConversion(file: ParsedFile, action: CodeAction, data: ConvertActionData): CodeAction {
  const result = convertWorkload(file, data.docIndex, data.targetKind);
  return { ...action, edit: { changes: { [file.document.uri]: result.edits } } };
}

/** Most passes fix-all makes; each re-analyses the result, so fixes that build on others land. */
const FIX_ALL_PASSES = 4;

/**
 * Applies every preferred fix that does not collide with another, re-analysing between passes,
 * and answers with one edit spanning the changed region (text outside it is untouched).
 */
export function fixAll(file: ParsedFile, settings: Settings): TextEdit[] {
  const original = file.document.getText();
  let text = original;
  let current = file;
  for (let pass = 0; pass < FIX_ALL_PASSES; pass++) {
    const fixes = collectPreferred(current, computeDiagnostics(current, settings, { docsBase: '' }));
    const next = applyPass(current, text, fixes);
    if (!next) break;
    ({ text, file: current } = next);
  }
  return text === original ? [] : [spanningEdit(file.document, original, text)];
}

/** The edits of each preferred fix, leaving out fixes whose edits collide with an earlier one. */
function collectPreferred(file: ParsedFile, diagnostics: readonly Diagnostic[]): (readonly OffsetEdit[])[] {
  const accepted: (readonly OffsetEdit[])[] = [];
  for (const diagnostic of diagnostics) {
    const fix = fixesFor(file, diagnostic).find((f) => f.preferred);
    if (!fix) continue;
    // Two inserts at one offset may both create the same key (e.g. securityContext): one per pass.
    const clash = fix.edits.some((e) => accepted.flat().some((a) => overlaps(a, e) || (a.start === e.start && (a.start === a.end || e.start === e.end))));
    if (!clash) accepted.push(fix.edits);
  }
  return accepted;
}

/**
 * One pass: the fixes applied together. Fixes that are right alone can still clash in effect
 * without touching the same text (renaming `selectr` to `selector` while another fix inserts a
 * `selector`), so when the result has more YAML errors than the text had, the pass keeps the
 * fixes one at a time, each only if it adds no error; the next pass re-analyses the rest.
 */
function applyPass(file: ParsedFile, text: string, fixes: readonly (readonly OffsetEdit[])[]): { text: string; file: ParsedFile } | undefined {
  if (fixes.length === 0) return undefined;
  const before = yamlErrorCount(file);
  const parse = (t: string) => parseFile(TextDocument.create(file.document.uri, 'yaml', 0, t));
  const together = applyOffsetEdits(text, fixes.flat());
  const parsed = parse(together);
  if (yamlErrorCount(parsed) <= before) return { text: together, file: parsed };
  let kept: { edits: OffsetEdit[]; text: string; file: ParsedFile } | undefined;
  for (const fix of fixes) {
    const edits = [...(kept?.edits ?? []), ...fix];
    const trial = applyOffsetEdits(text, edits);
    const trialFile = parse(trial);
    if (yamlErrorCount(trialFile) <= before) kept = { edits, text: trial, file: trialFile };
  }
  return kept && { text: kept.text, file: kept.file };
}

function yamlErrorCount(file: ParsedFile): number {
  return file.docs.reduce((n, slot) => n + slot.parsed.problems.filter((p) => p.severity === 'error').length, 0);
}

function spanningEdit(document: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
