/**
 * Everything a person sees and clicks besides what the language server provides itself: the
 * palette commands, the CodeLens, the status bar item, the kind snippets, the comparison panel
 * (with its serializer, so a reloaded window restores it) and the effective manifest's virtual
 * documents.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCodeLens } from './codeLens';
import { registerEffectiveManifest } from './effectiveManifest';
import { registerCommands } from './commands';
import { registerKindSnippets } from './kindSnippets';
import { registerComparisonPanel } from './panel/comparisonPanel';
import { createServerApi } from './serverApi';
import { registerStatusBar } from './statusBar';

export function registerUi(context: vscode.ExtensionContext, client: Promise<LanguageClient>): void {
  const api = createServerApi(client);
  context.subscriptions.push(
    ...registerCommands(context, api),
    registerComparisonPanel(context, api),
    registerCodeLens(api),
    registerStatusBar(api),
    registerKindSnippets(context),
    registerEffectiveManifest(api),
  );
}
