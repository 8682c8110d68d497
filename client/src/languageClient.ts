/**
 * The LanguageClient: the server runs as a Node process over stdio, on YAML in any scheme
 * (files, untitled documents, virtual workspaces). If it dies, the client restarts it and tells
 * the user once.
 *
 * `vscode-languageclient` is most of the extension's code; it is loaded with a dynamic import
 * after activation returns, so activating costs almost nothing. Requests made meanwhile wait for
 * `client`.
 */
import * as vscode from 'vscode';
import type * as LanguageClientModule from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export interface ClientHandle {
  /** The running client (resolves once the server has answered initialize). */
  readonly client: Promise<LanguageClient>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientHandle {
  const client = createAndStart(context, output);
  client.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`The language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Kubernetes Workloads: the language server did not start (${message}).`, 'Show Output').then((choice) => {
      if (choice) output.show(true);
    });
  });
  return {
    client,
    restart: async () => (await client).restart(),
    stop: async () => (await client.catch(() => undefined))?.stop(),
  };
}

async function createAndStart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  // Let activate() return first; then load the client, a separate bundle (see scripts/build.mjs)
  // resolved next to dist/extension.js at run time.
  await new Promise((resolve) => setImmediate(resolve));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lc = require('./lspClientModule.js') as ClientModule;
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // stdio, as other editors use it: the server then encodes diagnostics from cached pieces
    // (server/src/lsp/wireEncoder.ts), which the Node IPC channel would serialize again.
    run: { module, transport: lc.TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: lc.TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    errorHandler: restartOnCrash(output, lc),
    markdown: { isTrusted: { enabledCommands: ['kubeWorkloads.showComparison', 'kubeWorkloads.convertTo'] }, supportHtml: false },
  };
  const client = new lc.LanguageClient('kubeWorkloads', 'Kubernetes Workloads', serverOptions, clientOptions);
  await client.start();
  return client;
}

type ClientModule = typeof LanguageClientModule;

/** Restart the server when it dies; tell the user the first time, stop after repeated crashes. */
function restartOnCrash(output: vscode.LogOutputChannel, lc: ClientModule): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: lc.ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > 3 * 60_000) crashes.shift();
      if (crashes.length > 4) {
        void vscode.window
          .showErrorMessage('Kubernetes Workloads: the language server crashed 5 times in 3 minutes and was not restarted. See the output for details.', 'Show Output')
          .then((choice) => {
            if (choice) output.show(true);
          });
        return { action: lc.CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('Kubernetes Workloads: the language server stopped unexpectedly and was restarted.');
      }
      output.warn('The language server stopped; restarting it.');
      return { action: lc.CloseAction.Restart, handled: true };
    },
  };
}
