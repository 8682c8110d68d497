import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';
import { ConvertRequest } from '../../server/src/protocol';

const TEXT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicass: 2',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
);

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), [...edits]);
}

describe('code actions over stdio', () => {
  let client: TestClient;
  let published: Diagnostic[] = [];
  const uri = 'file:///actions.yaml';
  before(async () => {
    client = await startServer();
    const diagnostics = client.nextDiagnostics(uri);
    client.open(uri, TEXT);
    published = await diagnostics;
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.stderr, []);
  });

  test('initialize announces code actions with resolve', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean; codeActionKinds?: string[] };
    assert.equal(provider.resolveProvider, true);
    assert.ok(provider.codeActionKinds?.includes('source.fixAll.kubeWorkloads'));
  });

  test('a quick-fix for a diagnostic, and conversions listed without edits then resolved', async () => {
    const diagnostics = published.filter((d) => d.code === 'unknown-field');
    assert.equal(diagnostics.length, 1);
    const range = { start: { line: 5, character: 3 }, end: { line: 5, character: 3 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Rename "replicass" to "replicas"');
    assert.equal(fix?.kind, 'quickfix');
    assert.equal(fix?.isPreferred, true);
    assert.match(apply(TEXT, fix!.edit!.changes![uri]!), /^ {2}replicas: 2$/m);
    // Not on the misspelt key's line: conversions are offered where the object is named.
    assert.ok(!actions.some((a) => a.title.startsWith('Convert to')), 'no conversion on a spec line');
    const kindLine = { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } };
    const listed = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: kindLine, context: { diagnostics: [] } })) as CodeAction[];
    const convert = listed.find((a) => a.title.startsWith('Convert to DaemonSet'));
    assert.equal(convert?.title, 'Convert to DaemonSet');
    assert.ok(listed.some((a) => a.title === 'Convert to ReplicaSet') && listed.some((a) => a.title === 'Convert to StatefulSet'));
    assert.equal(convert?.kind, 'refactor.rewrite');
    assert.equal(convert?.edit, undefined, 'listed without its edit');
    const resolved = (await client.connection.sendRequest('codeAction/resolve', convert)) as CodeAction;
    assert.match(apply(TEXT, resolved.edit!.changes![uri]!), /^kind: DaemonSet$/m);
  });

  test("a conversion's command, run after its edit, shows the user what it changed", async () => {
    const provider = client.initializeResult.capabilities.executeCommandProvider;
    assert.deepEqual(provider?.commands, ['kubeWorkloads.server.showConversionNotes']);
    const kindLine = { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } };
    const listed = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: kindLine, context: { diagnostics: [] } })) as CodeAction[];
    const convert = listed.find((a) => a.title.startsWith('Convert to StatefulSet'))!;
    const shown = new Promise<{ type: number; message: string }>((resolve) => client.connection.onNotification('window/showMessage', resolve));
    await client.connection.sendRequest('workspace/executeCommand', convert.command);
    const { type, message } = await shown;
    assert.equal(type, 3, 'an information message');
    assert.match(message, /^Converted to StatefulSet\./);
    assert.match(message, /Added the headless Service "web"/);
  });

  test('kubeWorkloads/convert answers with the edit, what was dropped and the recreate note', async () => {
    const params: ConvertRequest.Params = { uri, position: { line: 1, character: 2 }, targetKind: 'StatefulSet', replicas: 3 };
    const result = (await client.connection.sendRequest(ConvertRequest.method, params)) as ConvertRequest.Result;
    const out = apply(TEXT, result.edit.changes![uri]!);
    assert.match(out, /^kind: StatefulSet$/m);
    assert.match(out, /^ {2}serviceName: web$/m);
    assert.match(out, /^---\napiVersion: v1\nkind: Service\n/m);
    assert.ok(result.notes.some((n) => n.includes('cannot change kind')));
  });

  test('fix-all is offered as a source action', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.kubeWorkloads'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.match(apply(TEXT, actions[0]!.edit!.changes![uri]!), /^ {2}replicas: 2$/m);
  });
});
