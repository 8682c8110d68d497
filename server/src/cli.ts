/**
 * kube-workloads CLI: the language server's checks for CI.
 *
 *   kube-workloads check <files|dirs|globs…> [--format text|json|sarif]
 *                        [--kubernetes-version 1.xx] [--config file]
 *
 * Exit status: 0 without errors, 1 when any error was found, 2 on a usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from './core/features/diagnostics';
import { parseFile } from './core/parse/parseFile';
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
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return (json['kubeWorkloads'] as Record<string, unknown> | undefined) ?? json;
  } catch (error) {
    throw new UsageError(`Config file "${file}" is not valid JSON: ${(error as Error).message}`);
  }
}

const YAML_FILE = /\.ya?ml$/i;

/** Expands files, directories (recursively, YAML files only) and simple globs (`*`, `**`). */
function expandInputs(inputs: readonly string[]): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      for (const f of expandGlob(input)) files.add(f);
      continue;
    }
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`No such file or directory: ${input}`);
    if (stat.isDirectory()) for (const f of walk(input)) files.add(f);
    else files.add(input);
  }
  return [...files].sort();
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
  const regex = new RegExp(
    '^' +
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]') +
      '$',
  );
  const candidates = fs.existsSync(root) ? allFiles(root) : [];
  return candidates.filter((f) => regex.test(f.split(path.sep).join('/')));
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

function checkFile(file: string, settings: Settings, docsBase: string): FileReport {
  const text = fs.readFileSync(file, 'utf8');
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'yaml', 1, text);
  const diagnostics: Diagnostic[] = computeDiagnostics(parseFile(document, { maxFileSize: settings.maxFileSize }), settings, { docsBase });
  return { file, diagnostics };
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
  const reports = files.map((f) => checkFile(f, options.settings, docsBase));
  const format = { text: formatText, json: formatJson, sarif: formatSarif }[options.format];
  out(format(reports, docsBase));
  return reports.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
