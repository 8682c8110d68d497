/**
 * "Insert Workload…": a quick pick of the four kinds, each with a line on what it is for, that
 * inserts the kind's snippet from snippets/workloads.code-snippets (the same bodies the snippet
 * completion offers, so there is one source).
 */
import * as vscode from 'vscode';
import { loadSnippets, snippetBody } from './kindSnippets';

interface KindPick extends vscode.QuickPickItem {
  readonly snippet: string;
}

/** Snippet name in the file → the kind it inserts, in the order the quick pick lists them. */
export const SNIPPET_NAMES = {
  Deployment: 'Deployment',
  StatefulSet: 'StatefulSet with headless Service',
  DaemonSet: 'DaemonSet',
  ReplicaSet: 'ReplicaSet',
} as const;

function descriptions(): Record<keyof typeof SNIPPET_NAMES, string> {
  return {
    Deployment: vscode.l10n.t('Interchangeable pods for stateless apps, with rolling updates and rollback'),
    StatefulSet: vscode.l10n.t('Stable pod names, DNS names and storage per pod; with its headless Service'),
    DaemonSet: vscode.l10n.t('One pod on each eligible node, for node agents'),
    ReplicaSet: vscode.l10n.t('A fixed number of identical pods without rollouts (usually a Deployment is better)'),
  };
}

export async function insertWorkload(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a YAML file to insert a workload.'));
    return;
  }
  const snippets = await loadSnippets(context.extensionUri);
  const text = descriptions();
  const picks: KindPick[] = [];
  for (const [kind, name] of Object.entries(SNIPPET_NAMES) as [keyof typeof SNIPPET_NAMES, string][]) {
    const entry = snippets[name];
    if (!entry) continue;
    picks.push({ label: kind, description: text[kind], snippet: snippetBody(entry) });
  }
  const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Insert Workload'), placeHolder: vscode.l10n.t('Which kind of workload?'), matchOnDescription: true });
  if (!pick) return;
  await editor.insertSnippet(new vscode.SnippetString(separatorBefore(editor) + pick.snippet));
}

/** Inserting below other content in a YAML stream needs a `---` line first. */
function separatorBefore(editor: vscode.TextEditor): string {
  const line = editor.selection.active.line;
  const textAbove = editor.document.getText(new vscode.Range(0, 0, line, 0));
  return textAbove.trim() && !/^---\s*$/m.test(textAbove.trimEnd().split('\n').pop() ?? '') ? '---\n' : '';
}
