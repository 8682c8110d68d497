import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { computeDocumentInfo } from '../../server/src/core/features/documentInfo';
import { CURSOR, lines, withCursor } from '../support/text';

function info(textWithCursor: string) {
  const hasCursor = textWithCursor.includes(CURSOR);
  const { text, offset } = hasCursor ? withCursor(textWithCursor) : { text: textWithCursor, offset: undefined };
  return computeDocumentInfo(parseFile(TextDocument.create('file:///i.yaml', 'yaml', 1, text)), offset);
}

const STATEFUL = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: db',
  'spec:',
  '  serviceName: db-headless',
  '  replicas: 3',
  '  podManagementPolicy: Parallel',
  '  updateStrategy:',
  '    type: RollingUpdate',
  '    rollingUpdate:',
  '      partition: 1',
  '  volumeClaimTemplates:',
  '    - metadata:',
  '        name: data',
  '    - metadata:',
  '        name: logs',
];

describe('documentInfo', () => {
  test('a StatefulSet: kind, name, kind line and its own values', () => {
    const result = info(lines(...STATEFUL));
    assert.equal(result.workloads.length, 1);
    const w = result.workloads[0]!;
    assert.equal(w.kind, 'StatefulSet');
    assert.equal(w.apiVersion, 'apps/v1');
    assert.equal(w.name, 'db');
    assert.deepEqual(w.kindRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } });
    assert.deepEqual(w.values, {
      'spec.replicas': '3',
      'spec.serviceName': 'db-headless',
      'spec.podManagementPolicy': 'Parallel',
      'spec.updateStrategy.type': 'RollingUpdate',
      'spec.updateStrategy.rollingUpdate.partition': '1',
      'spec.volumeClaimTemplates': 'data, logs',
    });
    assert.equal(result.active, undefined, 'no position, no active workload');
  });

  test('defaults are not invented: a bare Deployment reports only what it sets', () => {
    const result = info(lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  strategy:', '    type: Recreate'));
    assert.deepEqual(result.workloads[0]!.values, { 'spec.strategy.type': 'Recreate' });
  });

  test('several documents: only workloads are listed, the one at the cursor is active', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: db',
      '---',
      ...STATEFUL.slice(0, 6),
      '---',
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      `  name: ag${CURSOR}ent`,
    );
    const result = info(text);
    assert.deepEqual(
      result.workloads.map((w) => [w.index, w.kind, w.name]),
      [
        [1, 'StatefulSet', 'db'],
        [2, 'DaemonSet', 'agent'],
      ],
    );
    assert.equal(result.active, 1);
    assert.equal(result.workloads[1]!.kindRange.start.line, 13);
  });

  test('the cursor on a Service is not on a workload', () => {
    const result = info(lines('apiVersion: v1', `kind: Ser${CURSOR}vice`, '---', ...STATEFUL.slice(0, 4)));
    assert.equal(result.workloads.length, 1);
    assert.equal(result.active, undefined);
  });

  test('a name containing markup is passed through unchanged (the client escapes it)', () => {
    const result = info(lines('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata:', '  name: "<b>x</b>"'));
    assert.equal(result.workloads[0]!.name, '<b>x</b>');
  });
});
