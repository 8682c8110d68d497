/**
 * The kind snippets: offered once each where a manifest can start, never after `key: `, and they
 * insert manifests the extension's own rules accept.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openUntitled, ruleOf, waitForDiagnostics, waitForRule, waitForText } from './helpers';

describe('snippets', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('lists each kind once at the start of an empty document, and only values after imagePullPolicy:', async () => {
    const empty = await openUntitled('');
    const atStart = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', empty.document.uri, new vscode.Position(0, 0));
    const snippetLabels = (list: vscode.CompletionList): string[] =>
      list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort();
    assert.deepEqual(snippetLabels(atStart), ['daemonset', 'deployment', 'replicaset', 'statefulset']);

    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          imagePullPolicy: ';
    const editor = await openUntitled(text);
    const end = editor.document.positionAt(text.length);
    const inValue = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
    assert.deepEqual(snippetLabels(inValue), [], 'no snippets in value position');
    const sorted = [...inValue.items].sort((a, b) => (a.sortText ?? String(a.label)).localeCompare(b.sortText ?? String(b.label)));
    assert.deepEqual(sorted.slice(0, 3).map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
  });

  it('inserts the StatefulSet snippet with its headless Service, free of errors', async () => {
    // Start from a document with an error, so "no errors" afterwards proves a fresh analysis.
    const editor = await openUntitled('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicass: 1\n');
    await waitForRule(editor.document.uri, 'unknown-field');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    // The item the completion list offers at the start of the (selected) document, inserted as VS Code would.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', (await openUntitled('')).document.uri, new vscode.Position(0, 0));
    const item = list.items.find((i) => i.label === 'statefulset');
    assert.ok(item?.insertText instanceof vscode.SnippetString, 'the statefulset item is a snippet');
    const shown = await vscode.window.showTextDocument(editor.document);
    shown.selection = new vscode.Selection(new vscode.Position(0, 0), end);
    await shown.insertSnippet(item.insertText);
    const text = await waitForText(editor.document, 'the StatefulSet snippet to replace the text', (t) => t.includes('kind: StatefulSet'));
    assert.doesNotMatch(text, /replicass/);
    assert.match(text, /^apiVersion: apps\/v1$/m);
    assert.match(text, /^kind: Service$/m);
    assert.match(text, /clusterIP: None/);
    const isError = (d: vscode.Diagnostic): boolean => d.severity === vscode.DiagnosticSeverity.Error;
    await waitForDiagnostics(editor.document.uri, 'the inserted snippet to be analysed without errors', (ds) =>
      !ds.some((d) => isError(d) || ruleOf(d) === 'unknown-field'),
    );
  });
});
