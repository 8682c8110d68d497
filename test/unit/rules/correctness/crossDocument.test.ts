/**
 * Cross-document rules: a StatefulSet's headless Service and a Service's selector, within one file.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated, diagnose } from '../../../support/annotations';
import { lines } from '../../../support/text';

const STS = (serviceName: string, app = 'db') => [
  'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', `  serviceName: ${serviceName}`,
  '  selector:', `    matchLabels: { app: ${app} }`, '  template:', `    metadata: { labels: { app: ${app} } }`,
  '    spec:', '      containers: [{ name: db, image: postgres:16 }]',
];
const SERVICE = (name: string, app: string, headless = true) => [
  '---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:',
  ...(headless ? ['  clusterIP: None'] : []), '  selector:', `    app: ${app}`, '  ports: [{ port: 5432 }]',
];
const RULES = { rules: ['statefulset-service-missing', 'service-selects-nothing'] };

describe('statefulset-service-missing', () => {
  test('warns when the file has Services but none of that name', () => {
    const text = lines(
      ...STS('db-headless').slice(0, 6),
      '#              ^^^^^^^^^^^ warning statefulset-service-missing: No Service "db-headless" in this file: add a headless Service (clusterIP: None) of that name, or fix serviceName.',
      ...STS('db-headless').slice(6),
      ...SERVICE('db', 'db'),
    );
    assert.equal(checkAnnotated(text, RULES), text);
  });

  test('is only information when the file holds no Service at all', () => {
    const text = lines(
      ...STS('db').slice(0, 6),
      '#              ^^ info statefulset-service-missing: No Service "db" in this file: make sure a headless Service (clusterIP: None) of that name exists, or the pods get no stable DNS names.',
      ...STS('db').slice(6),
    );
    assert.equal(checkAnnotated(text, RULES), text);
  });

  test('warns when the Service of that name is not headless, pointing at it', () => {
    const text = lines(
      ...STS('db').slice(0, 6),
      '#              ^^ warning statefulset-service-missing: Service "db" is not headless: set clusterIP: None on it so each pod gets a stable DNS name.',
      ...STS('db').slice(6),
      ...SERVICE('db', 'db', false),
    );
    assert.equal(checkAnnotated(text, RULES), text);
    const d = diagnose(text).find((x) => x.code === 'statefulset-service-missing')!;
    // The Service's name, counting the annotation line above it.
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 17);
  });

  test('is quiet with a matching headless Service', () => {
    const text = lines(...STS('db'), ...SERVICE('db', 'db'));
    assert.equal(checkAnnotated(text, RULES), text);
  });
});

describe('service-selects-nothing', () => {
  test('warns when no workload in the file has the selected labels, with related info to the pod labels', () => {
    const text = lines(
      ...STS('db'),
      ...SERVICE('db', 'db'),
      ...SERVICE('web', 'web').slice(0, 8),
      '# ^^^^^^^^ warning service-selects-nothing: This Service selects no pods of the workloads in this file: no pod template has the labels app=web.',
      ...SERVICE('web', 'web').slice(8),
    );
    assert.equal(checkAnnotated(text, RULES), text);
    const d = diagnose(text).find((x) => x.code === 'service-selects-nothing')!;
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 9);
    assert.deepEqual((d.data as { selector: unknown }).selector, { app: 'web' });
  });

  test('is quiet when the file has no workload', () => {
    const text = lines(...SERVICE('web', 'web').slice(1), '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: x }');
    assert.deepEqual(diagnose(text).filter((d) => d.code === 'service-selects-nothing'), []);
  });

  test('an edit in one document keeps the facts of the others', () => {
    const before = lines(...STS('db'), ...SERVICE('db', 'db'));
    const after = before.replace('serviceName: db', 'serviceName: dbx');
    assert.equal(diagnose(before).filter((d) => d.code === 'statefulset-service-missing').length, 0);
    assert.equal(diagnose(after).filter((d) => d.code === 'statefulset-service-missing').length, 1);
  });
});
