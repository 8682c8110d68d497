/**
 * Extension entry: starts the language server over IPC (in the background: activation does not
 * wait for it) and registers the commands and the UI.
 */
import * as vscode from 'vscode';
import { startLanguageClient, type ClientHandle } from './languageClient';
import { registerUi } from './ui';

let handle: ClientHandle | undefined;

export function activate(context: vscode.ExtensionContext): void {
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
}

export async function deactivate(): Promise<void> {
  await handle?.stop();
  handle = undefined;
}
