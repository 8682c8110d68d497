/**
 * The comparison panel in VS Code: one WebviewPanel beside the editor, following the active YAML
 * editor and its cursor, restored after a reload by a serializer. The logic lives in
 * PanelController; this file only connects it to the vscode API.
 */
import * as vscode from 'vscode';
import type { ServerApi } from '../serverApi';
import { convertWorkload } from '../convert';
import { PanelController, type PanelTarget } from './panelController';
import { createNonce, panelHtml } from './panelHtml';
import { panelStrings } from './panelStrings';

export const PANEL_VIEW_TYPE = 'kubeWorkloads.comparison';

/** How long the cursor rests before the panel asks the server again. */
const FOLLOW_DELAY_MS = 150;

let current: ComparisonPanel | undefined;

export function registerComparisonPanel(context: vscode.ExtensionContext, api: ServerApi): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
      current?.dispose();
      current = new ComparisonPanel(panel, context, api);
    },
  });
}

/** Opens the panel beside the editor (or reveals it) and points it at `target`. */
export function showComparisonPanel(context: vscode.ExtensionContext, api: ServerApi, target?: PanelTarget): void {
  if (current) {
    current.panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('Kind Comparison'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context),
    );
    current = new ComparisonPanel(panel, context, api);
  }
  if (target) void current.controller.follow(target);
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** The YAML editor's document and cursor, or undefined for any other editor. */
export function editorTarget(editor: vscode.TextEditor | undefined): PanelTarget | undefined {
  if (!editor || editor.document.languageId !== 'yaml') return undefined;
  const p = editor.selection.active;
  return { uri: editor.document.uri.toString(), position: { line: p.line, character: p.character } };
}

class ComparisonPanel {
  readonly controller: PanelController;
  private readonly disposables: vscode.Disposable[] = [];
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    api: ServerApi,
  ) {
    panel.webview.options = webviewOptions(context);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    this.controller = new PanelController(
      {
        documentInfo: (t) => api.documentInfo(t.uri, t.position),
        kindFacts: () => api.kindFacts(),
        convert: async (uri, position, kind) => (await convertWorkload(api, vscode.Uri.parse(uri), position, kind)).message,
        dropped: async (uri, position, kind) => (await api.convert(uri, position, kind)).dropped,
      },
      (message) => panel.webview.postMessage(message),
      panelStrings(),
    );
    panel.webview.html = this.html(context);
    this.listen();
    const start = editorTarget(vscode.window.activeTextEditor) ?? editorTarget(vscode.window.visibleTextEditors.find((e) => editorTarget(e)));
    if (start) void this.controller.follow(start);
  }

  private html(context: vscode.ExtensionContext): string {
    const webview = this.panel.webview;
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'panel.css')).toString(),
      title: vscode.l10n.t('Kind Comparison'),
      lang: vscode.env.language,
    });
  }

  private listen(): void {
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.controller.handle(message)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followSoon(editorTarget(editor), 0)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.followSoon(editorTarget(e.textEditor), FOLLOW_DELAY_MS)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.controller.currentTarget?.uri) this.refreshSoon();
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Another YAML editor or cursor: follow it. Leaving for a non-YAML editor keeps the last view. */
  private followSoon(target: PanelTarget | undefined, delay: number): void {
    if (!target) return;
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.controller.follow(target), delay);
  }

  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.controller.refresh(), FOLLOW_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    clearTimeout(this.refreshTimer);
    if (current === this) current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
