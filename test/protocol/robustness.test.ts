import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';

/** Robustness through the built server over stdio: limits, and failures that must not be fatal. */
describe('server robustness over stdio', () => {
  let client: TestClient;
  const logged: string[] = [];
  before(async () => {
    client = await startServer();
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, 'the server is still alive and exits cleanly');
  });

  const deployment = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1');

  test('a 50 MB file gets one diagnostic that says why it was not analysed', { timeout: 120_000 }, async () => {
    const uri = 'file:///huge.yaml';
    const text = `${deployment}---\n`.repeat(Math.ceil((50 * 1024 * 1024) / (deployment.length + 4)));
    const published = client.nextDiagnostics(uri);
    client.open(uri, text);
    const diagnostics = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['file-too-large', 3]]);
    assert.match(String(diagnostics[0]!.message), /above the 5\.0 MB limit\. Raise "kubeWorkloads\.maxFileSize"/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('a request that makes a feature throw is answered with an error and logged; the server lives on', async () => {
    const uri = 'file:///web.yaml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, deployment);
    await published;
    // A null position is a client bug; offsetAt throws on it inside the hover handler.
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null }),
      (error: { code?: number; message?: string }) => error.code === -32603 && /hover failed/.test(error.message ?? ''),
    );
    assert.ok(logged.some((m) => /hover failed/.test(m)), 'the failure is logged for the output channel');
    const answer = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.notEqual(answer, undefined, 'the next request is answered normally');
  });
});
