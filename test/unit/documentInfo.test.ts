import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { computeDocumentInfo, computeKindLines } from '../../server/src/core/features/documentInfo';
import { CURSOR, lines, withCursor } from '../support/text';

function parsed(textWithCursor: string) {
  const hasCursor = textWithCursor.includes(CURSOR);
  const { text, offset } = hasCursor ? withCursor(textWithCursor) : { text: textWithCursor, offset: undefined };
  return { file: parseFile(TextDocument.create('file:///i.yaml', 'yaml', 1, text)), offset };
}

function info(textWithCursor: string, scope: 'all' | 'active' = 'all') {
  const { file, offset } = parsed(textWithCursor);
  return computeDocumentInfo(file, offset, scope);
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

  describe('what the status bar and the lenses ask for', () => {
    const bundle = (cursorIn: 'service' | 'statefulset' | 'daemonset') =>
      lines(
        'apiVersion: v1',
        cursorIn === 'service' ? `kind: Ser${CURSOR}vice` : 'kind: Service',
        'metadata:',
        '  name: db',
        '---',
        ...STATEFUL.slice(0, 6),
        cursorIn === 'statefulset' ? `  replicas: 3${CURSOR}` : '  replicas: 3',
        '---',
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata:',
        cursorIn === 'daemonset' ? `  name: ag${CURSOR}ent` : '  name: agent',
      );

    test("scope 'active' lists only the workload at the cursor, as the full answer has it", () => {
      for (const where of ['statefulset', 'daemonset'] as const) {
        const full = info(bundle(where));
        const active = info(bundle(where), 'active');
        assert.equal(active.active, 0);
        assert.deepEqual(active.workloads, [full.workloads[full.active!]]);
      }
      assert.deepEqual(info(bundle('daemonset'), 'active').workloads[0]!.name, 'agent');
    });

    test("scope 'active' on a Service or without a position lists nothing", () => {
      assert.deepEqual(info(bundle('service'), 'active'), { workloads: [], active: undefined });
      const { file } = parsed(bundle('service'));
      assert.deepEqual(computeDocumentInfo(file, undefined, 'active'), { workloads: [], active: undefined });
    });

    test('the kind lines are the full answer without ranges and values', () => {
      const { file } = parsed(bundle('service'));
      const full = computeDocumentInfo(file, undefined);
      assert.equal(full.workloads.length, 2);
      assert.deepEqual(
        computeKindLines(file),
        full.workloads.map(({ index, kind, apiVersion, name, kindRange }) => ({ index, kind, apiVersion, name, kindRange })),
      );
    });
  });
});
