/**
 * kube-workloads CLI: the language server's checks for CI.
 *
 *   kube-workloads check <files|dirs|globs…> [--format text|json|sarif]
 *                        [--kubernetes-version 1.xx] [--config file]
 *
 * Exit status: 0 without errors, 1 when any error was found, 2 on a usage error (unknown option,
 * no files, a missing file, a bad version) or an input it could not read (an unreadable file or
 * folder, a broken link, a FIFO or device), 3 when a file or document was read but not analysed
 * (over maxFileSize, a document over MAX_DOCUMENT_SIZE, binary). `--skip-unanalysable` lists the inputs of 2 and 3 without failing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandInputs, readInput, UsageError, type Unanalysed } from './cliInputs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from './core/features/diagnostics';
import { MAX_DOCUMENT_SIZE, parseFile, type ParsedDocument } from './core/parse/parseFile';
import { prepareFindings } from './core/features/prepareDocument';
import { KUBERNETES_VERSIONS, normalizeSettings, type Settings } from './core/settings/settings';
import { escapeControls, formatJson, formatSarif, formatText, type FileReport } from './cliFormat';

interface CliOptions {
  readonly inputs: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly settings: Settings;
  /** Files that could not be analysed are listed on stderr but do not fail the run. */
  readonly skipUnanalysable: boolean;
}

const USAGE = `Usage: kube-workloads check <files|dirs|globs…> [--format text|json|sarif] [--kubernetes-version 1.xx] [--config file] [--skip-unanalysable]`;

function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  const inputs: string[] = [];
  let format: CliOptions['format'] = 'text';
  let version: string | undefined;
  let config: Record<string, unknown> = {};
  let skipUnanalysable = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split('=', 2) as [string, string | undefined]) : [arg, undefined];
    const value = () => inline ?? rest[++i] ?? missing(flag);
    if (flag === '--format') format = oneOf(value(), ['text', 'json', 'sarif'], '--format');
    else if (flag === '--kubernetes-version') version = oneOf(value(), KUBERNETES_VERSIONS, '--kubernetes-version');
    else if (flag === '--config') config = readConfig(value());
    else if (arg === '--skip-unanalysable') skipUnanalysable = true;
    else if (flag.startsWith('--')) throw new UsageError(`Unknown option "${flag}".`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('No files given.');
  const settings = normalizeSettings({ ...config, ...(version ? { kubernetesVersion: version } : {}) });
  return { inputs, format, settings, skipUnanalysable };
}

function missing(flag: string): never {
  throw new UsageError(`${flag} needs a value.`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

/** A JSON file holding the same keys as the `kubeWorkloads` settings section. */
function readConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read config file "${file}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Config file "${file}" is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new UsageError(`Config file "${file}" must hold a JSON object with the kubeWorkloads settings.`);
  const section = json['kubeWorkloads'];
  if (isObject(section)) return section;
  // A VS Code settings.json: "kubeWorkloads.rules": {…}, "kubeWorkloads.preset": "strict".
  const flat = Object.entries(json).filter(([key]) => key.startsWith('kubeWorkloads.'));
  return flat.length > 0 ? Object.fromEntries(flat.map(([key, value]) => [key.slice('kubeWorkloads.'.length), value])) : json;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFile(file: string, settings: Settings, docsBase: string): (FileReport & { readonly oversized?: Unanalysed }) | Unanalysed {
  const read = readInput(file, settings.maxFileSize);
  if (!('text' in read)) return read;
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'yaml', 1, read.text);
  // Findings are derived while each tree is held, so a bundle larger than the tree budget is
  // parsed once, not twice.
  const onDocument = (parsed: ParsedDocument) => prepareFindings(parsed, settings);
  const parsed = parseFile(document, { maxFileSize: settings.maxFileSize, onDocument });
  const diagnostics: Diagnostic[] = computeDiagnostics(parsed, settings, { docsBase });
  // A document too large to analyse (parseFile.ts, MAX_DOCUMENT_SIZE) fails the gate like a file.
  const oversized = parsed.docs.filter((slot) => slot.parsed.problems.some((p) => p.code === 'DOCUMENT_TOO_LARGE'));
  if (oversized.length === 0) return { file, diagnostics };
  const reason = `not analysed: ${oversized.length === 1 ? 'a document is' : `${oversized.length} documents are`} larger than ${(MAX_DOCUMENT_SIZE / 1024 / 1024).toFixed(1)} MB`;
  return { file, diagnostics, oversized: { file, reason, kind: 'unanalysable' } };
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    out(`${CLI_VERSION}\n`);
    return 0;
  }
  let options: CliOptions;
  let expanded: ReturnType<typeof expandInputs>;
  try {
    options = parseArgs(argv);
    expanded = expandInputs(options.inputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`kube-workloads: ${escapeControls(error.message)}\n${USAGE}\n`);
    return 2;
  }
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
  const results = expanded.files.map((f) => checkFile(f, options.settings, docsBase));
  const reports = results.filter((r): r is FileReport => 'diagnostics' in r);
  const unanalysed = [...expanded.unreadable, ...results.flatMap((r) => ('diagnostics' in r ? (r.oversized ? [r.oversized] : []) : [r]))];
  const format = { text: formatText, json: formatJson, sarif: formatSarif }[options.format];
  out(format(reports, docsBase));
  return exitStatus(reports, unanalysed, options.skipUnanalysable, err);
}

/**
 * 2 when an input could not be read, 3 when a file was read but not analysed (too large, binary),
 * 1 when an error was found, else 0. With --skip-unanalysable the first two are only listed.
 */
function exitStatus(reports: readonly FileReport[], unanalysed: readonly Unanalysed[], skip: boolean, err: (s: string) => void): number {
  for (const u of unanalysed) err(`kube-workloads: ${escapeControls(u.file)}: ${u.reason}${skip ? ' (skipped: --skip-unanalysable)' : ''}\n`);
  if (!skip && unanalysed.length > 0) {
    err(`kube-workloads: ${unanalysed.length} input${unanalysed.length === 1 ? ' was' : 's were'} not analysed; the run fails (--skip-unanalysable lets it pass).\n`);
    return unanalysed.some((u) => u.kind === 'unreadable') ? 2 : 3;
  }
  return reports.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

declare const CLI_VERSION: string;

if (require.main === module && process.argv[2] === 'mcp') {
  // `kube-workloads mcp`: the agent interface, its own bundle (server/src/mcp/mcpServer.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mcp = require('./mcp.js') as { runMcp(argv: readonly string[], err: (s: string) => void): Promise<number> };
  void mcp.runMcp(process.argv.slice(3), (s) => process.stderr.write(s)).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
} else if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
