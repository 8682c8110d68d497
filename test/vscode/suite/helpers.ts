/**
 * What the extension-host tests share: activating the extension, opening the workspace's
 * manifests, and waiting on VS Code events. Every wait has a timeout whose message says what it
 * waited for and what it saw instead; nothing here sleeps.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-workloads.kube-workloads';

/** The activated extension; activating twice is harmless. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

/** A file of the test workspace (the runner copies test/vscode/workspace into a temp folder). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace manifest in an editor (YAML language, so the extension's client sees it). */
export async function openManifest(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Opens an untitled YAML document holding `text`. */
export async function openUntitled(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  return vscode.window.showTextDocument(document);
}

/** Closes every editor without saving, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  // Reverting first means no "save changes?" dialog can block the run; panels close the same way.
  for (let i = 0; i < 20 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves with `promise`, or rejects after `ms` naming what it waited for. */
export function within<T>(ms: number, what: string, promise: Promise<T>, seen?: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${seen ? `; saw ${seen()}` : ''}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The rule id of a diagnostic (the server sends it as the code, with a link to its page). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const list = vscode.languages.getDiagnostics(uri);
  return list.length ? list.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}: ${d.message}`).join(' | ') : 'no diagnostics';
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept`, checking the current ones first and
 * then each time VS Code reports a change for that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  ms = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const settled = new Promise<readonly vscode.Diagnostic[]>((resolve) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      resolve(current);
      return true;
    };
    if (check()) return;
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
  });
  const label = `${what} in ${uri.path.split('/').pop()}`;
  return within(ms, label, settled, () => describeDiagnostics(uri)).finally(() => subscription?.dispose());
}

/** Waits for a diagnostic of rule `rule` on `uri`. */
export async function waitForRule(uri: vscode.Uri, rule: string, ms?: number): Promise<vscode.Diagnostic> {
  const list = await waitForDiagnostics(uri, `a "${rule}" diagnostic`, (ds) => ds.some((d) => ruleOf(d) === rule), ms);
  return list.find((d) => ruleOf(d) === rule)!;
}

/** The offset-free position of the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** Waits for the document's text to satisfy `accept` after an edit or a command. */
export function waitForText(document: vscode.TextDocument, what: string, accept: (text: string) => boolean, ms = 30_000): Promise<string> {
  let subscription: vscode.Disposable | undefined;
  const settled = new Promise<string>((resolve) => {
    if (accept(document.getText())) return resolve(document.getText());
    subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && accept(document.getText())) resolve(document.getText());
    });
  });
  return within(ms, what, settled, () => JSON.stringify(document.getText().slice(0, 400))).finally(() => subscription?.dispose());
}
