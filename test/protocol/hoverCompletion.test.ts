import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';
import { KindFactsRequest } from '../../server/src/protocol';

const DOC = lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  replicas: 2', '  ');

async function hoverAt(client: TestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

describe('hover and completion over stdio (Markdown client)', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.stderr, []);
  });

  test('announces hover and completion', () => {
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
    assert.ok(client.initializeResult.capabilities.completionProvider);
  });

  test('hover on a field of another kind answers Markdown with a note', async () => {
    client.open('file:///ds.yaml', DOC);
    const result = await hoverAt(client, 'file:///ds.yaml', 4, 4);
    const contents = result!.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /\*\*`spec\.replicas` does not apply to a DaemonSet\.\*\*/);
    assert.deepEqual(result!.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 10 } });
  });

  test('completion on an empty line of spec offers DaemonSet keys as snippets', async () => {
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: 'file:///ds.yaml' },
      position: { line: 5, character: 2 },
    })) as CompletionItem[];
    const byLabel = new Map(items.map((i) => [i.label, i]));
    assert.ok(byLabel.has('updateStrategy'));
    assert.ok(!byLabel.has('replicas'));
    assert.equal(byLabel.get('selector')!.insertTextFormat, 2);
    assert.equal((byLabel.get('selector')!.documentation as MarkupContent).kind, 'markdown');
  });

  test('kindFacts answers the rows the panel shows', async () => {
    const result = (await client.connection.sendRequest(KindFactsRequest.method, {})) as KindFactsRequest.Result;
    assert.deepEqual(result.rows.map((r) => r.id), ['purpose', 'identity', 'scaling', 'updates', 'ordering', 'storage', 'network', 'deletion', 'uniqueFields', 'typical']);
    assert.match(result.rows[1]!.values.DaemonSet, /<5 random chars>/);
  });

  test('hover outside Kubernetes YAML is null', async () => {
    client.open('file:///ci.yaml', lines('name: CI', 'on: [push]'));
    assert.equal(await hoverAt(client, 'file:///ci.yaml', 0, 2), null);
  });
});

describe('hover and completion over stdio (plain-text client)', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer({ textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { snippetSupport: false } } } });
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('hover answers plain text and completion plain insert text', async () => {
    client.open('file:///ds.yaml', DOC);
    const result = await hoverAt(client, 'file:///ds.yaml', 1, 8);
    const contents = result!.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^DaemonSet\n/);
    assert.doesNotMatch(contents.value, /\*\*|`|command:/);
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: 'file:///ds.yaml' },
      position: { line: 5, character: 2 },
    })) as CompletionItem[];
    const selector = items.find((i) => i.label === 'selector')!;
    assert.equal(selector.insertTextFormat, 1);
    assert.equal((selector.textEdit as { newText: string }).newText, 'selector:', 'one line: the client cannot place the cursor below');
    assert.equal((selector.documentation as MarkupContent).kind, 'plaintext', 'docs follow completionItem.documentationFormat');
  });
});
