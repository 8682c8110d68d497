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
import type * as vscode from 'vscode';
import type * as LanguageClientModule from 'vscode-languageclient/node';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { handleFor, restartOnCrash, type ClientHandle } from './clientHandle';

export type { ClientHandle };

export function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): ClientHandle {
  let clientLoaded = 0;
  const client = createAndStart(context, output, () => (clientLoaded = performance.now()));
  return handleFor(client, output, () => clientLoaded);
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

