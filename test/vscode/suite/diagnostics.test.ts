/**
 * Diagnostics reach VS Code's Problems model through the language client, with the rule id as
 * the code and a link to the rule's page.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, ruleOf, waitForDiagnostics, waitForRule } from './helpers';

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

  it('reports what the API server would reject in a broken manifest, each under its rule id', async () => {
    const { document } = await openManifest('broken.yaml');
    // Rule id → the 1-based line it must sit on (see the comments in broken.yaml).
    const expected: Record<string, number> = {
      'removed-api-version': 22,
      'unknown-field': 7,
      'field-of-another-kind': 8,
      'selector-mismatch': 14,
      'template-restart-policy': 17,
    };
    const ids = Object.keys(expected);
    const diagnostics = await waitForDiagnostics(document.uri, `diagnostics of rules ${ids.join(', ')}`, (ds) =>
      ids.every((id) => ds.some((d) => ruleOf(d) === id)),
    );
    for (const [id, line] of Object.entries(expected)) {
      const found = diagnostics.filter((d) => ruleOf(d) === id);
      assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Error), `${id} is an error`);
      assert.ok(found.some((d) => d.range.start.line === line - 1), `${id} is reported on line ${line}`);
    }
    const typo = diagnostics.find((d) => ruleOf(d) === 'unknown-field')!;
    assert.match(typo.message, /replicass/);
    assert.equal(document.getText(typo.range), 'replicass', 'the squiggle covers exactly the misspelt key');
  });
});
