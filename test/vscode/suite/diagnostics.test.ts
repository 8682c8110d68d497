/**
 * Diagnostics reach VS Code's Problems model through the language client, with the rule id as
 * the code and a link to the rule's page.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, ruleOf, waitForRule } from './helpers';

describe('diagnostics', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('reports a YAML syntax error as an error on the offending line', async () => {
    const editor = await openManifest('syntax-error.yaml');
    const diagnostic = await waitForRule(editor.document.uri, 'yaml-syntax');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 4, 'the error sits on the line with the bad indentation');
    assert.ok(diagnostic.source, 'the diagnostic names its source');
  });

  it('links each rule to its documentation page', async () => {
    const editor = await openManifest('latest-tag.yaml');
    const diagnostic = await waitForRule(editor.document.uri, 'latest-tag');
    assert.equal(ruleOf(diagnostic), 'latest-tag');
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes('latest-tag'), 'the code links to the rule page');
  });
});
