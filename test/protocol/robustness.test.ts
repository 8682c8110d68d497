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

  test('a request missing what it needs is answered "invalid params", saying what; nothing is logged as a failure', async () => {
    const uri = 'file:///params.yaml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, deployment);
    await published;
    const invalid = (request: Promise<unknown>, what: RegExp) =>
      assert.rejects(request, (error: { code?: number; message?: string }) => error.code === -32602 && what.test(error.message ?? ''));
    await invalid(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null }), /hover: position must be \{ line, character \}/);
    await invalid(client.connection.sendRequest('textDocument/completion', { textDocument: {}, position: { line: 0, character: 0 } }), /completion: textDocument\.uri must be a string/);
    await invalid(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: -1, character: 0 } }, context: { diagnostics: [] } }),
      /codeAction: range\.end must be/,
    );
    await invalid(client.connection.sendRequest('kubeWorkloads/documentInfo', { uri, position: { line: 'one', character: 0 } }), /documentInfo: position must be/);
    assert.ok(!logged.some((m) => /failed/.test(m)), 'a client mistake is not logged as a failure of ours');
  });

  test('a request that makes a feature throw is answered with an error and logged; the server lives on', async () => {
    const uri = 'file:///web.yaml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: "2"'));
    const [diagnostic] = await published;
    assert.ok(diagnostic, 'the quoted replicas is reported');
    // Well-formed parameters with a broken diagnostic inside (a client bug no check looks for):
    // matching it with the server's own diagnostics throws inside the code-action handler.
    const broken = { ...diagnostic, range: null };
    const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 5 } };
    await assert.rejects(
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [broken] } }),
      (error: { code?: number; message?: string }) => error.code === -32603 && /codeAction failed/.test(error.message ?? ''),
    );
    assert.ok(logged.some((m) => /codeAction failed/.test(m)), 'the failure is logged for the output channel');
    const answer = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.notEqual(answer, undefined, 'the next request is answered normally');
  });
});
