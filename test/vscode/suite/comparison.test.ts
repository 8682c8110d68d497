/**
 * The comparison command opens its webview panel beside the manifest; lenses above each
 * workload's kind line lead to it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, positionOf, within } from './helpers';

function comparisonTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kubeWorkloads.comparison'));
}

function openTabs(): string {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ') || 'no tabs';
}

describe('comparison panel', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('kubeWorkloads.showComparison opens the Kind Comparison panel', async () => {
    const editor = await openManifest('deployment.yaml');
    const at = positionOf(editor.document, 'kind: Deployment', 'kind: '.length);
    editor.selection = new vscode.Selection(at, at);
    assert.equal(comparisonTab(), undefined, 'no panel before the command');
    let subscription: vscode.Disposable | undefined;
    const opened = new Promise<vscode.Tab>((resolve) => {
      subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        const tab = comparisonTab();
        if (tab) resolve(tab);
      });
    });
    await vscode.commands.executeCommand('kubeWorkloads.showComparison');
    const tab = comparisonTab() ?? (await within(20_000, 'the Kind Comparison webview tab', opened, openTabs).finally(() => subscription?.dispose()));
    subscription?.dispose();
    assert.equal(tab.label, 'Kind Comparison');
    assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.label === 'deployment.yaml'))?.viewColumn, 'the panel opens beside the editor');
  });

  it('lenses above the kind line: compare the kinds, convert, the effective manifest', async () => {
    const editor = await openManifest('deployment.yaml');
    const kindLine = positionOf(editor.document, 'kind: Deployment').line;
    // The server may still be starting: ask until the lenses are there.
    const lenses = await within(20_000, 'the lenses above kind: Deployment', (async () => {
      for (;;) {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
        const ours = (found ?? []).filter((l) => l.command?.command.startsWith('kubeWorkloads.'));
        if (ours.length > 0) return ours;
        await new Promise((r) => setTimeout(r, 200));
      }
    })());
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [kindLine, 'Compare kinds', 'kubeWorkloads.showComparison'],
        [kindLine, 'Convert to …', 'kubeWorkloads.convertTo'],
        [kindLine, 'Effective manifest', 'kubeWorkloads.diffEffectiveManifest'],
      ],
    );
  });
});
