/**
 * Code actions: quick-fixes for our diagnostics (dispatched on the rule id, reading `data`),
 * "Convert to <Kind>" refactors listed cheaply and computed on resolve, and a fix-all source
 * action that applies every preferred fix that does not collide with another.
 *
 *     kind: Deployment     💡 Convert to DaemonSet (drops replicas 3, maxSurge 25%)
 *                            Convert to StatefulSet (drops maxSurge 25%, progressDeadlineSeconds)
 *                            Convert to ReplicaSet (drops strategy, progressDeadlineSeconds)
 */
import { isMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKLOAD_KINDS, parseFile, type ParsedFile, type WorkloadKind } from '../parse/parseFile';
import { pairOf, slotAt } from '../parse/navigate';
import { convertWorkload, type ConversionResult } from '../convert/convertWorkload';
import { conversionMessage, conversionTitle } from '../convert/conversionSummary';
import { applyOffsetEdits, lineStartOf, overlaps, toTextEdits, type OffsetEdit } from '../edit/textEdits';
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

/** The command a conversion action carries: the server shows what the conversion did. */
export const CONVERSION_NOTES_COMMAND = 'kubeWorkloads.server.showConversionNotes';

/**
 * "Convert to <Kind>" for the workload whose `kind`, `apiVersion` or `metadata` line holds the
 * offset: where a person asks about the object itself, not on every line of it. Each conversion
 * is computed for its title, which names what it drops at any depth; the edit is filled in on
 * resolve.
 */
export function conversionActions(file: ParsedFile, offset: number): CodeAction[] {
  const slot = slotAt(file, offset);
  const from = slot?.parsed.kind;
  if (!slot || !slot.parsed.isWorkload || slot.parsed.problems.some((p) => p.severity === 'error')) return [];
  const root = slot.parsed.doc.contents;
  if (!isMap(pairOf(root, 'spec')?.value) || !onObjectLine(slot.parsed.text, root, offset - slot.start)) return [];
  return WORKLOAD_KINDS.filter((k) => k !== from).flatMap((targetKind) => {
    let result;
    try {
      result = convertWorkload(file, slot.index, targetKind);
    } catch {
      return [];
    }
    return [
      {
        title: conversionTitle(targetKind, result.droppedFields),
        kind: CodeActionKind.RefactorRewrite,
        // Listed with the command: a client may take only the edit from codeAction/resolve.
        command: notesCommand(targetKind, result),
        data: { uri: file.document.uri, docIndex: slot.index, targetKind, version: file.document.version } satisfies ConvertActionData,
      },
    ];
  });
}

/** True when `offset` (in the segment) is on the line of the root's kind, apiVersion or metadata key. */
function onObjectLine(text: string, root: unknown, offset: number): boolean {
  const line = lineStartOf(text, offset);
  return ['kind', 'apiVersion', 'metadata'].some((key) => {
    const start = (pairOf(root, key)?.key as { range?: [number, number] } | undefined)?.range?.[0];
    return start !== undefined && lineStartOf(text, start) === line;
  });
}

/**
 * Fills in a conversion action's edit (codeAction/resolve) and the command that tells the user,
 * once the edit is applied, what was dropped and what must be done by hand: every editor that
 * applies code actions runs their command, so the notes reach Neovim and Helix as well.
 */
export function resolveConversion(file: ParsedFile, action: CodeAction, data: ConvertActionData): CodeAction {
  const result = convertWorkload(file, data.docIndex, data.targetKind);
  return {
    ...action,
    edit: { changes: { [file.document.uri]: result.edits } },
    command: notesCommand(data.targetKind, result),
  };
}

function notesCommand(target: WorkloadKind, result: ConversionResult): Command {
  return { title: 'Show what the conversion changed', command: CONVERSION_NOTES_COMMAND, arguments: [conversionMessage(target, result)] };
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
