/**
 * One fuzz case: every core feature over one (mutated) text. A case fails when an exception
 * escapes a feature, a rule logs an error (diagnostics catches throwing rules and logs them; a
 * throwing rule is still a bug), a call takes longer than a second, an incremental parse
 * disagrees with a fresh one, or a quick-fix, conversion or fix-all output adds YAML errors.
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { FileParser, parseFile, type ParsedFile } from '../../server/src/core/parse/parseFile';
import { locate } from '../../server/src/core/parse/navigate';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { completion } from '../../server/src/core/features/completion';
import { conversionActions, fixAll, isConvertActionData, quickFixes, resolveConversion } from '../../server/src/core/features/codeActions';
import { PLAIN_CLIENT, type FeatureContext } from '../../server/src/core/features/featureContext';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings/settings';
import { int, pick, type Random } from '../bench/manifests';

export const CALL_LIMIT_MS = 1000;
const URI = 'file:///fuzz.yaml';
const PRESETS: Settings['preset'][] = ['recommended', 'strict', 'api-only'];

/** Time spent per feature over all cases, for `npm run fuzz` to show where a run goes. */
export const FEATURE_MS = new Map<string, number>();

export interface CaseFailure {
  readonly feature: string;
  readonly detail: string;
}

/** Runs the features over `text` (after `base`, for the incremental check); answers the failures. */
export function runCase(base: string, text: string, random: Random): CaseFailure[] {
  const failures: CaseFailure[] = [];
  const logged: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  const call = <T>(feature: string, run: () => T): T | undefined => {
    const t0 = performance.now();
    try {
      return run();
    } catch (error) {
      failures.push({ feature, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      const key = feature.replace(/@.*/, '');
      FEATURE_MS.set(key, (FEATURE_MS.get(key) ?? 0) + ms);
      if (ms > CALL_LIMIT_MS) failures.push({ feature, detail: `took ${ms.toFixed(0)} ms` });
    }
  };
  try {
    const settings: Settings = { ...DEFAULT_SETTINGS, preset: pick(random, PRESETS) };
    const ctx: FeatureContext = { settings, abilities: { ...PLAIN_CLIENT, markdown: random() < 0.5 }, docsBase: 'https://example.test/' };
    const document = TextDocument.create(URI, 'yaml', 2, text);
    const file = call('parse', () => parseFile(document, { maxFileSize: settings.maxFileSize }));
    if (!file) return failures;
    call('incremental parse', () => checkIncremental(base, document, file, failures));
    const diagnostics = call('diagnostics', () => computeDiagnostics(file, settings, ctx)) ?? [];
    for (let i = 0; i < 4; i++) {
      const offset = int(random, 0, text.length);
      call(`locate@${offset}`, () => locate(file, offset));
      call(`hover@${offset}`, () => hover(file, offset, ctx));
      call(`completion@${offset}`, () => completion(file, offset, ctx));
    }
    const before = errorCount(file);
    const fixes = call('quickFixes', () => quickFixes(file, diagnostics)) ?? [];
    for (const action of fixes) checkEdited(`quick-fix "${action.title}"`, document, editsOf(action), before, failures);
    const conversions = call('conversionActions', () => conversionActions(file, int(random, 0, text.length))) ?? [];
    for (const action of conversions) {
      const resolved = isConvertActionData(action.data) ? call('resolveConversion', () => resolveConversion(file, action, action.data as never)) : undefined;
      if (resolved) checkEdited(`conversion "${action.title}"`, document, editsOf(resolved), before, failures);
    }
    const all = call('fixAll', () => fixAll(file, settings));
    if (all) checkEdited('fix-all', document, all, before, failures);
  } finally {
    console.error = originalError;
  }
  for (const line of logged) failures.push({ feature: 'console.error', detail: line });
  return failures;
}

/** Parsing `text` right after `base` with one FileParser must give what a fresh parse gives. */
function checkIncremental(base: string, document: TextDocument, fresh: ParsedFile, failures: CaseFailure[]): void {
  const parser = new FileParser();
  parser.parse(TextDocument.create(URI, 'yaml', 1, base));
  const incremental = parser.parse(document);
  const shape = (f: ParsedFile) => JSON.stringify(f.docs.map((s) => [s.start, s.parsed.text.length, s.parsed.kind, s.parsed.problems.length]));
  if (shape(incremental) !== shape(fresh)) failures.push({ feature: 'incremental parse', detail: 'differs from a fresh parse' });
}

function editsOf(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {}).flat();
}

function errorCount(file: ParsedFile): number {
  return file.docs.reduce((n, s) => n + s.parsed.problems.filter((p) => p.severity === 'error').length, 0);
}

/**
 * An edit must apply cleanly, and on valid YAML must keep it valid. (On input that is already
 * broken, a fix may land next to the damage; that is not held against it.)
 */
function checkEdited(what: string, document: TextDocument, edits: TextEdit[], before: number, failures: CaseFailure[]): void {
  try {
    const output = TextDocument.applyEdits(document, edits);
    if (before > 0) return;
    const after = errorCount(parseFile(TextDocument.create(URI, 'yaml', 1, output)));
    if (after > 0) failures.push({ feature: what, detail: `output has ${after} YAML error(s), the input had none` });
  } catch (error) {
    failures.push({ feature: what, detail: `edits do not apply: ${String(error)}` });
  }
}
