/**
 * The LanguageClient: the server runs as a Node process over IPC, on YAML in any scheme
 * (files, untitled documents, virtual workspaces). If it dies, the client restarts it and tells
 * the user once.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export interface ClientHandle {
  readonly client: LanguageClient;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<ClientHandle> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    errorHandler: restartOnCrash(output),
    markdown: { isTrusted: { enabledCommands: ['kubeWorkloads.showComparison', 'kubeWorkloads.convertTo'] }, supportHtml: false },
  };
  const client = new LanguageClient('kubeWorkloads', 'Kubernetes Workloads', serverOptions, clientOptions);
  await client.start();
  return {
    client,
    restart: () => client.restart(),
    stop: () => client.stop(),
  };
}

/** Restart the server when it dies; tell the user the first time, stop after repeated crashes. */
function restartOnCrash(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > 3 * 60_000) crashes.shift();
      if (crashes.length > 4) {
        void vscode.window.showErrorMessage('Kubernetes Workloads: the language server crashed 5 times in 3 minutes and was not restarted. See the output for details.', 'Show Output').then((choice) => {
          if (choice) output.show(true);
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      if (!told) {
        told = true;
        void vscode.window.showWarningMessage('Kubernetes Workloads: the language server stopped unexpectedly and was restarted.');
      }
      output.warn('The language server stopped; restarting it.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
