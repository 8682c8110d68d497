/**
 * The stdio encoder (server/src/lsp/wireEncoder.ts) builds diagnostics messages from cached
 * pieces: what it writes must be exactly what JSON.stringify would write, for every message.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { encodeMessage } from '../../server/src/lsp/wireEncoder';
import { withoutFixData } from '../../server/src/core/features/diagnostics';

const diagnostic = (line: number, message: string): Diagnostic => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 2,
  code: 'liveness-probe',
  codeDescription: { href: 'file:///ext/docs/rules/liveness-probe.md' },
  source: 'kube-workloads',
  message,
  data: { ruleId: 'liveness-probe', containerPath: ['spec', 'template', 'spec', 'containers', 0] },
});

const same = (message: Parameters<typeof encodeMessage>[0]) =>
  assert.equal(encodeMessage(message).toString('utf8'), JSON.stringify(message));

describe('stdio wire encoder', () => {
  const wire = withoutFixData([diagnostic(3, 'Container "web" has no livenessProbe — add one ✓'), diagnostic(40, 'quote " and \\ backslash')]);

  test('a publish and a pull report are the JSON of the message, data left on the server', () => {
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a b.yaml', version: 7, diagnostics: wire } } as never);
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: [] } } as never);
    same({ jsonrpc: '2.0', id: 12, result: { kind: 'full', resultId: 'r1', items: wire } } as never);
    same({ jsonrpc: '2.0', id: 'x', result: { kind: 'full', items: wire } } as never);
    assert.ok(!encodeMessage({ jsonrpc: '2.0', id: 1, result: { kind: 'full', items: wire } } as never).toString().includes('containerPath'));
  });

  test('the same diagnostic gives the same wire object, and its cached piece is reused', () => {
    const original = [diagnostic(5, 'one')];
    assert.equal(withoutFixData(original)[0], withoutFixData(original)[0]);
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: withoutFixData(original) } };
    same(message as never);
    same(message as never);
  });

  test('other messages, and look-alikes with more keys, are encoded as a whole', () => {
    same({ jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '**replicas** – ünïcode' } } } as never);
    same({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: wire, extra: 1 } } as never);
    same({ jsonrpc: '2.0', id: 4, result: { kind: 'full', items: wire, relatedDocuments: {} } } as never);
    same({ jsonrpc: '2.0', id: 5, error: { code: -32603, message: 'failed' } } as never);
  });
});
