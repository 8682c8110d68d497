/**
 * The LanguageClient: the server runs as a Node process over stdio, on YAML in any scheme
 * (files, untitled documents, virtual workspaces). If it dies, the client restarts it and tells
 * the user once.
 *
 * `vscode-languageclient` is most of the extension's code; it is loaded with a dynamic import
 * after activation returns, so activating costs almost nothing, while the server process starts.
 * Requests made meanwhile wait for `client`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import type * as LanguageClientModule from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import type { ClientTimes } from './activationTimes';

export interface ClientHandle {
  /** The running client (resolves once the server has answered initialize). */
  readonly client: Promise<LanguageClient>;
  /** When the client bundle was loaded and the server was ready (performance.now()). */
  readonly times: Promise<ClientTimes>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientHandle {
  let clientLoaded = 0;
  const client = createAndStart(context, output, () => (clientLoaded = performance.now()));
  const times = client.then(() => ({ clientLoaded, serverReady: performance.now() }));
  times.catch(() => undefined);
  client.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`The language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`Kubernetes Workloads: the language server did not start (${message}).`, 'Show Output').then((choice) => {
      if (choice) output.show(true);
    });
  });
  return {
    client,
    times,
    restart: async () => (await client).restart(),
    stop: async () => (await client.catch(() => undefined))?.stop(),
  };
}

async function createAndStart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, loaded: () => void): Promise<LanguageClient> {
  // Let activate() return first. Then the server process starts at once, so that Node starting
  // and the server bundle loading overlap with loading the client, a separate bundle (see
  // scripts/build.mjs) resolved next to dist/extension.js at run time: the first diagnostics of
  // a session no longer wait for one and then the other (issue 19).
  await new Promise((resolve) => setImmediate(resolve));
  const launch = serverLauncher(context.asAbsolutePath('dist/server.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lc = require('./lspClientModule.js') as ClientModule;
  loaded();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    outputChannel: output,
    errorHandler: restartOnCrash(output, lc),
    markdown: { isTrusted: { enabledCommands: ['kubeWorkloads.showComparison', 'kubeWorkloads.convertTo'] }, supportHtml: false },
  };
  const client = new lc.LanguageClient('kubeWorkloads', 'Kubernetes Workloads', launch, clientOptions);
  await client.start();
  return client;
}

/**
 * The server over stdio, as other editors run it (the server then encodes diagnostics from
 * cached pieces, server/src/lsp/wireEncoder.ts, which the Node IPC channel would serialize
 * again), forked the way vscode-languageclient forks a `module`: the first process now, later
 * ones when the client asks again (a restart). A process the client let go that is still
 * running then is ended.
 */
function serverLauncher(module: string): ServerOptions {
  // As vscode-languageclient decides for its `debug` options: the extension host is debugged.
  const debug = process.execArgv.some((arg) => /^--(inspect|debug)(-brk)?(=|$)/.test(arg));
  const start = (): ChildProcess =>
    fork(module, ['--stdio', `--clientProcessId=${process.pid}`], {
      execArgv: [...SERVER_NODE_FLAGS, ...(debug ? ['--nolazy', '--inspect=6019'] : [])],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
      silent: true,
    });
  let early: ChildProcess | undefined = start();
  let current: ChildProcess | undefined;
  return async () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill();
    current = early ?? start();
    early = undefined;
    return current;
  };
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
