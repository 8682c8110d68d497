/**
 * Extension entry: starts the language server over IPC and registers the commands.
 */
import * as vscode from 'vscode';
import { startLanguageClient, type ClientHandle } from './languageClient';
import { registerUi } from './ui';

let handle: ClientHandle | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Kubernetes Workloads', { log: true });
  context.subscriptions.push(output);
  handle = await startLanguageClient(context, output);
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeWorkloads.restartServer', async () => {
      await handle?.restart();
      void vscode.window.showInformationMessage('Kubernetes Workloads: the language server was restarted.');
    }),
    vscode.commands.registerCommand('kubeWorkloads.showOutput', () => output.show(true)),
  );
  registerUi(context, handle.client);
  output.info(`Activated in ${Date.now() - started} ms.`);
}

export async function deactivate(): Promise<void> {
  await handle?.stop();
  handle = undefined;
}
