/**
 * Quick-fixes and kind conversions through vscode.executeCodeActionProvider, applied with
 * workspace.applyEdit the way the lightbulb applies them, then checked as resulting text.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, positionOf, ruleOf, waitForDiagnostics, waitForRule, waitForText } from './helpers';

/** Code actions at a range; conversions are resolved lazily, so ask VS Code to resolve them. */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
    50,
  );
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

/**
 * Code actions at a range, asked again until one is titled `title` (or 10 s pass). Quick-fixes
 * are computed for the diagnostics VS Code passes in the request's context, which it takes from
 * the workbench's markers; in code-server those reach the workbench (in the browser) a moment
 * after the extension host has them, so the first request can come with no diagnostics at all.
 */
async function codeActionsWith(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, title: string): Promise<vscode.CodeAction[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const actions = await codeActions(uri, range, kind);
    if (actions.some((a) => a.title === title) || Date.now() > until) return actions;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function titles(actions: readonly vscode.CodeAction[]): string {
  return actions.map((a) => JSON.stringify(a.title)).join(', ') || 'no actions';
}

describe('code actions', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('a quick-fix renames a misspelt key and the diagnostic goes away', async () => {
    const { document } = await openManifest('broken.yaml');
    const typo = await waitForRule(document.uri, 'unknown-field');
    const title = 'Rename "replicass" to "replicas"';
    const actions = await codeActionsWith(document.uri, typo.range, vscode.CodeActionKind.QuickFix, title);
    const rename = actions.find((a) => a.title === title);
    assert.ok(rename?.edit, `a rename quick-fix among ${titles(actions)}`);
    assert.equal(rename.isPreferred, true, 'the only suggestion is the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    await waitForText(document, 'the key to be renamed', (t) => !t.includes('replicass'));
    assert.match(document.getText(), /^ {2}replicas: 2 # a typo$/m, 'only the key changed; the value and comment stay');
    await waitForDiagnostics(document.uri, 'unknown-field to go away after the fix', (ds) =>
      ds.length > 0 && !ds.some((d) => ruleOf(d) === 'unknown-field'),
    );
  });

  it('a quick-fix moves a removed apiVersion to apps/v1', async () => {
    const { document } = await openManifest('broken.yaml');
    const removed = await waitForRule(document.uri, 'removed-api-version');
    const actions = await codeActionsWith(document.uri, removed.range, vscode.CodeActionKind.QuickFix, 'Change apiVersion to apps/v1');
    const fix = actions.find((a) => a.title === 'Change apiVersion to apps/v1');
    assert.ok(fix?.edit, `"Change apiVersion to apps/v1" among ${titles(actions)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = await waitForText(document, 'apiVersion to become apps/v1', (t) => /^apiVersion: apps\/v1 # removed in Kubernetes 1\.16$/m.test(t));
    assert.ok(!text.includes('extensions/v1beta1'));
  });

  it('"Convert to StatefulSet" rewrites a Deployment and adds its headless Service', async () => {
    const { document } = await openManifest('deployment.yaml');
    const at = positionOf(document, 'kind: Deployment', 'kind: '.length);
    const actions = await codeActions(document.uri, new vscode.Range(at, at), vscode.CodeActionKind.Refactor);
    const convert = actions.find((a) => a.title.startsWith('Convert to StatefulSet'));
    assert.ok(convert, `"Convert to StatefulSet" among ${titles(actions)}`);
    assert.ok(convert.edit, 'the conversion was resolved to an edit');
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    const text = await waitForText(document, 'kind: StatefulSet', (t) => /^kind: StatefulSet$/m.test(t));
    assert.match(text, /^# A healthy Deployment: the conversion and hover tests start from it\.$/m, 'the comment survives');
    assert.match(text, /^ {2}serviceName: web$/m, 'a StatefulSet names its governing Service');
    assert.match(text, /^ {2}updateStrategy:\n {4}type: RollingUpdate$/m, 'strategy became updateStrategy');
    assert.doesNotMatch(text, /^ {2}strategy:/m);
    assert.match(text, /^kind: Service$/m, 'a headless Service was added');
    assert.match(text, /clusterIP: None/);
    await waitForDiagnostics(document.uri, 'the converted StatefulSet to have no errors', (ds) =>
      ds.length > 0 && !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
  });
});
