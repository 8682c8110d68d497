import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, 'server exits cleanly after shutdown/exit');
    assert.deepEqual(client.stderr, [], 'server writes nothing to stderr');
  });

  test('initialize announces incremental sync and names the server', () => {
    const result = client.initializeResult;
    assert.equal(result.serverInfo?.name, 'kube-workloads');
    assert.equal(result.capabilities.textDocumentSync, 2);
  });

  test('a YAML error in a manifest is published on its exact range', async () => {
    const uri = 'file:///broken.yaml';
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', ' labels: {app: web}', 'spec:', '  replicas: 1');
    const diagnostics = client.nextDiagnostics(uri);
    client.open(uri, text);
    const syntax = (await diagnostics).filter((d) => d.code === 'yaml-syntax');
    assert.ok(syntax.length > 0, 'has a yaml-syntax diagnostic');
    const first = syntax[0]!;
    assert.equal(first.source, 'kube-workloads');
    assert.equal(first.severity, 1);
    assert.match(first.message as string, /All mapping items must start at the same column/);
    assert.deepEqual(first.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
  });

  test('a broken document does not blind the valid one after it; didChange re-validates', async () => {
    const uri = 'file:///two.yaml';
    const broken = lines('apiVersion: v1', 'kind: ConfigMap', 'data: [oops', '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: ok');
    const first = client.nextDiagnostics(uri, 1);
    client.open(uri, broken);
    const before = await first;
    assert.ok(before.some((d) => d.code === 'yaml-syntax' && d.range.start.line <= 3));
    const second = client.nextDiagnostics(uri, 2);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 11 } }, text: '[fixed]' }],
    });
    const afterFix = await second;
    assert.deepEqual(afterFix.filter((d) => d.code === 'yaml-syntax'), []);
  });

  test('a GitHub workflow gets no diagnostics', async () => {
    const uri = 'file:///.github/workflows/ci.yaml';
    const text = lines('name: CI', 'on: [push', 'jobs:', '  test:', '    runs-on: ubuntu-latest');
    const diagnostics = client.nextDiagnostics(uri);
    client.open(uri, text);
    assert.deepEqual(await diagnostics, []);
  });

  test('an empty file gets nothing', async () => {
    const uri = 'file:///empty.yaml';
    const diagnostics = client.nextDiagnostics(uri);
    client.open(uri, '   \n\n');
    assert.deepEqual(await diagnostics, []);
  });
});
