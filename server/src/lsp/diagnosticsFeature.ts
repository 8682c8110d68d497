/**
 * Diagnostics over LSP: pull (textDocument/diagnostic) when the client supports it, push
 * (publishDiagnostics) otherwise. Edits arriving in a burst coalesce into one analysis.
 */
import { DocumentDiagnosticReportKind, type ClientCapabilities, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics, withoutFixData } from '../core/features/diagnostics';
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
      const diagnose = async (document: TextDocument): Promise<Diagnostic[]> => {
        const context = await host.contextFor(document.uri);
        return withoutFixData(computeDiagnostics(host.fileFor(document, context.settings), context.settings, { docsBase: context.docsBase }));
      };
      // register() runs before initialize tells us the client's capabilities, so both handlers
      // are installed and the mode is read when they fire.
      registerPull(host, diagnose, () => pullMode);
      registerPush(host, diagnose, () => !pullMode);
    },
  };
}

function registerPull(host: ServerHost, diagnose: (d: TextDocument) => Promise<Diagnostic[]>, active: () => boolean): void {
  host.connection.languages.diagnostics.on(async (params) => {
    const document = host.documents.get(params.textDocument.uri);
    const items = document ? await host.guard('diagnostics', () => diagnose(document)) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items: Array.isArray(items) ? items : [] };
  });
  host.onSettingsChanged.push(() => {
    if (active()) void host.connection.languages.diagnostics.refresh().catch(() => undefined);
  });
}

function registerPush(host: ServerHost, diagnose: (d: TextDocument) => Promise<Diagnostic[]>, active: () => boolean): void {
  const timers = new Map<string, { cancel(): void }>();
  const publish = async (uri: string) => {
    timers.delete(uri);
    const document = host.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const diagnostics = await host.guard('diagnostics', () => diagnose(document));
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
