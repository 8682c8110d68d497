/**
 * kube-workloads CLI: the language server's checks for CI.
 *
 *   kube-workloads check <files|dirs|globs…> [--format text|json|sarif]
 *                        [--kubernetes-version 1.xx] [--config file]
 *
 * Exit status: 0 without errors, 1 when any error was found, 2 on a usage error (unknown option,
 * no files, a missing or unreadable file, a bad version). Binary files are skipped with a note.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from './core/features/diagnostics';
import { parseFile, type ParsedDocument } from './core/parse/parseFile';
import { prepareFindings } from './core/features/prepareDocument';
import { KUBERNETES_VERSIONS, normalizeSettings, type Settings } from './core/settings/settings';
import { formatJson, formatSarif, formatText, type FileReport } from './cliFormat';

class UsageError extends Error {}

interface CliOptions {
  readonly inputs: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly settings: Settings;
}

const USAGE = `Usage: kube-workloads check <files|dirs|globs…> [--format text|json|sarif] [--kubernetes-version 1.xx] [--config file]`;

function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'check') throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  const inputs: string[] = [];
  let format: CliOptions['format'] = 'text';
  let version: string | undefined;
  let config: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.split('=', 2) as [string, string | undefined]) : [arg, undefined];
    const value = () => inline ?? rest[++i] ?? missing(flag);
    if (flag === '--format') format = oneOf(value(), ['text', 'json', 'sarif'], '--format');
    else if (flag === '--kubernetes-version') version = oneOf(value(), KUBERNETES_VERSIONS, '--kubernetes-version');
    else if (flag === '--config') config = readConfig(value());
    else if (flag.startsWith('--')) throw new UsageError(`Unknown option "${flag}".`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('No files given.');
  const settings = normalizeSettings({ ...config, ...(version ? { kubernetesVersion: version } : {}) });
  return { inputs, format, settings };
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

const YAML_FILE = /\.ya?ml$/i;

/** Expands files, directories (recursively, YAML files only) and simple globs (`*`, `**`). */
function expandInputs(inputs: readonly string[]): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const matched = expandGlob(input);
      if (matched.length === 0) throw new UsageError(`No files match ${input}`);
      for (const f of matched) files.add(f);
      continue;
    }
    const stat = statOf(input);
    if (!stat) throw new UsageError(`No such file or directory: ${input}`);
    if (stat.isDirectory()) for (const f of walk(input)) files.add(f);
    else files.add(input);
  }
  return [...files].sort();
}

function statOf(input: string): fs.Stats | undefined {
  try {
    return fs.statSync(input, { throwIfNoEntry: false });
  } catch (error) {
    // ELOOP (a symlink cycle), EACCES on a parent folder …: say which input, do not crash.
    throw new UsageError(`Cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
  const root = parts.slice(0, firstGlob).join('/') || '.';
  const regex = globToRegExp(pattern);
  const candidates = fs.existsSync(root) ? allFiles(root) : [];
  return candidates.filter((f) => regex.test(f.split(path.sep).join('/')));
}

/** `**` matches any number of folders, `*` and `?` stay within one path segment. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = dir === '.' ? entry.name : path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** A file we could not check, and why (printed on stderr). */
interface Skipped {
  readonly file: string;
  readonly reason: string;
  /** Unreadable files make the run fail; binary files are only mentioned. */
  readonly fatal: boolean;
}

function checkFile(file: string, settings: Settings, docsBase: string): FileReport | Skipped {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    return { file, reason: `cannot read it: ${reason}`, fatal: true };
  }
  // A NUL byte in the first 8 KB means a binary file, not a manifest.
  if (bytes.subarray(0, 8192).includes(0)) return { file, reason: 'skipped: it is a binary file, not YAML', fatal: false };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'yaml', 1, text);
  // Findings are derived while each tree is held, so a bundle larger than the tree budget is
  // parsed once, not twice.
  const onDocument = (parsed: ParsedDocument) => prepareFindings(parsed, settings);
  const parsed = parseFile(document, { maxFileSize: settings.maxFileSize, onDocument });
  const diagnostics: Diagnostic[] = computeDiagnostics(parsed, settings, { docsBase });
  return { file, diagnostics };
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
  let files: string[];
  try {
    options = parseArgs(argv);
    files = expandInputs(options.inputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`kube-workloads: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
  const results = files.map((f) => checkFile(f, options.settings, docsBase));
  const reports = results.filter((r): r is FileReport => 'diagnostics' in r);
  const skipped = results.filter((r): r is Skipped => !('diagnostics' in r));
  for (const s of skipped) err(`kube-workloads: ${s.file}: ${s.reason}\n`);
  const format = { text: formatText, json: formatJson, sarif: formatSarif }[options.format];
  out(format(reports, docsBase));
  if (skipped.some((s) => s.fatal)) return 2;
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
