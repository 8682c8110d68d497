/**
 * startServer: capabilities and one-line handlers into the core. Nothing else lives here.
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { ChunkedTextDocument } from '../core/parse/chunkedDocument';
import { normalizeSettings } from '../core/settings/settings';
import { createDiagnosticsFeature } from './diagnosticsFeature';
import { createDocumentInfoFeature } from './documentInfoRequest';
import { createHoverFeature } from './hoverFeature';
import { createCompletionFeature } from './completionFeature';
import { createKindFactsFeature } from './kindFactsRequest';
import { createCodeActionFeature } from './codeActionFeature';
import { createConvertRequest } from './convertRequest';
import { createInlayHintFeature } from './inlayHintFeature';
import { createEffectiveManifestRequest } from './effectiveManifestRequest';
import { ServerHost, type FeatureRegistration, type ServerOptions } from './serverHost';

/** Every LSP feature of the server, each in its own module. */
function createFeatures(): FeatureRegistration[] {
  return [
    createDiagnosticsFeature(),
    createHoverFeature(),
    createCompletionFeature(),
    createCodeActionFeature(),
    createConvertRequest(),
    createDocumentInfoFeature(),
    createKindFactsFeature(),
    createInlayHintFeature(),
    createEffectiveManifestRequest(),
  ];
}

export function startServer(connection: Connection, options: ServerOptions): void {
  // Chunked: an edit of a large bundle rebuilds one chunk, not the whole text (chunkedDocument.ts).
  const documents = new TextDocuments(ChunkedTextDocument);
  const host = new ServerHost(connection, documents, options);
  const features = createFeatures();

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    host.configurationSupported = !!caps.workspace?.configuration;
    host.abilities = {
      markdown: !!caps.textDocument?.hover?.contentFormat?.includes('markdown'),
      completionMarkdown: !!caps.textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown'),
      snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
      commandLinks: params.clientInfo?.name?.toLowerCase().includes('code') ?? false,
    };
    host.globalSettings = normalizeSettings(initialSettings(params.initializationOptions));
    host.configurationRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
    for (const feature of features) Object.assign(capabilities, feature.capabilities(caps));
    return { capabilities, serverInfo: { name: 'kube-workloads', version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    // Only a client that says it takes dynamic registrations is asked; the others (Neovim 0.7,
    // Helix) send didChangeConfiguration anyway, or never, and log a warning for the request.
    if (host.configurationSupported && host.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeWorkloads' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null)?.['kubeWorkloads'];
    if (section !== undefined) host.globalSettings = normalizeSettings(section);
    host.settingsChanged();
  });

  documents.onDidClose((e) => host.forget(e.document.uri));
  for (const feature of features) feature.register(host);
  documents.listen(connection);
  connection.listen();
}

/**
 * Settings in `initializationOptions`, for clients without workspace/configuration: the
 * `kubeWorkloads` section as `settings`, or as `settings.kubeWorkloads` or `kubeWorkloads` (the
 * shape most editors' configuration files already use for `settings`).
 */
function initialSettings(options: unknown): unknown {
  const record = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined);
  const settings = record(options)?.['settings'] ?? record(options)?.['kubeWorkloads'];
  return record(settings)?.['kubeWorkloads'] ?? settings;
}

declare const SERVER_VERSION: string;
