/**
 * The contributed snippets insert manifests the extension's own rules accept.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openUntitled, ruleOf, waitForDiagnostics, waitForRule, waitForText } from './helpers';

describe('snippets', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('inserts the StatefulSet snippet with its headless Service, free of errors', async () => {
    // Start from a document with an error, so "no errors" afterwards proves a fresh analysis.
    const editor = await openUntitled('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicass: 1\n');
    await waitForRule(editor.document.uri, 'unknown-field');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), end);
    // VS Code's own command for a contributed snippet, looked up by its name in the snippets file.
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: 'StatefulSet with headless Service' });
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
