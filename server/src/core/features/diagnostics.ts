/**
 * Diagnostics: runs the rule catalogue over a parsed file and turns findings into LSP values.
 *
 * Per-document findings are memoised on the parsed document (keyed by settings), so an edit
 * re-runs the document rules of the edited document only. File rules (cross-document links)
 * run over cheap per-document facts.
 *
 * Performance (issue #8): an edit of one value in a 5,000-document file must answer in
 * milliseconds, so the analysis of a file also keeps what it produced for the next one (see
 * `FileState`): each document's converted diagnostics are reused while the document, its index
 * and its first line are unchanged, and the file rules only run again when what they read of
 * the changed documents differs (fileRuleInputs.ts).
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKLOAD_KINDS, type DocumentSlot, type ParsedDocument, type ParsedFile } from '../parse/parseFile';
import { DOCUMENT_RULES, FILE_RULES } from '../rules';
import type { DocumentRule, Problem, Rule } from '../rules/ruleTypes';
import { documentSuppressions, isSuppressed, type RuleSet } from '../rules/suppression';
import { settingsKey, type Settings, type Severity, type SeverityOrOff } from '../settings/settings';
import { fileRuleInputs, sameInputs, sameValue, type FileRuleInputs } from './fileRuleInputs';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FINDINGS_PER_DOCUMENT, Overflow, overflowProblem, TOO_MANY_FINDINGS } from './findingLimits';

export const DIAGNOSTIC_SOURCE = 'kube-workloads';

export interface DiagnosticOptions {
  /** Base URI of the rule pages; `<base><id>.md` is linked from every diagnostic. */
  readonly docsBase: string;
}

/** A finding before positions are computed. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly problem: Problem;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SEVERITY_NAME: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The severity a rule runs at under these settings: preset first, then the user's overrides. */
export function effectiveSeverity(rule: Rule, settings: Settings): SeverityOrOff {
  const override = settings.rules[rule.id];
  if (override) return override;
  if (rule.category !== 'best-practice') return rule.defaultSeverity;
  if (settings.preset === 'api-only') return 'off';
  if (settings.preset === 'strict') return 'warning';
  return rule.defaultSeverity;
}

/** One document's share of the previous analysis. */
interface DocEntry {
  /** The document, its index and where its segment starts. */
  readonly slot: DocumentSlot;
  /** The line where the document's segment starts. */
  readonly startLine: number;
  /** Diagnostics of the document rules, less those the document itself silences. */
  readonly diagnostics: readonly Diagnostic[];
  readonly inputs: FileRuleInputs;
  /** Rules the document's disable-file comments silence in the whole file. */
  readonly fileSuppression: RuleSet | undefined;
}

/** The previous analysis of a file, for the same settings and rule-page base. */
interface FileState {
  readonly key: string;
  readonly entries: readonly DocEntry[];
  readonly fileWide: RuleSet | undefined;
  readonly fileFindings: readonly [number, Finding][];
}

/** Keyed by the editor's document object, so closing a file lets its state go. */
const previousStates = new WeakMap<TextDocument, FileState>();

export function computeDiagnostics(file: ParsedFile, settings: Settings, options: DiagnosticOptions): Diagnostic[] {
  if (file.tooLarge) return file.isKubernetes ? [tooLargeDiagnostic(file, options)] : [];
  if (!file.isKubernetes) return [];
  const key = `${settingsKey(settings)}\u0000${options.docsBase}`;
  const before = previousStates.get(file.document);
  const previous = before?.key === key ? before : undefined;
  const entries = docEntries(file, settings, options, previous?.entries);
  const fileWide = fileWideSuppressions(entries);
  const reuse = previous && fileRulesUnchanged(previous, entries) && sameValue(previous.fileWide, fileWide);
  const found = reuse ? previous.fileFindings : fileFindings(file, settings, fileWide);
  previousStates.set(file.document, { key, entries, fileWide, fileFindings: found });
  const out: Diagnostic[] = [];
  for (const entry of entries) {
    for (const d of entry.diagnostics) {
      if (!fileWide || (fileWide !== 'all' && !fileWide.has(d.code as string))) out.push(d);
    }
  }
  for (const [docIndex, f] of found) out.push(toDiagnostic(file, file.docs[docIndex]!, f, options));
  return out.length > MAX_DIAGNOSTICS_PER_FILE ? capped(out, options) : out;
}

/** The first diagnostics of a file, and one at its start that says how many more there are. */
function capped(all: readonly Diagnostic[], options: DiagnosticOptions): Diagnostic[] {
  const out = all.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const overflow = new Overflow();
  for (let i = MAX_DIAGNOSTICS_PER_FILE; i < all.length; i++) overflow.add(SEVERITY_NAME[all[i]!.severity ?? DiagnosticSeverity.Error]);
  out.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: SEVERITY[overflow.severity],
    code: TOO_MANY_FINDINGS,
    codeDescription: { href: `${options.docsBase}${TOO_MANY_FINDINGS}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: overflow.message('file', MAX_DIAGNOSTICS_PER_FILE),
    data: { ruleId: TOO_MANY_FINDINGS },
  });
  return out;
}

/**
 * The entries of all documents. The parser keeps the slots of the documents before an edit, and
 * the text before them is unchanged, so their entries are taken over as they are. After that, a
 * run of documents that are the same parses as before, at the same distances from each other,
 * has the same text between them, so their first lines move by the same amount: positionAt (a
 * binary search over the lines) runs only at the start of a run.
 */
function docEntries(file: ParsedFile, settings: Settings, options: DiagnosticOptions, old: readonly DocEntry[] | undefined): DocEntry[] {
  const docs = file.docs;
  let lead = 0;
  if (old) while (lead < old.length && lead < docs.length && old[lead]!.slot === docs[lead]) lead++;
  const out = old ? old.slice(0, lead) : [];
  let shift: number | undefined;
  let before: DocEntry | undefined;
  let beforeStart = 0;
  for (let i = lead; i < docs.length; i++) {
    const slot = docs[i]!;
    const prev = old?.[slot.index];
    const same = prev !== undefined && prev.slot.parsed === slot.parsed;
    const inRun = same && shift !== undefined && before !== undefined && slot.start - beforeStart === prev.slot.start - before.slot.start;
    const startLine = inRun ? prev.startLine + shift! : file.document.positionAt(slot.start).line;
    shift = same ? startLine - prev.startLine : undefined;
    before = same ? prev : undefined;
    beforeStart = slot.start;
    out.push(docEntry(file, slot, settings, options, prev, startLine));
  }
  return out;
}

/** A document's entry: the previous one when nothing that shapes its diagnostics changed. */
function docEntry(file: ParsedFile, slot: DocumentSlot, settings: Settings, options: DiagnosticOptions, old: DocEntry | undefined, startLine: number): DocEntry {
  if (old && old.slot.parsed === slot.parsed && old.slot.index === slot.index && old.startLine === startLine) {
    return old.slot === slot ? old : { ...old, slot };
  }
  const diagnostics: Diagnostic[] = [];
  for (const f of documentFindings(slot.parsed, settings)) {
    if (!isSuppressed(f.ruleId, slot.parsed, f.problem.start, undefined)) diagnostics.push(toDiagnostic(file, slot, f, options));
  }
  const inputs = fileRuleInputs(slot.parsed);
  const fileSuppression = documentSuppressions(slot.parsed).file;
  return { slot, startLine, diagnostics, inputs, fileSuppression };
}

/** Rules disabled for the whole file by any document's disable-file comment. */
function fileWideSuppressions(entries: readonly DocEntry[]): RuleSet | undefined {
  let result: RuleSet | undefined;
  for (const entry of entries) {
    const s = entry.fileSuppression;
    if (!s || result === 'all') continue;
    result = s === 'all' ? 'all' : new Set([...(result ?? []), ...s]);
  }
  return result;
}

/** Whether every changed document shows the file rules what its predecessor showed them. */
function fileRulesUnchanged(previous: FileState, entries: readonly DocEntry[]): boolean {
  if (previous.entries.length !== entries.length) return false;
  return entries.every((e, i) => {
    const old = previous.entries[i]!;
    return old === e || old.slot.parsed === e.slot.parsed || sameInputs(old.inputs, e.inputs);
  });
}

/** Findings of the document rules for one Kubernetes document, memoised on the parse. */
export function documentFindings(doc: ParsedDocument, settings: Settings): readonly Finding[] {
  if (!doc.isKubernetes) return [];
  const active = activeRules(settings);
  const cached = doc.lasting.get(active.key) as Finding[] | undefined;
  if (cached) return cached;
  const findings: Finding[] = [];
  const kind = doc.kind ?? '';
  const apiVersion = doc.apiVersion ?? '';
  // Without both, only the rules about apiVersion and kind have something to say.
  const identified = doc.kind !== undefined && doc.apiVersion !== undefined;
  const overflow = new Overflow();
  for (const { rule, severity } of active.rules) {
    if (rule.kinds === 'any' ? !identified && rule.category !== 'api-version' : !(rule.kinds ?? WORKLOAD_KINDS).includes(kind as never)) continue;
    const report = (problem: Problem) => {
      // What the document silences itself is dropped here, so the cap counts only what shows.
      if (isSuppressed(rule.id, doc, problem.start, undefined)) return;
      const s = problem.severity ?? severity;
      if (findings.length < MAX_FINDINGS_PER_DOCUMENT) findings.push({ ruleId: rule.id, severity: s, problem });
      else overflow.add(s);
    };
    runSafely(rule, () => rule.check({ doc, kind, apiVersion, settings, report }));
  }
  if (overflow.total > 0) {
    findings.push({ ruleId: TOO_MANY_FINDINGS, severity: overflow.severity, problem: overflowProblem(overflow, doc.text, MAX_FINDINGS_PER_DOCUMENT) });
  }
  doc.lasting.set(active.key, findings);
  return findings;
}

/** The document rules that run under some settings, with their severity: worked out once per settings object. */
interface ActiveRules {
  readonly key: string;
  readonly rules: readonly { readonly rule: DocumentRule; readonly severity: Severity }[];
}

const activeBySettings = new WeakMap<Settings, ActiveRules>();

function activeRules(settings: Settings): ActiveRules {
  let active = activeBySettings.get(settings);
  if (!active) {
    const rules: { rule: DocumentRule; severity: Severity }[] = [];
    for (const rule of DOCUMENT_RULES) {
      const severity = effectiveSeverity(rule, settings);
      if (severity !== 'off') rules.push({ rule, severity });
    }
    active = { key: `findings:${settingsKey(settings)}`, rules };
    activeBySettings.set(settings, active);
  }
  return active;
}

function fileFindings(file: ParsedFile, settings: Settings, fileWide: RuleSet | undefined): [number, Finding][] {
  const out: [number, Finding][] = [];
  for (const rule of FILE_RULES) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    const report = (docIndex: number, problem: Problem) => {
      const slot = file.docs[docIndex];
      if (slot && !isSuppressed(rule.id, slot.parsed, problem.start, fileWide)) {
        out.push([docIndex, { ruleId: rule.id, severity: problem.severity ?? severity, problem }]);
      }
    };
    runSafely(rule, () => rule.check({ file, settings, report }));
  }
  return out;
}

/** A rule that throws must not take the other rules (or the server) down with it. */
function runSafely(rule: Rule, run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(`kube-workloads: rule ${rule.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

/**
 * The diagnostics as they go to the client: without `data`. What a fix needs stays on the server
 * (`withFixData` finds it again for a code action), because at 5,000 documents `data` is a
 * quarter of every publish, which is encoded and decoded on each keystroke (issue #8).
 */
export function withoutFixData(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(wireForm);
}

/** One wire object per diagnostic, so that what is cached for it (wireEncoder.ts) stays valid. */
const wireForms = new WeakMap<Diagnostic, Diagnostic>();

function wireForm(diagnostic: Diagnostic): Diagnostic {
  let wire = wireForms.get(diagnostic);
  if (!wire) {
    const { data: _data, ...rest } = diagnostic;
    wire = rest;
    wireForms.set(diagnostic, wire);
  }
  return wire;
}

/**
 * Diagnostics a client sent back (codeAction context), each with the `data` of the matching
 * diagnostic of the current analysis: same rule, range and message. A diagnostic with no match
 * (stale, or not ours) is returned as it came.
 */
export function withFixData(sent: readonly Diagnostic[], current: readonly Diagnostic[]): Diagnostic[] {
  return sent.map((d) => {
    if (d.data !== undefined || d.source !== DIAGNOSTIC_SOURCE) return d;
    const match = current.find((c) => c.code === d.code && c.message === d.message && sameRange(c.range, d.range));
    return match?.data === undefined ? d : { ...d, data: match.data };
  });
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function toDiagnostic(file: ParsedFile, slot: DocumentSlot, f: Finding, options: DiagnosticOptions): Diagnostic {
  const doc = file.document;
  const p = f.problem;
  const diagnostic: Diagnostic = {
    range: { start: doc.positionAt(slot.start + p.start), end: doc.positionAt(slot.start + p.end) },
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: `${options.docsBase}${f.ruleId}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
    data: { ruleId: f.ruleId, docIndex: slot.index, ...p.data },
  };
  if (p.related?.length) diagnostic.relatedInformation = p.related.map((r) => toRelated(file, slot, r));
  return diagnostic;
}

function toRelated(file: ParsedFile, own: DocumentSlot, r: NonNullable<Problem['related']>[number]): DiagnosticRelatedInformation {
  const base = r.docIndex === undefined ? own.start : (file.docs[r.docIndex]?.start ?? 0);
  const doc = file.document;
  return {
    location: { uri: doc.uri, range: { start: doc.positionAt(base + r.start), end: doc.positionAt(base + r.end) } },
    message: r.message,
  };
}

function tooLargeDiagnostic(file: ParsedFile, options: DiagnosticOptions): Diagnostic {
  const { size, limit } = file.tooLarge!;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    codeDescription: { href: `${options.docsBase}file-too-large.md` },
    source: DIAGNOSTIC_SOURCE,
    message:
      `Kubernetes Workloads did not analyse this file: it is ${mb(size)}, above the ${mb(limit)} limit. ` +
      `Raise "kubeWorkloads.maxFileSize" to analyse it.`,
    data: { ruleId: 'file-too-large', size, limit },
  };
}
