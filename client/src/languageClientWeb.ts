/**
 * The LanguageClient of the web extension (vscode.dev, github.dev, a web-worker extension host):
 * the same server and core, started as a web worker from dist/serverWorker.js and spoken to over
 * its message port (vscode-languageclient/browser). The extension's web bundle takes this module
 * in place of languageClient.ts (scripts/build.mjs); nothing on this path uses Node.
 */
import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  CloseAction,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { handleFor, restartOnCrash, type ClientHandle } from './clientHandle';

// The extension host's Worker, Blob and URL (the client's tsconfig has no DOM library).
type ServerWorker = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string) => ServerWorker;
declare const URL: { createObjectURL(blob: Blob): string };

export type { ClientHandle };

export function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientHandle {
  // The client is part of this bundle: it is loaded when activation begins.
  const clientLoaded = performance.now();
  return handleFor(createAndStart(context, output), output, () => clientLoaded);
}

async function createAndStart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    errorHandler: restartOnCrash(output, { ErrorAction, CloseAction }),
    markdown: { isTrusted: { enabledCommands: ['kubeWorkloads.showComparison', 'kubeWorkloads.convertTo'] }, supportHtml: false },
    // A worker has no path of its own: the rule pages linked from diagnostics are the extension's.
    initializationOptions: { docsBase: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/` },
  };
  // A new worker for every start (a restart too).
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'serverWorker.js');
  const client = new LanguageClient('kubeWorkloads', 'Kubernetes Workloads', () => startWorker(script).then(transports), clientOptions);
  await client.start();
  output.info('The language server runs in a web worker (dist/serverWorker.js).');
  return client;
}

/**
 * The reader and writer on the worker's port. (Handed the worker itself, the client checks it with
 * `instanceof Worker`, which the extension host's own Worker constructor does not pass.)
 */
function transports(worker: ServerWorker): MessageTransports {
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/**
 * The server's worker. An extension served by a VS Code server (code-server, a remote) has a
 * `vscode-remote:` URI, from which the extension host refuses to start a worker; its fetch does
 * resolve such URIs, so the script is fetched and started from a blob URL instead. Elsewhere
 * (vscode.dev serves extensions over https) the worker starts from its URL.
 */
async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`cannot load the language server (${script.toString(true)}: HTTP ${response.status})`);
  return new Worker(URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' })));
}
