/**
 * Suppression: one line (`# kube-workloads-disable-next-line`), one object (the
 * `kube-workloads.io/ignore` annotation) and the whole file (`# kube-workloads-disable-file`).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../support/annotations';
import { lines } from '../support/text';
import { RULES_BY_ID } from '../../server/src/core/rules';

/** A Deployment with an untagged image and no resources: the container findings on line 11, latest-tag on 12. */
function deployment(name: string, opts: { annotations?: string[]; before?: string[]; beforeImage?: string[] } = {}): string[] {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(opts.annotations ? ['  annotations:', ...opts.annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    ...(opts.before ?? []),
    '      - name: web',
    ...(opts.beforeImage ?? []),
    '        image: nginx',
  ];
}

function codes(text: string, docName?: string): string[] {
  // Only best-practice findings: the correctness rules are not what these tests are about.
  return diagnose(text)
    .filter((d) => RULES_BY_ID.get(String(d.code))?.category === 'best-practice')
    .filter((d) => docName === undefined || (d.data as { docIndex: number }).docIndex === Number(docName))
    .map((d) => `${d.range.start.line + 1} ${String(d.code)}`)
    .sort();
}

const ALL_ON_CONTAINER = ['allow-privilege-escalation', 'cpu-requests', 'drop-net-raw', 'memory-limits', 'memory-requests', 'read-only-root-filesystem', 'run-as-non-root'];

describe('suppression', () => {
  test('without suppression the container gets its findings (the baseline the other tests silence)', () => {
    const found = codes(lines(...deployment('web')));
    assert.deepEqual(found, [...ALL_ON_CONTAINER.map((id) => `11 ${id}`), '12 latest-tag'].sort());
  });

  test('disable-next-line silences the named rule on the next line only', () => {
    const found = codes(lines(...deployment('web', { beforeImage: ['        # kube-workloads-disable-next-line latest-tag'] })));
    assert.ok(!found.some((c) => c.endsWith('latest-tag')));
    assert.ok(found.includes('11 memory-limits'), 'other lines keep their findings');
  });

  test('disable-next-line takes a comma-separated list and a "-- reason"', () => {
    const text = lines(...deployment('web', { before: ['      # kube-workloads-disable-next-line memory-limits, cpu-requests -- sized by the VPA'] }));
    const found = codes(text);
    assert.ok(!found.includes('12 memory-limits') && !found.includes('12 cpu-requests'));
    assert.ok(found.includes('12 memory-requests'), 'rules not listed still fire on that line');
  });

  test('disable-next-line without ids silences every rule on that line, and not the line after', () => {
    const found = codes(lines(...deployment('web', { before: ['      # kube-workloads-disable-next-line'] })));
    assert.deepEqual(found, ['13 latest-tag']);
  });

  test('the ignore annotation silences the listed rules for that object only', () => {
    const text = lines(
      ...deployment('a', { annotations: ['kube-workloads.io/ignore: "latest-tag,memory-limits"'] }),
      '---',
      ...deployment('b'),
    );
    const first = codes(text, '0');
    assert.ok(!first.some((c) => c.endsWith(' latest-tag') || c.endsWith(' memory-limits')));
    assert.ok(first.some((c) => c.endsWith(' memory-requests')));
    const second = codes(text, '1');
    assert.ok(second.some((c) => c.endsWith(' latest-tag')) && second.some((c) => c.endsWith(' memory-limits')));
  });

  test('the ignore annotation with "*" silences every rule of the object', () => {
    assert.deepEqual(codes(lines(...deployment('a', { annotations: ['kube-workloads.io/ignore: "*"'] }))), []);
  });

  test('disable-file with ids silences those rules in every document, wherever the comment is', () => {
    const text = lines(...deployment('a'), '---', '# kube-workloads-disable-file latest-tag run-as-non-root', ...deployment('b'));
    const found = codes(text);
    assert.ok(!found.some((c) => c.endsWith(' latest-tag') || c.endsWith(' run-as-non-root')));
    assert.equal(found.filter((c) => c.endsWith(' memory-limits')).length, 2);
  });

  test('disable-file without ids silences the whole file', () => {
    assert.deepEqual(codes(lines('# kube-workloads-disable-file', ...deployment('a'), '---', ...deployment('b'))), []);
  });

  test('a similar-looking comment does not suppress anything', () => {
    const found = codes(lines(...deployment('web', { beforeImage: ['        # kube-workloads-disable-next-lines latest-tag'] })));
    assert.ok(found.some((c) => c.endsWith(' latest-tag')));
  });
});
