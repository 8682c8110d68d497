/**
 * What the extension holds of its language client, whichever way the server runs (a Node process,
 * languageClient.ts; a web worker, languageClientWeb.ts): it tells the user once when the server
 * does not start, restarts it after a crash and gives up after repeated crashes.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, CloseAction, ErrorAction, ErrorHandler } from 'vscode-languageclient';
import type { ClientTimes } from './activationTimes';

export interface ClientHandle {
  /** The running client (resolves once the server has answered initialize); Node or web worker. */
  readonly client: Promise<BaseLanguageClient>;
  /** When the client code was loaded and the server was ready (performance.now()). */
  readonly times: Promise<ClientTimes>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Says so when the client does not start; restart and stop once it has. */
export function handleFor(client: Promise<BaseLanguageClient>, output: vscode.LogOutputChannel, clientLoaded: () => number): ClientHandle {
  const times = client.then(() => ({ clientLoaded: clientLoaded(), serverReady: performance.now() }));
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
    restart: async () => {
      const running = await client;
      await running.stop();
      await running.start();
    },
    stop: async () => (await client.catch(() => undefined))?.stop(),
  };
}

/** Restart the server when it dies; tell the user the first time, stop after repeated crashes. */
export function restartOnCrash(output: vscode.LogOutputChannel, lc: { ErrorAction: typeof ErrorAction; CloseAction: typeof CloseAction }): ErrorHandler {
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
