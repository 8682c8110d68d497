/**
 * Diagnostics: runs the rule catalogue over a parsed file and turns findings into LSP values.
 *
 * Per-document findings are memoised on the parsed document (keyed by settings), so an edit
 * re-runs the document rules of the edited document only. File rules (cross-document links)
 * run over cheap per-document facts on every pass.
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import type { DocumentSlot, ParsedFile } from '../parse/parseFile';
import { DOCUMENT_RULES, FILE_RULES, RULES_BY_ID } from '../rules';
import type { Problem, Rule } from '../rules/ruleTypes';
import { fileSuppressions, isSuppressed, type RuleSet } from '../rules/suppression';
import { settingsKey, type Settings, type Severity, type SeverityOrOff } from '../settings/settings';

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

/** The severity a rule runs at under these settings: preset first, then the user's overrides. */
export function effectiveSeverity(rule: Rule, settings: Settings): SeverityOrOff {
  const override = settings.rules[rule.id];
  if (override) return override;
  if (rule.category !== 'best-practice') return rule.defaultSeverity;
  if (settings.preset === 'api-only') return 'off';
  if (settings.preset === 'strict') return 'warning';
  return rule.defaultSeverity;
}

export function computeDiagnostics(file: ParsedFile, settings: Settings, options: DiagnosticOptions): Diagnostic[] {
  if (file.tooLarge) return file.isKubernetes ? [tooLargeDiagnostic(file, options)] : [];
  if (!file.isKubernetes) return [];
  const fileWide = fileSuppressions(file);
  const out: Diagnostic[] = [];
  for (const slot of file.docs) {
    for (const f of documentFindings(slot, settings)) {
      if (!isSuppressed(f.ruleId, slot.parsed, f.problem.start, fileWide)) out.push(toDiagnostic(file, slot, f, options));
    }
  }
  for (const [docIndex, f] of fileFindings(file, settings, fileWide)) {
    out.push(toDiagnostic(file, file.docs[docIndex]!, f, options));
  }
  return out;
}

/** Findings of the document rules for one workload document, memoised on the parse. */
export function documentFindings(slot: DocumentSlot, settings: Settings): readonly Finding[] {
  const doc = slot.parsed;
  if (!doc.isWorkload || doc.apiVersion === undefined) return [];
  const key = `findings:${settingsKey(settings)}`;
  const cached = doc.memo.get(key) as Finding[] | undefined;
  if (cached) return cached;
  const findings: Finding[] = [];
  for (const rule of DOCUMENT_RULES) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off' || (rule.kinds && !rule.kinds.includes(doc.kind as never))) continue;
    const report = (problem: Problem) => findings.push({ ruleId: rule.id, severity: problem.severity ?? severity, problem });
    runSafely(rule, () =>
      rule.check({ slot, doc, kind: doc.kind as never, apiVersion: doc.apiVersion!, settings, report }),
    );
  }
  doc.memo.set(key, findings);
  return findings;
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
  if (p.related?.length) diagnostic.relatedInformation = p.related.map((r) => toRelated(file, r));
  return diagnostic;
}

function toRelated(file: ParsedFile, r: NonNullable<Problem['related']>[number]): DiagnosticRelatedInformation {
  const slot = file.docs[r.docIndex];
  const base = slot?.start ?? 0;
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

/** Rule metadata for a diagnostic code, when it is one of ours. */
export function ruleOf(code: unknown): Rule | undefined {
  return typeof code === 'string' ? RULES_BY_ID.get(code) : undefined;
}
