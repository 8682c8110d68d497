/**
 * Output formats of the CLI: compiler-style text, JSON, and SARIF 2.1.0 for code scanning.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ALL_RULES } from './core/rules';

export interface FileReport {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

const WORD: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

const SARIF_LEVEL: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

function severityOf(d: Diagnostic): DiagnosticSeverity {
  return d.severity ?? DiagnosticSeverity.Error;
}

/**
 * Control characters in a file name or message, written as escapes: a value holding
 * "\n::error file=good.yaml::forged" must not start a line of its own, where CI would read a
 * workflow command. Line and paragraph separators and bidirectional overrides are escaped too.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `file:line:col: severity rule-id: message`, then a summary line; control characters escaped. */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 } as Record<string, number>;
  for (const { file, diagnostics } of reports) {
    for (const d of sortByPosition(diagnostics)) {
      const word = WORD[severityOf(d)];
      counts[word] = (counts[word] ?? 0) + 1;
      lines.push(`${escapeControls(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${word} ${escapeControls(String(d.code))}: ${escapeControls(typeof d.message === 'string' ? d.message : d.message.value)}`);
    }
  }
  const files = reports.length;
  lines.push(
    `${files} file${files === 1 ? '' : 's'} checked: ${counts['error']} error${counts['error'] === 1 ? '' : 's'}, ` +
      `${counts['warning']} warning${counts['warning'] === 1 ? '' : 's'}, ${counts['info']! + counts['hint']!} info`,
  );
  return lines.join('\n') + '\n';
}

function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map(({ file, diagnostics }) => ({
    file,
    diagnostics: sortByPosition(diagnostics).map((d) => ({
      rule: d.code,
      severity: WORD[severityOf(d)],
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

/** SARIF 2.1.0 with rule metadata and help URIs, as GitHub code scanning expects. */
export function formatSarif(reports: readonly FileReport[], docsBase: string): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: `${docsBase}${r.id}.md`,
    defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[toLsp(r.defaultSeverity)] },
    properties: { category: r.category },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap(({ file, diagnostics }) =>
    sortByPosition(diagnostics).map((d) => ({
      ruleId: String(d.code),
      ...(index.has(String(d.code)) ? { ruleIndex: index.get(String(d.code)) } : {}),
      level: SARIF_LEVEL[severityOf(d)],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    // LSP positions count UTF-16 code units; say so, since SARIF's default is Unicode code points.
    runs: [{ tool: { driver: { name: 'kube-workloads', semanticVersion: CLI_VERSION, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * Code scanning matches results to files by a URI relative to the repository root, so paths
 * under the working directory are given relative (with forward slashes, percent-encoded);
 * a file outside it keeps an absolute file: URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(path.resolve(file)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function toLsp(s: 'error' | 'warning' | 'info' | 'hint'): DiagnosticSeverity {
  return { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[s];
}

declare const CLI_VERSION: string;
