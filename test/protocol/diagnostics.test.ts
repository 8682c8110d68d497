/**
 * Diagnostics over real JSON-RPC: pushed to a client without pull support, pulled by one that
 * declares textDocument.diagnostic, and re-computed when the settings change. Every diagnostic
 * names its rule and links a rule page that exists in the repository.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, PULL_CAPABILITIES, pullDiagnostics, startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';

const MANIFEST = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      hostNetwork: true',
  '      containers:',
  '      - name: web',
  '        image: nginx:latest',
);

function assertLinked(diagnostics: readonly Diagnostic[]): void {
  assert.ok(diagnostics.length > 0);
  for (const d of diagnostics) {
    assert.equal(d.source, 'kube-workloads');
    assert.equal(typeof d.code, 'string');
    const href = d.codeDescription?.href ?? '';
    assert.ok(href.endsWith(`/docs/rules/${String(d.code)}.md`), href);
    assert.ok(fs.existsSync(fileURLToPath(href)), `${String(d.code)}: ${href} exists`);
    // What a fix needs stays on the server; code actions find it again (codeActions.test.ts).
    assert.equal(d.data, undefined, 'no data on the wire');
  }
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

describe('diagnostics over LSP', () => {
  const clients: TestClient[] = [];
  after(async () => {
    for (const client of clients) {
      assert.equal(await client.shutdown(), 0);
      assert.deepEqual(client.stderr, []);
    }
  });

  test('push: publishDiagnostics with rule ids, docs links and ranges; a settings change re-validates', async () => {
    const settings: Record<string, unknown> = {};
    const client = await startServer(DEFAULT_CAPABILITIES, settings);
    clients.push(client);
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined, 'no pull without the client capability');
    const uri = 'file:///push.yaml';
    const first = client.nextDiagnostics(uri);
    client.open(uri, MANIFEST);
    const before = await first;
    assertLinked(before);
    assert.ok(codes(before).includes('latest-tag') && codes(before).includes('host-network'));
    const latest = before.find((d) => d.code === 'latest-tag')!;
    assert.deepEqual(latest.range, { start: { line: 11, character: 15 }, end: { line: 11, character: 27 } });
    assert.equal(latest.severity, 2);

    settings['rules'] = { 'latest-tag': 'off', 'host-network': 'error' };
    const second = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const afterChange = await second;
    assert.ok(!codes(afterChange).includes('latest-tag'), 'turned-off rule is gone');
    assert.equal(afterChange.find((d) => d.code === 'host-network')?.severity, 1, 'severity follows the override');
  });

  test('pull: textDocument/diagnostic answers a full report; a settings change asks the client to refresh', async () => {
    const settings: Record<string, unknown> = {};
    const capabilities: ClientCapabilities = { ...PULL_CAPABILITIES, workspace: { configuration: true, diagnostics: { refreshSupport: true } } };
    const client = await startServer(capabilities, settings);
    clients.push(client);
    assert.ok(client.initializeResult.capabilities.diagnosticProvider, 'announces pull diagnostics');
    let refreshed: () => void = () => undefined;
    const refresh = new Promise<void>((resolve) => (refreshed = resolve));
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshed();
      return null;
    });
    const uri = 'file:///pull.yaml';
    client.open(uri, MANIFEST);
    const pull = () => pullDiagnostics(client, uri);
    const report = await pull();
    assert.equal(report.kind, 'full');
    assertLinked(report.items!);
    assert.ok(codes(report.items!).includes('latest-tag'));

    settings['preset'] = 'api-only';
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refresh;
    const again = await pull();
    assert.deepEqual(codes(again.items!).filter((c) => c === 'latest-tag' || c === 'host-network'), [], 'api-only drops best practices');
  });

  test('pull: a pull naming the last report is answered "unchanged" while the diagnostics stay the same', async () => {
    const client = await startServer(PULL_CAPABILITIES);
    clients.push(client);
    const uri = 'file:///unchanged.yaml';
    const pull = (previousResultId?: string) => pullDiagnostics(client, uri, previousResultId);
    const edit = (version: number, line: number, from: number, to: number, text: string) =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: from }, end: { line, character: to } }, text }],
      });
    client.open(uri, MANIFEST);
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId, 'a full report carries a result id');
    assert.ok(codes(first.items!).includes('latest-tag'));

    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'nothing changed');
    const specLine = MANIFEST.split('\n').indexOf('spec:');
    await edit(2, specLine, 'spec:'.length, 'spec:'.length, '  # typed');
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'typing a comment changes no diagnostic');

    const withoutId = await pull();
    assert.equal(withoutId.kind, 'full', 'a pull without a result id gets the full report');
    // The client keeps its id when it cancels a pull: the older report can still be named.
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'an earlier report, still the same');
    assert.equal((await pull('no-such-report')).kind, 'full', 'an id the server does not know gets the full report');
    // `selector:` moves out of `spec:`: the diagnostics change.
    await edit(3, specLine + 1, 0, 2, '');
    const broken = await pull(withoutId.resultId);
    assert.equal(broken.kind, 'full', 'an edit that changes the diagnostics gets a full report');
    assert.notEqual(broken.resultId, withoutId.resultId);
    assert.notDeepEqual(broken.items, withoutId.items);
  });
});
