import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';
import { DocumentInfoRequest } from '../../server/src/protocol';

const TEXT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: db',
  'spec:',
  '  serviceName: db',
);

describe('kubeWorkloads/documentInfo over stdio', () => {
  let client: TestClient;
  const uri = 'file:///info.yaml';
  const ask = <R>(params: Omit<DocumentInfoRequest.Params, 'uri'>) =>
    client.connection.sendRequest(DocumentInfoRequest.method, { uri, ...params } satisfies DocumentInfoRequest.Params) as Promise<R>;
  before(async () => {
    client = await startServer();
    const diagnostics = client.nextDiagnostics(uri);
    client.open(uri, TEXT);
    await diagnostics;
  });
  after(() => client.shutdown());

  test('by default, every workload with its values and the one at the position', async () => {
    const result = await ask<DocumentInfoRequest.Result>({ position: { line: 15, character: 4 } });
    assert.deepEqual(result.workloads.map((w) => [w.index, w.kind, w.name]), [[0, 'Deployment', 'web'], [2, 'StatefulSet', 'db']]);
    assert.equal(result.active, 1);
    assert.deepEqual(result.workloads[0]!.values, { 'spec.replicas': '2' });
  });

  test("the status bar's scope: the workload at the position alone", async () => {
    const result = await ask<DocumentInfoRequest.Result>({ position: { line: 15, character: 4 }, scope: 'active' });
    assert.equal(result.active, 0);
    assert.deepEqual(result.workloads.map((w) => [w.index, w.kind, w.values]), [[2, 'StatefulSet', { 'spec.serviceName': 'db' }]]);
    const onService = await ask<DocumentInfoRequest.Result>({ position: { line: 8, character: 2 }, scope: 'active' });
    assert.deepEqual(onService.workloads, []);
  });

  test("the lenses' scope: every kind line, no values", async () => {
    const result = await ask<DocumentInfoRequest.KindLinesResult>({ scope: 'kindLines' });
    assert.deepEqual(
      result.workloads.map((w) => [w.index, w.kind, w.kindRange.start.line, 'values' in w, 'range' in w]),
      [[0, 'Deployment', 1, false, false], [2, 'StatefulSet', 13, false, false]],
    );
  });
});
