/**
 * Diagnostics over LSP: pull (textDocument/diagnostic) when the client supports it, push
 * (publishDiagnostics) otherwise. Edits arriving in a burst coalesce into one analysis.
 *
 * VS Code pulls after every edit. Most keystrokes leave a file's diagnostics as they were (typing
 * inside a value, a comment, a name), and a full report of a large bundle is half a megabyte the
 * editor decodes and turns into markers again. So each report gets a result id, and a pull that
 * names one of the last few gets an "unchanged" report when nothing differs from it (the client
 * keeps the id it had when it cancels a pull, as it does while the user types).
 */
import { DocumentDiagnosticReportKind, type ClientCapabilities, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics, withoutFixData } from '../core/features/diagnostics';
import { sameValue } from '../core/features/fileRuleInputs';
import type { FeatureRegistration, ServerHost } from './serverHost';

/**
 * Runs `run` once the messages already received have been handled. vscode-jsonrpc handles one
 * queued message per setImmediate turn, so a second hop lets a burst of didChange notifications
 * that arrived together reschedule the analysis before it starts: rapid typing still coalesces
 * into one analysis, without a fixed delay on every edit (issue #8: edit → diagnostics).
 */
function afterPendingMessages(run: () => void): { cancel(): void } {
  let inner: ReturnType<typeof setImmediate> | undefined;
  const outer = setImmediate(() => {
    inner = setImmediate(run);
  });
  return {
    cancel() {
      clearImmediate(outer);
      if (inner) clearImmediate(inner);
    },
  };
}

export function createDiagnosticsFeature(): FeatureRegistration {
  let pullMode = false;
  return {
    capabilities(client: ClientCapabilities) {
      pullMode = !!client.textDocument?.diagnostic;
      return pullMode
        ? { diagnosticProvider: { identifier: 'kube-workloads', interFileDependencies: false, workspaceDiagnostics: false } }
        : {};
    },
    register(host) {
      /**
       * The document's diagnostics, or undefined when, by the time the analysis could run, the
       * document was closed or the answer is no longer `wanted`: a newer request has its own.
       * Waiting for a large file's first analysis can take seconds, during which both happen.
       */
      const diagnose = async (document: TextDocument, wanted: () => boolean): Promise<Diagnostic[] | undefined> => {
        await host.ready(document.uri);
        const context = await host.contextFor(document.uri);
        if (!wanted() || host.documents.get(document.uri) !== document) return undefined;
        return withoutFixData(computeDiagnostics(host.fileFor(document, context.settings), context.settings, { docsBase: context.docsBase }));
      };
      // register() runs before initialize tells us the client's capabilities, so both handlers
      // are installed and the mode is read when they fire.
      registerPull(host, diagnose, () => pullMode);
      registerPush(host, diagnose, () => !pullMode);
    },
  };
}

type Diagnose = (document: TextDocument, wanted: () => boolean) => Promise<Diagnostic[] | undefined>;

/** How many of a file's last full reports a pull may name to be answered "unchanged". */
const REPORTS_KEPT = 4;

function registerPull(host: ServerHost, diagnose: Diagnose, active: () => boolean): void {
  const lastReports = new Map<string, { resultId: string; items: readonly Diagnostic[] }[]>();
  let reports = 0;
  host.connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const document = host.documents.get(uri);
    const analysed = document ? await host.guard('diagnostics', () => diagnose(document, () => !token.isCancellationRequested)) : [];
    // Closed or cancelled meanwhile (the client drops this answer), or failed: an empty report,
    // never kept as one to compare with.
    if (!Array.isArray(analysed)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const kept = lastReports.get(uri) ?? [];
    const named = kept.find((r) => r.resultId === params.previousResultId);
    if (named && sameDiagnostics(named.items, analysed)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: named.resultId };
    }
    const resultId = String(++reports);
    if (document && host.documents.get(uri) === document) lastReports.set(uri, [...kept.slice(1 - REPORTS_KEPT), { resultId, items: analysed }]);
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysed };
  });
  host.documents.onDidClose((e) => lastReports.delete(e.document.uri));
  host.onSettingsChanged.push(() => {
    if (active()) void host.connection.languages.diagnostics.refresh().catch(() => undefined);
  });
}

/**
 * Whether two reports say the same. The analysis hands out the same diagnostic objects for the
 * documents an edit left where they were, so mostly only the others (the edited document's, those
 * after a change of line count, the cross-document ones) are compared field by field.
 */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || sameValue(d, b[i]));
}

function registerPush(host: ServerHost, diagnose: Diagnose, active: () => boolean): void {
  const timers = new Map<string, { cancel(): void }>();
  const publish = async (uri: string) => {
    timers.delete(uri);
    const document = host.documents.get(uri);
    if (!document) return;
    const version = document.version;
    // Once edited again, a newer publish is scheduled and this one has nothing to say.
    const diagnostics = await host.guard('diagnostics', () => diagnose(document, () => host.documents.get(uri)?.version === version));
    // A newer edit has its own analysis queued; do not publish a stale answer over it.
    if (!Array.isArray(diagnostics) || host.documents.get(uri)?.version !== version) return;
    await host.connection.sendDiagnostics({ uri, version, diagnostics });
  };
  const schedule = (uri: string) => {
    if (!active()) return;
    timers.get(uri)?.cancel();
    timers.set(uri, afterPendingMessages(() => void publish(uri)));
  };
  host.documents.onDidOpen((e) => schedule(e.document.uri));
  host.documents.onDidChangeContent((e) => schedule(e.document.uri));
  host.documents.onDidClose((e) => {
    timers.get(e.document.uri)?.cancel();
    timers.delete(e.document.uri);
    if (active()) void host.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  host.onSettingsChanged.push(() => {
    for (const document of host.documents.all()) schedule(document.uri);
  });
}
