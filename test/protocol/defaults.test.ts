import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, InlayHint, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CAPABILITIES, startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';
import { EffectiveManifestRequest } from '../../server/src/protocol';

const URI = 'file:///web.yaml';
const DOC = lines(
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
  '          image: nginx:1.27 # pinned',
  'status: {replicas: 1}',
);

const WITH_HINTS = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, inlayHint: { resolveSupport: { properties: ['tooltip', 'textEdits'] } } },
};

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };

function inlayHints(client: TestClient, uri = URI): Promise<InlayHint[]> {
  return client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE }) as Promise<InlayHint[]>;
}

function rejectsWithInvalidParams(request: Promise<unknown>, what: RegExp): Promise<void> {
  return assert.rejects(request, (error: { code?: number; message?: string }) => error.code === -32602 && what.test(error.message ?? ''));
}

describe('the API server defaults over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer(WITH_HINTS);
    client.open(URI, DOC);
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.stderr, []);
  });

  test('announces inlay hints with resolve to a client that has them', () => {
    assert.deepEqual(client.initializeResult.capabilities.inlayHintProvider, { resolveProvider: true });
  });

  test('inlay hints name the surprising defaults; resolve adds the tooltip and the edits', async () => {
    const hints = await inlayHints(client);
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.label]),
      [
        [4, 'strategy: RollingUpdate (maxSurge 25%, maxUnavailable 25%)'],
        [10, 'terminationGracePeriodSeconds: 30'],
        [13, 'imagePullPolicy: IfNotPresent'],
      ],
    );
    assert.equal(hints[2]!.tooltip, undefined, 'the tooltip waits for resolve');
    const resolved = (await client.connection.sendRequest('inlayHint/resolve', hints[2])) as InlayHint;
    assert.match((resolved.tooltip as MarkupContent).value, /Set by the API server/);
    const after = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, DOC), resolved.textEdits as TextEdit[]);
    assert.ok(after.includes(lines('          image: nginx:1.27 # pinned', '          imagePullPolicy: IfNotPresent', 'status: {replicas: 1}')), after);
  });

  test('the effective manifest fills in the defaults and leaves out the status', async () => {
    const result = (await client.connection.sendRequest(EffectiveManifestRequest.method, { uri: URI })) as EffectiveManifestRequest.Result;
    assert.equal(result.changed, 1);
    assert.equal(result.kubernetesVersion, '1.36');
    assert.match(result.text, /^ {2}progressDeadlineSeconds: 600$/m);
    assert.match(result.text, /^ {10}imagePullPolicy: IfNotPresent$/m);
    assert.match(result.text, /nginx:1\.27 # pinned/);
    assert.doesNotMatch(result.text, /status/);
  });

  test('a code action writes the defaults of the mapping under the cursor', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 13, character: 12 }, end: { line: 13, character: 12 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    })) as CodeAction[];
    const write = actions.find((a) => a.title === 'Write `imagePullPolicy: IfNotPresent` (set by the API server)');
    assert.ok(write, actions.map((a) => a.title).join('\n'));
    const after = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, DOC), write.edit!.changes![URI]!);
    assert.ok(after.includes('          imagePullPolicy: IfNotPresent\n'), after);
  });

  test('bad parameters are answered "invalid params"', async () => {
    await rejectsWithInvalidParams(client.connection.sendRequest(EffectiveManifestRequest.method, {}), /uri must be a string/);
    await rejectsWithInvalidParams(client.connection.sendRequest(EffectiveManifestRequest.method, { uri: 'file:///not-open.yaml' }), /not open/);
    await rejectsWithInvalidParams(client.connection.sendRequest('inlayHint/resolve', { position: { line: 0, character: 0 }, label: 'x', data: 7 }), /data must be/);
    await rejectsWithInvalidParams(client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: URI } }), /range/);
  });
});

describe('inlay hints for other clients', () => {
  test('a client without inlay hint support is not offered them', async () => {
    const client = await startServer();
    assert.equal(client.initializeResult.capabilities.inlayHintProvider, undefined);
    assert.equal(await client.shutdown(), 0);
  });

  test('a client that cannot resolve gets tooltips and edits at once; the setting chooses which hints', async () => {
    const capabilities = { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, inlayHint: {} } };
    const client = await startServer(capabilities, { inlayHints: 'on' });
    client.open(URI, DOC);
    const hints = await inlayHints(client);
    assert.ok(hints.some((h) => h.label === 'dnsPolicy: ClusterFirst, restartPolicy: Always +2'), hints.map((h) => h.label).join('\n'));
    assert.ok(hints.every((h) => h.tooltip && h.textEdits?.length));
    assert.equal(await client.shutdown(), 0);
  });
});
