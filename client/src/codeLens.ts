/**
 * "Compare kinds · Convert to … · Effective manifest" above each workload's `kind:` line, from DocumentInfoRequest.
 * Switched with kubeWorkloads.codeLens (per resource).
 */
import * as vscode from 'vscode';
import type { ServerApi } from './serverApi';

export function registerCodeLens(api: ServerApi): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(document) {
      if (!vscode.workspace.getConfiguration('kubeWorkloads', document.uri).get<boolean>('codeLens', true)) return [];
      // Kind lines only: lenses are asked for again after every edit.
      const info = await api.kindLines(document.uri).catch(() => undefined);
      return (info?.workloads ?? []).flatMap((w) => {
        const range = new vscode.Range(w.kindRange.start.line, w.kindRange.start.character, w.kindRange.end.line, w.kindRange.end.character);
        const args = { uri: document.uri.toString(), position: w.kindRange.start };
        return [
          new vscode.CodeLens(range, { title: vscode.l10n.t('Compare kinds'), command: 'kubeWorkloads.showComparison', arguments: [args] }),
          new vscode.CodeLens(range, { title: vscode.l10n.t('Convert to …'), command: 'kubeWorkloads.convertTo', arguments: [args] }),
          new vscode.CodeLens(range, { title: vscode.l10n.t('Effective manifest'), command: 'kubeWorkloads.diffEffectiveManifest', arguments: [{ uri: args.uri }] }),
        ];
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, provider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kubeWorkloads.codeLens')) changed.fire();
    }),
  );
}
