/**
 * A status bar item naming the workload kind under the cursor; clicking it opens the comparison
 * panel. Hidden outside YAML files and outside workloads.
 */
import * as vscode from 'vscode';
import type { ServerApi } from './serverApi';

const DELAY_MS = 200;

export function registerStatusBar(api: ServerApi): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('kubeWorkloads.kind', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Kubernetes Workload Kind');
  item.command = 'kubeWorkloads.showComparison';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const update = async (editor: vscode.TextEditor | undefined) => {
    const mine = ++generation;
    if (!editor || editor.document.languageId !== 'yaml') {
      item.hide();
      return;
    }
    // Only the workload under the cursor: this runs on every cursor move, and a large bundle's
    // full list is megabytes.
    const info = await api.activeWorkload(editor.document.uri, editor.selection.active).catch(() => undefined);
    if (mine !== generation) return;
    const workload = info?.active !== undefined ? info.workloads[info.active] : undefined;
    if (!workload) {
      item.hide();
      return;
    }
    item.text = `$(layers) ${workload.kind}`;
    item.tooltip = workload.name
      ? vscode.l10n.t('{0} "{1}": click to compare the workload kinds', workload.kind, workload.name)
      : vscode.l10n.t('{0}: click to compare the workload kinds', workload.kind);
    item.accessibilityInformation = { label: vscode.l10n.t('Workload kind {0}. Open the kind comparison.', workload.kind) };
    item.show();
  };
  const schedule = (editor: vscode.TextEditor | undefined, delay = DELAY_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(editor), delay);
  };

  schedule(vscode.window.activeTextEditor, 0);
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor((e) => schedule(e, 0)),
    vscode.window.onDidChangeTextEditorSelection((e) => schedule(e.textEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule(vscode.window.activeTextEditor);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
