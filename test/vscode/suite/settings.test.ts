/**
 * Changing a setting re-validates open documents without reopening them.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, ruleOf, waitForDiagnostics, waitForRule } from './helpers';

describe('settings', () => {
  before(activeExtension);
  afterEach(async () => {
    await vscode.workspace.getConfiguration('kubeWorkloads').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('turning a rule off removes its diagnostics, turning it back on restores them', async () => {
    const { document } = await openManifest('latest-tag.yaml');
    await waitForRule(document.uri, 'latest-tag');
    const config = vscode.workspace.getConfiguration('kubeWorkloads');

    await config.update('rules', { 'latest-tag': 'off' }, vscode.ConfigurationTarget.Workspace);
    const without = await waitForDiagnostics(document.uri, 'the latest-tag diagnostic to go away after turning it off', (ds) =>
      ds.length > 0 && !ds.some((d) => ruleOf(d) === 'latest-tag'),
    );
    assert.ok(without.some((d) => ruleOf(d) === 'cpu-requests'), 'the other rules still run');

    await config.update('rules', { 'latest-tag': 'error' }, vscode.ConfigurationTarget.Workspace);
    const back = await waitForDiagnostics(document.uri, 'latest-tag to come back as an error', (ds) =>
      ds.some((d) => ruleOf(d) === 'latest-tag' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.ok(back.length > 0);
  });
});
