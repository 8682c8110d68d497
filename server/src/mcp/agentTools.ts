/**
 * What `kube-workloads mcp` answers, over YAML text: the same analysis, hovers, quick-fixes and
 * conversions as the language server, as plain data for a coding agent. No file system here (the
 * MCP server reads files, under its root, and passes their text); positions are LSP positions,
 * 0-based lines and UTF-16 columns, so a finding's range can be handed back to `explain`.
 *
 *   check(text)               → [{ index: 0, rule: 'unknown-field', range, message, fixes: ['Rename to "replicas"'] }]
 *   fix(text, { finding: 0 }) → { text: '…replicas: 2…', applied: ['Rename to "replicas"'] }
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, MarkupKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../core/features/diagnostics';
import { fixAll, quickFixes } from '../core/features/codeActions';
import { hover } from '../core/features/hover';
import { prepareFindings } from '../core/features/prepareDocument';
import type { ClientAbilities } from '../core/features/featureContext';
import { convertWorkload, ConversionError } from '../core/convert/convertWorkload';
import { parseFile, type ParsedDocument, type ParsedFile, type WorkloadKind } from '../core/parse/parseFile';
import type { Settings } from '../core/settings/settings';
import { AgentInputError } from './agentInputError';
import { explainDocument } from './explainPath';


export interface Finding {
  /** Position in this answer's list; `fix` takes it back for the same text and settings. */
  readonly index: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly range: Range;
  readonly message: string;
  /** The quick-fixes on offer, by title; the first preferred one is what `fix` applies by default. */
  readonly fixes: readonly { readonly title: string; readonly preferred: boolean }[];
  readonly docs?: string;
}

/** Markdown for the agent to read; no `command:` links (they only work inside VS Code). */
const AGENT: ClientAbilities = { markdown: true, completionMarkdown: true, snippets: false, commandLinks: false };
const SEVERITIES = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' } as const;

interface Analysis {
  readonly file: ParsedFile;
  readonly diagnostics: readonly Diagnostic[];
}

function analyse(text: string, settings: Settings, docsBase: string, uri: string): Analysis {
  if (text.length > settings.maxFileSize) throw new AgentInputError(`The text is ${text.length} characters, above the limit of ${settings.maxFileSize} (setting maxFileSize).`);
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const file = parseFile(document, { maxFileSize: settings.maxFileSize, onDocument: (parsed: ParsedDocument) => prepareFindings(parsed, settings) });
  return { file, diagnostics: computeDiagnostics(file, settings, { docsBase }) };
}

export function check(text: string, settings: Settings, docsBase: string, uri = 'untitled:manifest.yaml'): Finding[] {
  const { file, diagnostics } = analyse(text, settings, docsBase, uri);
  return diagnostics.map((d, index) => ({
    index,
    rule: String(d.code),
    severity: SEVERITIES[d.severity ?? DiagnosticSeverity.Error],
    range: d.range,
    message: typeof d.message === 'string' ? d.message : d.message.value,
    fixes: quickFixes(file, [d]).map((a) => ({ title: a.title, preferred: !!a.isPreferred })),
    ...(d.codeDescription ? { docs: d.codeDescription.href } : {}),
  }));
}

export interface FixResult {
  readonly text: string;
  readonly applied: readonly string[];
  /** What is still reported in the new text, by rule id and count. */
  readonly remaining: Readonly<Record<string, number>>;
}

/** Applies one finding's fix (its preferred one, or the one titled `title`), or every safe fix. */
export function fix(text: string, settings: Settings, docsBase: string, which: { finding?: number; title?: string; all?: boolean }): FixResult {
  const { file, diagnostics } = analyse(text, settings, docsBase, 'untitled:manifest.yaml');
  let edits: TextEdit[];
  let applied: string[];
  if (which.all) {
    edits = fixAll(file, settings);
    applied = edits.length ? ['every preferred fix that does not collide with another'] : [];
  } else {
    if (which.finding === undefined) throw new AgentInputError('Give "finding" (an index from check) or "all": true.');
    const diagnostic = diagnostics[which.finding];
    if (!diagnostic) throw new AgentInputError(`There is no finding ${which.finding}: check lists ${diagnostics.length} for this text and settings.`);
    const actions = quickFixes(file, [diagnostic]);
    const chosen = which.title === undefined ? (actions.find((a) => a.isPreferred) ?? actions[0]) : actions.find((a) => a.title === which.title);
    if (!chosen) {
      const offered = actions.length ? `the fixes are: ${actions.map((a) => JSON.stringify(a.title)).join(', ')}` : 'it has no fix';
      throw new AgentInputError(`Finding ${which.finding} (${String(diagnostic.code)}): ${which.title === undefined ? offered : `no fix titled ${JSON.stringify(which.title)}; ${offered}`}.`);
    }
    edits = chosen.edit?.changes?.[file.document.uri] ?? [];
    applied = [chosen.title];
  }
  const next = TextDocument.applyEdits(file.document, edits);
  const remaining: Record<string, number> = {};
  for (const d of analyse(next, settings, docsBase, 'untitled:manifest.yaml').diagnostics) remaining[String(d.code)] = (remaining[String(d.code)] ?? 0) + 1;
  return { text: next, applied, remaining };
}

/** The hover at a position of the text, as Markdown; undefined where the language server shows none. */
export function explainAt(text: string, settings: Settings, docsBase: string, at: { line: number; character: number }): string | undefined {
  const { file } = analyse(text, settings, docsBase, 'untitled:manifest.yaml');
  const lines = file.document.lineCount;
  if (at.line >= lines) throw new AgentInputError(`line ${at.line} is past the end of the text (it has ${lines} lines, counted from 0).`);
  const answer = hover(file, file.document.offsetAt(at), { settings, abilities: AGENT, docsBase });
  return answer && typeof answer.contents === 'object' && 'kind' in answer.contents && answer.contents.kind === MarkupKind.Markdown ? answer.contents.value : undefined;
}

/** The hover of a field path of a kind (`spec.template.spec.containers[0].livenessProbe`). */
export function explainField(kind: WorkloadKind, fieldPath: string, settings: Settings, docsBase: string): string | undefined {
  const { text, position } = explainDocument(kind, fieldPath);
  return explainAt(text, settings, docsBase, position);
}

export interface ConvertResult {
  readonly text: string;
  readonly dropped: readonly string[];
  readonly notes: readonly string[];
}

/** Converts a workload document (the first workload unless `document` says which) to another kind. */
export function convert(text: string, settings: Settings, targetKind: WorkloadKind, document: number | undefined): ConvertResult {
  const { file } = analyse(text, settings, '', 'untitled:manifest.yaml');
  const index = document ?? file.docs.findIndex((slot) => slot.parsed.isWorkload);
  if (index < 0) throw new AgentInputError('The text holds no Deployment, StatefulSet, DaemonSet or ReplicaSet.');
  if (!file.docs[index]) throw new AgentInputError(`There is no document ${index}: the text holds ${file.docs.length} (counted from 0).`);
  try {
    const result = convertWorkload(file, index, targetKind);
    return { text: TextDocument.applyEdits(file.document, result.edits), dropped: result.dropped, notes: result.notes };
  } catch (error) {
    if (error instanceof ConversionError) throw new AgentInputError(error.message);
    throw error;
  }
}
