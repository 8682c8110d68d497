/**
 * Diagnostics as annotations under the offending span, one string in, one string out:
 *
 *     spec:
 *       replicass: 3
 *     # ^^^^^^^^^ error unknown-field: Unknown field "replicass" in DeploymentSpec. Did you mean "replicas"?
 *
 * `checkAnnotated(text)` strips the annotation lines, analyses the rest and returns the text
 * annotated with what the analyser found, so a test is `assert.equal(checkAnnotated(t), t)`.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { normalizeSettings, type Settings } from '../../server/src/core/settings/settings';

const ANNOTATION = /^(#[ \t]*)?\^+ (error|warning|info|hint) /;
const WORD = ['', 'error', 'warning', 'info', 'hint'];

export function stripAnnotations(text: string): string {
  return text
    .split('\n')
    .filter((l) => !ANNOTATION.test(l))
    .join('\n');
}

export function diagnose(text: string, settings: Partial<Settings> | Record<string, unknown> = {}, uri = 'file:///test.yaml'): Diagnostic[] {
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const s = normalizeSettings(settings);
  return computeDiagnostics(parseFile(document, { maxFileSize: s.maxFileSize }), s, { docsBase: 'file:///docs/rules/' });
}

/** Renders diagnostics as annotation lines after the line where each starts. */
export function annotate(text: string, diagnostics: readonly Diagnostic[], only?: (d: Diagnostic) => boolean): string {
  const src = text.split('\n');
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    if (only && !only(d)) continue;
    const list = byLine.get(d.range.start.line) ?? [];
    list.push(d);
    byLine.set(d.range.start.line, list);
  }
  const out: string[] = [];
  src.forEach((line, i) => {
    out.push(line);
    const list = (byLine.get(i) ?? []).sort((a, b) => a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));
    for (const d of list) out.push(annotationLine(line, d));
  });
  return out.join('\n');
}

function annotationLine(line: string, d: Diagnostic): string {
  const col = d.range.start.character;
  const endCol = d.range.end.line === d.range.start.line ? d.range.end.character : line.length;
  const width = Math.max(1, endCol - col);
  const lead = col === 0 ? '' : '#' + ' '.repeat(col - 1);
  return `${lead}${'^'.repeat(width)} ${WORD[d.severity ?? DiagnosticSeverity.Error]} ${String(d.code)}: ${d.message}`;
}

/**
 * Strips annotations, analyses, re-annotates. Pass `rules` to look at some rules only (the
 * others' findings are left out of the output).
 */
export function checkAnnotated(text: string, options: { settings?: Record<string, unknown>; rules?: readonly string[] } = {}): string {
  const source = stripAnnotations(text);
  const diagnostics = diagnose(source, options.settings ?? {});
  const rules = options.rules;
  return annotate(source, diagnostics, rules ? (d) => rules.includes(String(d.code)) : undefined);
}
