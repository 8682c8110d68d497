/**
 * What is derived from a document right after it is parsed, while its tree is certainly held.
 *
 * The trees of a large bundle do not all stay in memory (parse/treeCache.ts). Everything a
 * whole-file answer needs from every document — its findings, the facts the cross-document rules
 * read, its suppressions, the workload summary behind the CodeLens and status bar — is computed
 * here once and kept as plain data, so those answers never parse a document a second time. So
 * are a workload's defaults, which its hovers show.
 */
import type { ParsedDocument } from '../parse/parseFile';
import type { Settings } from '../settings/settings';
import { documentFindings } from './diagnostics';
import { workloadSummary } from './documentInfo';
import { fileRuleInputs } from './fileRuleInputs';
import { parsedDefaults } from './documentDefaults';

/** What diagnostics need of every document: its findings and what the file rules read of it. */
export function prepareFindings(parsed: ParsedDocument, settings: Settings): void {
  guarded(() => {
    documentFindings(parsed, settings);
    fileRuleInputs(parsed);
  });
}

/** What the server needs: the findings, and the summary behind the CodeLens and status bar. */
export function prepareDocument(parsed: ParsedDocument, settings: Settings): void {
  prepareFindings(parsed, settings);
  guarded(() => workloadSummary(parsed));
  if (parsed.isWorkload) guarded(() => parsedDefaults(parsed, settings.kubernetesVersion));
}

/**
 * This runs inside the parse that every feature waits for: a failure here must not take the whole
 * file down. Whatever failed is derived again where it is used, inside that feature's guard.
 */
function guarded(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error(`kube-workloads: analysing a document failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
