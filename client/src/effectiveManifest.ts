/**
 * The effective manifest in VS Code: a read-only virtual document (scheme `kube-workloads-effective`)
 * holding what the language server answers to kubeWorkloads/effectiveManifest for a source file,
 * kept up to date while the source is edited, and a diff view of the source against it.
 *
 * The virtual URI carries the source URI in its query, so a reloaded window reopens it:
 *     kube-workloads-effective:/web (effective).yaml?file:///work/web.yaml
 */
import * as vscode from 'vscode';
import type { ServerApi } from './serverApi';

export const EFFECTIVE_SCHEME = 'kube-workloads-effective';

/** The virtual document for a source file. */
export function effectiveUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() || 'manifest.yaml';
  // The extension stays last, so the diff editor and the view read it as YAML.
  const dot = /\.ya?ml$/i.exec(name)?.index ?? name.length;
  return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${name.slice(0, dot)} (effective)${name.slice(dot) || '.yaml'}`, query: source.toString() });
}

function sourceOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query, true);
}

interface Args {
  readonly uri?: string | vscode.Uri;
}

export function registerEffectiveManifest(api: ServerApi): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Set<string>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      open.add(uri.toString());
      const source = sourceOf(uri);
      // The server answers for files it has open: open the source (without showing it) first.
      await vscode.workspace.openTextDocument(source);
      try {
        const result = await api.effectiveManifest(source);
        return result.text;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return `# ${vscode.l10n.t('The effective manifest could not be computed: {0}', message)}\n`;
      }
    },
  };
  const target = (args?: Args): vscode.Uri | undefined => {
    if (args?.uri) return typeof args.uri === 'string' ? vscode.Uri.parse(args.uri, true) : args.uri;
    return vscode.window.activeTextEditor?.document.uri;
  };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const uri = effectiveUri(e.document.uri);
      if (open.has(uri.toString())) changed.fire(uri);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === EFFECTIVE_SCHEME) open.delete(d.uri.toString());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kubeWorkloads.kubernetesVersion')) for (const uri of open) changed.fire(vscode.Uri.parse(uri, true));
    }),
    vscode.commands.registerCommand('kubeWorkloads.showEffectiveManifest', async (args?: Args) => {
      const source = target(args);
      if (!source || source.scheme === EFFECTIVE_SCHEME) return undefined;
      const document = await vscode.workspace.openTextDocument(effectiveUri(source));
      await vscode.languages.setTextDocumentLanguage(document, 'yaml');
      return vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('kubeWorkloads.diffEffectiveManifest', async (args?: Args) => {
      const source = target(args);
      if (!source || source.scheme === EFFECTIVE_SCHEME) return undefined;
      const name = source.path.split('/').pop() ?? '';
      return vscode.commands.executeCommand('vscode.diff', source, effectiveUri(source), vscode.l10n.t('{0} ↔ as the API server holds it', name));
    }),
  );
}
