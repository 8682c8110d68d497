/**
 * The contributed snippets insert manifests the extension's own rules accept.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openUntitled, waitForDiagnostics, waitForText } from './helpers';

describe('snippets', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('inserts the StatefulSet snippet with its headless Service, free of errors', async () => {
    const editor = await openUntitled('');
    // VS Code's own command for a contributed snippet, looked up by its name in the snippets file.
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: 'StatefulSet with headless Service' });
    const text = await waitForText(editor.document, 'the StatefulSet snippet to be inserted', (t) => t.includes('kind: StatefulSet'));
    assert.match(text, /^apiVersion: apps\/v1$/m);
    assert.match(text, /^kind: Service$/m);
    assert.match(text, /clusterIP: None/);
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'diagnostics of the inserted snippet', () => true);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), [], 'the snippet passes every error rule');
  });
});
