import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../support/text';
import { KINDS, convertText, errorsOf, fixtureDirs, kindOfSlug, readFixture, unreportedLosses } from './fixtureSupport';

describe('conversion safety', () => {
  test('converting and converting back loses only what was reported as dropped', () => {
    for (const dir of fixtureDirs()) {
      const [from, to] = dir.split('-to-') as [string, string];
      const input = readFixture(dir, 'input.yaml')!.replace(/\r\n/g, '\n');
      assert.deepEqual(unreportedLosses(input, kindOfSlug(from), kindOfSlug(to)), [], dir);
    }
  });

  test('generated workloads of every kind convert to each other kind without errors', () => {
    for (const kind of KINDS) {
      for (const flow of [false, true]) {
        const text = generated(kind, flow);
        for (const target of KINDS.filter((k) => k !== kind)) {
          const out = convertText(text, target, 2);
          assert.deepEqual(errorsOf(out.text), [], `${kind}${flow ? ' (flow)' : ''} → ${target}\n${out.text}`);
        }
      }
    }
  });

  test('a DaemonSet converted to a Deployment gets the replica count the user chose', () => {
    const out = convertText(generated('DaemonSet', false), 'Deployment', 4);
    assert.match(out.text, /^spec:\n {2}replicas: 4\n/m);
  });
});

/** A small workload of a kind, with each kind's own fields, in block or flow style. */
function generated(kind: string, flow: boolean): string {
  const extra: Record<string, string[]> = {
    Deployment: ['  replicas: 2', '  strategy: {type: Recreate}', '  paused: false'],
    StatefulSet: ['  replicas: 2', '  serviceName: g', '  updateStrategy: {type: OnDelete}', '  podManagementPolicy: OrderedReady'],
    DaemonSet: ['  updateStrategy:', '    type: RollingUpdate', '    rollingUpdate: {maxUnavailable: 1}'],
    ReplicaSet: ['  replicas: 2'],
  };
  const selector = flow ? ['  selector: {matchLabels: {app: g}}'] : ['  selector:', '    matchLabels:', '      app: g'];
  return lines(
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata: {name: g}',
    'spec:',
    ...extra[kind]!,
    ...selector,
    '  template:',
    '    metadata: {labels: {app: g}}',
    '    spec:',
    '      containers:',
    '        - {name: g, image: "busybox:1.36"}',
  );
}

