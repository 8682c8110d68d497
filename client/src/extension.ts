/**
 * Extension entry: starts the language server over stdio (in the background: activation does not
 * wait for it) and registers the commands and the UI.
 */
// First import: it records when the bundle began evaluating (see activationTimes.ts).
import { moduleStart, type ActivationTimes, type ClientTimes } from './activationTimes';
import * as vscode from 'vscode';
import { startLanguageClient, type ClientHandle } from './languageClient';
import { registerUi } from './ui';

let handle: ClientHandle | undefined;

/** What activate() returns (the extension's exports); the extension-host suite reads it. */
export interface KubeWorkloadsExports {
  readonly activationTimes: ActivationTimes;
  /** Settles once the server has answered initialize (rejects if it did not start). */
  readonly clientTimes: Promise<ClientTimes>;
}

export function activate(context: vscode.ExtensionContext): KubeWorkloadsExports {
  const activateStart = performance.now();
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Kubernetes Workloads', { log: true });
  context.subscriptions.push(output);
  handle = startLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeWorkloads.restartServer', async () => {
      await handle?.restart();
      void vscode.window.showInformationMessage('Kubernetes Workloads: the language server was restarted.');
    }),
    vscode.commands.registerCommand('kubeWorkloads.showOutput', () => output.show(true)),
  );
  registerUi(context, handle.client);
  output.info(`Activated in ${Date.now() - started} ms.`);
  void handle.client.then(
    () => output.info(`Language server ready ${Date.now() - started} ms after activation began.`),
    () => undefined,
  );
  return { activationTimes: { moduleStart, moduleEnd, activateStart, activateEnd: performance.now() }, clientTimes: handle.times };
}

export async function deactivate(): Promise<void> {
  await handle?.stop();
  handle = undefined;
}

// The last top-level statement: everything above, and every module imported, has evaluated.
const moduleEnd = performance.now();
