import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientCapabilities, CodeAction, CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';

/**
 * The least an LSP client may announce, as older editors do (Neovim 0.7, Helix, Emacs): no
 * snippets, no Markdown, no dynamic registration, no workspace/configuration. Settings come from
 * initializationOptions and didChangeConfiguration only.
 */
const MINIMAL: ClientCapabilities = {
  textDocument: {
    hover: { contentFormat: ['plaintext'] },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['plaintext'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
  },
};

const URI = 'file:///minimal.yaml';
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
  '      - name: web',
  '        image: nginx:latest',
  '        ',
);

const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code)).sort();

describe('a minimal LSP client (no snippets, Markdown, registration or configuration)', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer(MINIMAL, {}, { settings: { kubeWorkloads: { rules: { 'latest-tag': 'off' } } } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.stderr, []);
  });

  test('settings come from initializationOptions; the server asks the client for nothing', async () => {
    const published = client.nextDiagnostics(URI);
    client.open(URI, TEXT);
    const diagnostics = await published;
    assert.ok(codes(diagnostics).includes('unknown-field'), 'replicass is reported');
    assert.ok(!codes(diagnostics).includes('latest-tag'), 'latest-tag is off, as initializationOptions say');
    assert.deepEqual(client.serverRequests, [], 'no registerCapability, no workspace/configuration');
  });

  test('didChangeConfiguration changes the diagnostics of open files', async () => {
    const published = client.nextDiagnostics(URI);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeWorkloads: { rules: { 'latest-tag': 'error' } } } });
    const diagnostics = await published;
    const latest = diagnostics.find((d) => d.code === 'latest-tag');
    assert.equal(latest?.severity, 1, 'latest-tag is now on, as an error');
    assert.deepEqual(client.serverRequests, []);
  });

  test('hovers are plain text', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 14, character: 9 } })) as Hover;
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /image/i);
    assert.doesNotMatch(contents.value, /\*\*|`|\]\(/, 'no Markdown syntax');
  });

  test('completion inserts one plain line, never a snippet, a newline or a NUL', async () => {
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 15, character: 8 } })) as CompletionItem[];
    const probe = items.find((i) => i.label === 'livenessProbe');
    assert.equal((probe?.textEdit as TextEdit | undefined)?.newText, 'livenessProbe:');
    assert.ok(items.length > 20, 'container keys are offered');
    for (const item of items) {
      const text = (item.textEdit as TextEdit | undefined)?.newText ?? item.insertText ?? item.label;
      assert.doesNotMatch(text, /[\n\0$]/, `${item.label} inserts one plain line`);
      assert.notEqual(item.insertTextFormat, 2, `${item.label} is no snippet`);
      if (item.documentation) assert.equal((item.documentation as MarkupContent).kind, 'plaintext');
    }
  });

  test('a quick-fix comes with its edit, and applying it clears the finding', async () => {
    const diagnostics = await (async () => {
      const published = client.nextDiagnostics(URI);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { kubeWorkloads: {} } });
      return published;
    })();
    const unknown = diagnostics.find((d) => d.code === 'unknown-field')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: unknown.range,
      context: { diagnostics: [unknown], only: ['quickfix'] },
    })) as CodeAction[];
    const rename = actions.find((a) => /replicas/.test(a.title));
    assert.ok(rename?.edit?.changes?.[URI], `a rename with its edit (got ${actions.map((a) => a.title).join(', ')})`);
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, TEXT), rename.edit.changes[URI]);
    assert.match(fixed, /^ {2}replicas: 2$/m);
    const published = client.nextDiagnostics(URI, 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.ok(!codes(await published).includes('unknown-field'));
  });

  test('kubeWorkloads/convert says what is wrong with its parameters', async () => {
    const invalid = (params: unknown, what: RegExp) =>
      assert.rejects(client.connection.sendRequest('kubeWorkloads/convert', params), (error: { code?: number; message?: string }) => error.code === -32602 && what.test(error.message ?? ''));
    const at = { uri: URI, position: { line: 1, character: 0 } };
    await invalid(at, /convert: targetKind must be one of Deployment, StatefulSet, DaemonSet, ReplicaSet \(it is missing\)/);
    await invalid({ ...at, targetKind: 'Job' }, /targetKind must be one of .* \(got "Job"\)/);
    await invalid({ ...at, targetKind: 'StatefulSet', replicas: -1 }, /replicas must be an integer ≥ 0/);
    await invalid({ uri: URI, targetKind: 'StatefulSet' }, /position must be/);
    const converted = (await client.connection.sendRequest('kubeWorkloads/convert', { ...at, targetKind: 'StatefulSet' })) as { edit: { changes: Record<string, TextEdit[]> } };
    assert.ok(converted.edit.changes[URI]!.some((e) => e.newText === 'StatefulSet'));
    await assert.rejects(
      client.connection.sendRequest('kubeWorkloads/documentInfo', { uri: URI, scope: 'everything' }),
      (error: { code?: number; message?: string }) => error.code === -32602 && /documentInfo: scope must be one of all, active, kindLines/.test(error.message ?? ''),
    );
  });
});

describe('a client that takes dynamic registrations', () => {
  test('is asked to register didChangeConfiguration; one that does not, is not', async () => {
    const base: ClientCapabilities = { workspace: { configuration: true } };
    for (const [dynamicRegistration, expected] of [[true, 1], [false, 0]] as const) {
      const client = await startServer({ ...base, workspace: { ...base.workspace, didChangeConfiguration: { dynamicRegistration } } });
      // The registration follows `initialized`; a round trip after it has seen it through.
      await client.connection.sendRequest('kubeWorkloads/kindFacts', {});
      const registrations = client.serverRequests.filter((r) => r.method === 'client/registerCapability');
      assert.equal(registrations.length, expected, `dynamicRegistration: ${dynamicRegistration}`);
      assert.equal(await client.shutdown(), 0);
    }
  });
});
