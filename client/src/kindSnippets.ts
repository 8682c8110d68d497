/**
 * The four kind snippets (snippets/workloads.code-snippets, one prefix each) as completion items,
 * offered only where a new manifest can start (snippetSite.ts). A static `contributes.snippets`
 * entry would be listed everywhere, in value position too, after `imagePullPolicy: ` as well.
 */
import * as vscode from 'vscode';
import { isKindSnippetSite } from './snippetSite';

export interface SnippetEntry {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description?: string;
}

/** The snippets file the extension ships, by snippet name. */
export async function loadSnippets(extensionUri: vscode.Uri): Promise<Record<string, SnippetEntry>> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'workloads.code-snippets'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry>;
}

export function snippetBody(entry: SnippetEntry): string {
  return Array.isArray(entry.body) ? entry.body.join('\n') : String(entry.body);
}

/** The text the snippet inserts when every default is accepted, for the item's preview. */
function filled(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
}

export function registerKindSnippets(context: vscode.ExtensionContext): vscode.Disposable {
  let snippets: Promise<SnippetEntry[]> | undefined;
  return vscode.languages.registerCompletionItemProvider({ language: 'yaml' }, {
    async provideCompletionItems(document, position) {
      if (!isKindSnippetSite(document.getText().split(/\r?\n/), position.line, position.character)) return [];
      snippets ??= loadSnippets(context.extensionUri).then(Object.values);
      const range = new vscode.Range(position.line, 0, position.line, position.character);
      return (await snippets).map((entry) => {
        const body = snippetBody(entry);
        const item = new vscode.CompletionItem([entry.prefix].flat()[0] ?? '', vscode.CompletionItemKind.Snippet);
        item.insertText = new vscode.SnippetString(body);
        item.range = range;
        item.detail = entry.description;
        item.documentation = new vscode.MarkdownString().appendCodeblock(filled(body), 'yaml');
        return item;
      });
    },
  });
}
