/**
 * Every request is answered as what it is: a resolve for a version of the document that is gone
 * is "content modified", a request that cannot be carried out as asked is "invalid params" —
 * never an internal error, and nothing is logged as a failure of ours. One test per custom request
 * and resolve path, through the built server over stdio.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';
import { ConvertRequest, DocumentInfoRequest, KindFactsRequest } from '../../server/src/protocol';

const CONTENT_MODIFIED = -32801;
const INVALID_PARAMS = -32602;

const TEXT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
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

describe('requests answered as what they are', () => {
  let client: TestClient;
  const logged: string[] = [];
  before(async () => {
    client = await startServer();
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
  });
  after(async () => {
    assert.ok(!logged.some((m) => /failed|Error:|\n\s+at /.test(m)), `nothing logged as a failure or with a stack trace:\n${logged.join('\n')}`);
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.stderr, []);
  });

  async function open(uri: string, text = TEXT, version = 1): Promise<void> {
    const published = client.nextDiagnostics(uri, version);
    client.open(uri, text, version);
    await published;
  }

  async function change(uri: string, version: number, text: string): Promise<void> {
    const published = client.nextDiagnostics(uri, version);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await published;
  }

  async function conversions(uri: string): Promise<CodeAction[]> {
    const range = { start: { line: 1, character: 6 }, end: { line: 1, character: 6 } };
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['refactor.rewrite'] } })) as CodeAction[];
    assert.equal(actions.length, 3, 'three conversions offered');
    return actions;
  }

  function rejectsWith(request: Promise<unknown>, code: number, what: RegExp): Promise<void> {
    return assert.rejects(request, (error: { code?: number; message?: string }) => {
      assert.equal(error.code, code, error.message);
      assert.match(error.message ?? '', what);
      return true;
    });
  }

  test('codeAction/resolve after the document changed under it: content modified', async () => {
    const uri = 'file:///stale.yaml';
    await open(uri);
    const [toStatefulSet] = await conversions(uri);
    // Its kind edited in the meantime: the action offered for a Deployment no longer applies.
    await change(uri, 2, TEXT.replace('kind: Deployment', 'kind: StatefulSet'));
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', toStatefulSet), CONTENT_MODIFIED, /codeAction\/resolve: file:\/\/\/stale\.yaml changed since the action was offered/);
    // Any edit makes it stale, even one that leaves the kind alone.
    const [current] = await conversions(uri);
    await change(uri, 3, TEXT.replace('name: web', 'name: web2'));
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', current), CONTENT_MODIFIED, /changed since/);
  });

  test('codeAction/resolve for a closed document: content modified', async () => {
    const uri = 'file:///closed.yaml';
    await open(uri);
    const [action] = await conversions(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', action), CONTENT_MODIFIED, /changed since/);
  });

  test('codeAction/resolve of an action that cannot be carried out: invalid params', async () => {
    const uri = 'file:///impossible.yaml';
    await open(uri);
    const [action] = await conversions(uri);
    const data = action!.data as { docIndex: number; targetKind: string };
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', { ...action, data: { ...data, docIndex: 7 } }), INVALID_PARAMS, /There is no document 7/);
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', { ...action, data: { ...data, targetKind: 'Deployment' } }), INVALID_PARAMS, /already a Deployment/);
    await rejectsWith(client.connection.sendRequest('codeAction/resolve', { data }), INVALID_PARAMS, /must be an object with a title/);
    // An action that is not ours to resolve comes back as it was.
    const foreign = { title: 'Something else', data: { from: 'another server' } };
    assert.deepEqual(await client.connection.sendRequest('codeAction/resolve', foreign), foreign);
    // The fresh action still resolves.
    const resolved = (await client.connection.sendRequest('codeAction/resolve', action)) as CodeAction;
    assert.ok(resolved.edit?.changes?.[uri]?.length, 'the current action resolves to edits');
  });

  test('kubeWorkloads/convert: a bad target, count, position or document is invalid params', async () => {
    const uri = 'file:///convert.yaml';
    await open(uri);
    const position = { line: 1, character: 6 };
    const convert = (params: object) => client.connection.sendRequest(ConvertRequest.method, { uri, position, targetKind: 'StatefulSet', ...params });
    await rejectsWith(convert({ targetKind: 'Pod' }), INVALID_PARAMS, /convert: targetKind must be one of Deployment, StatefulSet, DaemonSet, ReplicaSet/);
    await rejectsWith(convert({ replicas: -1 }), INVALID_PARAMS, /convert: replicas must be an integer ≥ 0/);
    await rejectsWith(convert({ position: { line: 'x' } }), INVALID_PARAMS, /convert: position must be/);
    await rejectsWith(convert({ targetKind: 'Deployment' }), INVALID_PARAMS, /already a Deployment/);
    await rejectsWith(convert({ uri: 'file:///not-open.yaml' }), INVALID_PARAMS, /not open/);
    const result = (await convert({ replicas: 3 })) as ConvertRequest.Result;
    assert.ok(result.edit.changes?.[uri]?.length, 'a valid conversion is answered with edits');
  });

  test('kubeWorkloads/documentInfo: bad parameters are invalid params; a file not open has no workloads', async () => {
    const uri = 'file:///info.yaml';
    await open(uri);
    await rejectsWith(client.connection.sendRequest(DocumentInfoRequest.method, { uri: 42 }), INVALID_PARAMS, /documentInfo: uri must be a string/);
    await rejectsWith(client.connection.sendRequest(DocumentInfoRequest.method, { uri, position: { line: -1, character: 0 } }), INVALID_PARAMS, /documentInfo: position must be/);
    const none = (await client.connection.sendRequest(DocumentInfoRequest.method, { uri: 'file:///not-open.yaml' })) as DocumentInfoRequest.Result;
    assert.deepEqual(none.workloads, []);
    const info = (await client.connection.sendRequest(DocumentInfoRequest.method, { uri, position: { line: 1, character: 0 }, scope: 'active' })) as DocumentInfoRequest.Result;
    assert.equal(info.workloads[info.active ?? -1]?.kind, 'Deployment');
  });

  test('kubeWorkloads/kindFacts: answered whatever the parameters', async () => {
    for (const params of [{}, null, { unexpected: true }]) {
      const facts = (await client.connection.sendRequest(KindFactsRequest.method, params)) as KindFactsRequest.Result;
      assert.ok(facts.rows.length > 5 && facts.rows.every((r) => typeof r.values.StatefulSet === 'string'), 'the facts are answered');
    }
  });
});
