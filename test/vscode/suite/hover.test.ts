/**
 * Hover through VS Code's own command, so the request goes the whole way: editor → language
 * client → server → the field docs generated from the Kubernetes API.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, openManifest, positionOf } from './helpers';

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hover', () => {
  before(activeExtension);
  afterEach(closeAllEditors);

  it('shows the field description from the Kubernetes API', async () => {
    const { document } = await openManifest('deployment.yaml');
    const text = await hoverText(document, positionOf(document, 'replicas:', 3));
    assert.match(text, /replicas/);
    assert.match(text, /Number of desired pods/, `the DeploymentSpec.replicas description; got: ${text}`);
  });

  it('describes a field nested in the pod template', async () => {
    const { document } = await openManifest('deployment.yaml');
    const text = await hoverText(document, positionOf(document, 'containerPort', 4));
    assert.match(text, /containerPort/);
    assert.match(text, /port/i);
    assert.doesNotMatch(text, /Number of desired pods/);
  });
});
