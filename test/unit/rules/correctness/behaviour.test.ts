/**
 * What the correctness rules do beyond one firing case: suggestion ranking, quick-fix data,
 * Helm templates, the Kubernetes version setting, defaults, and kind misuse replacing
 * unknown-field.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAnnotated, diagnose } from '../../../support/annotations';
import { lines } from '../../../support/text';
import { editDistance, rankSuggestions } from '../../../../server/src/core/rules/util/didYouMean';
import { parseQuantity } from '../../../../server/src/core/rules/util/quantity';

const HEAD = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:'];
const TEMPLATE = [
  '  selector:', '    matchLabels: { app: web }', '  template:', '    metadata: { labels: { app: web } }',
  '    spec:', '      containers: [{ name: app, image: nginx:1.27 }]',
];

/** Error codes only: best-practice findings are warnings and another rule set's business. */
function errors(text: string, settings: Record<string, unknown> = {}): string[] {
  return diagnose(text, settings).filter((d) => d.severity === 1).map((d) => String(d.code)).sort();
}

describe('did-you-mean ranking', () => {
  test('case-only matches first, then edit distance (a swap is one edit), then prefixes', () => {
    assert.deepEqual(rankSuggestions('ServiceName', ['serviceName', 'selector']), ['serviceName']);
    assert.equal(editDistance('raplicas', 'replicas'), 1);
    assert.equal(editDistance('rpelicas', 'replicas'), 1);
    assert.deepEqual(rankSuggestions('contianers', ['containers', 'initContainers', 'overhead']), ['containers']);
    assert.deepEqual(rankSuggestions('volume', ['volumes', 'volumeMounts', 'volumeDevices', 'hostname']).slice(0, 1), ['volumes']);
    assert.deepEqual(rankSuggestions('zzzz', ['replicas', 'selector']), []);
    assert.ok(rankSuggestions('e', ['a', 'b', 'c', 'd', 'f']).length <= 3);
  });

  test('the unknown-field diagnostic carries the suggestions for the quick-fix', () => {
    const d = diagnose(lines(...HEAD, '  Replicas: 2', ...TEMPLATE)).find((x) => x.code === 'unknown-field')!;
    assert.deepEqual(d.data, { ruleId: 'unknown-field', docIndex: 0, path: 'spec', key: 'Replicas', suggestions: ['replicas'] });
  });
});

describe('quantities', () => {
  test('parse like apimachinery', () => {
    assert.equal(parseQuantity('500m'), 0.5);
    assert.equal(parseQuantity('1Gi'), 2 ** 30);
    assert.equal(parseQuantity('1e3'), 1000);
    assert.equal(parseQuantity('1.5'), 1.5);
    assert.equal(parseQuantity('2k'), 2000);
    assert.equal(parseQuantity('1 Gi'), undefined);
  });
});

describe('kind misuse', () => {
  test('replicas on a DaemonSet is one specific error, not also an unknown field', () => {
    const text = lines(
      'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:',
      '  replicas: 3',
      '# ^^^^^^^^ error field-of-another-kind: `replicas` belongs to Deployment, StatefulSet and ReplicaSet; a DaemonSet has no equivalent: it runs one pod on every eligible node (choose the nodes with a nodeSelector, affinity or tolerations).',
      ...TEMPLATE,
    );
    assert.equal(checkAnnotated(text, { rules: ['field-of-another-kind', 'unknown-field'] }), text);
    const d = diagnose(text).find((x) => x.code === 'field-of-another-kind')!;
    assert.deepEqual((d.data as { ownerKinds: string[] }).ownerKinds, ['Deployment', 'StatefulSet', 'ReplicaSet']);
  });

  test('updateStrategy on a Deployment names the equivalent', () => {
    const d = diagnose(lines(...HEAD, '  updateStrategy: { type: OnDelete }', ...TEMPLATE)).find((x) => x.code === 'field-of-another-kind')!;
    assert.match(String(d.message), /^`updateStrategy` belongs to StatefulSet and DaemonSet; a Deployment uses `strategy` \(RollingUpdate or Recreate\)\.$/);
    assert.equal((d.data as { equivalent: string }).equivalent, 'strategy');
  });
});

describe('removed apiVersions', () => {
  test('one error, no noise from the legacy fields; the fix data says a selector is needed', () => {
    const text = lines(
      'apiVersion: apps/v1beta1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  rollbackTo: { revision: 2 }',
      '  template:', '    metadata: { labels: { app: web } }', '    spec:', '      containers: [{ name: app, image: nginx }]',
    );
    assert.deepEqual(errors(text), ['removed-api-version']);
    const d = diagnose(text).find((x) => x.code === 'removed-api-version')!;
    assert.equal((d.data as { needsSelector: boolean }).needsSelector, true);
    assert.match(String(d.message), /1\.16.*1\.18.*"apps\/v1"/);
  });
});

describe('Helm templates', () => {
  test('templated values and sections raise no errors; literal mistakes still do', () => {
    const text = lines(
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ include "app.fullname" . }}', 'spec:',
      '  replicas: {{ .Values.replicas }}', '  selector:', '    matchLabels:', '      {{- include "app.selectorLabels" . | nindent 6 }}',
      '  template:', '    metadata:', '      labels:', '        {{- include "app.labels" . | nindent 8 }}', '    spec:',
      '      containers:', '        - name: app', '          image: "{{ .Values.image }}"', '          livenessProbe:',
      '          {{- toYaml .Values.probe | nindent 12 }}', '          imagePullPolicy: always',
    );
    assert.deepEqual(errors(text), ['invalid-enum']);
  });
});

describe('the Kubernetes version setting', () => {
  const sts = (extra: string[] = []) => lines(
    'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', ...extra,
    '  selector:', '    matchLabels: { app: db }', '  template:', '    metadata: { labels: { app: db } }',
    '    spec:', '      containers: [{ name: db, image: postgres:16 }]',
  );

  test('a missing serviceName is a schema warning up to 1.32 and a service-name warning from 1.33', () => {
    const old = diagnose(sts(), { kubernetesVersion: '1.32' }).filter((d) => d.code === 'missing-required' || d.code === 'service-name');
    assert.deepEqual(old.map((d) => [d.code, d.severity]), [['missing-required', 2]]);
    const now = diagnose(sts()).filter((d) => d.code === 'missing-required' || d.code === 'service-name');
    assert.deepEqual(now.map((d) => [d.code, d.severity]), [['service-name', 2]]);
  });

  test('a field newer than the configured version is unknown there', () => {
    const text = lines(...HEAD, ...TEMPLATE.slice(0, 5), '      resources: { limits: { cpu: 1 } }', TEMPLATE[5]!);
    assert.deepEqual(errors(text), []);
    const old = diagnose(text, { kubernetesVersion: '1.30' }).filter((d) => d.code === 'unknown-field');
    assert.equal(old.length, 1);
    assert.match(String(old[0]!.message), /not available in Kubernetes 1\.30/);
  });

  test('StatefulSet maxUnavailable is dropped by the server (feature gate off): a warning that says so, never an error', () => {
    const text = sts(['  serviceName: db', '  updateStrategy:', '    rollingUpdate:', '      maxUnavailable: 0']);
    for (const version of ['1.30', '1.36']) {
      assert.ok(!errors(text, { kubernetesVersion: version }).includes('statefulset-update-strategy'));
      const found = diagnose(text, { kubernetesVersion: version }).filter((d) => d.code === 'statefulset-update-strategy');
      assert.deepEqual(found.map((d) => d.severity), [2]);
      assert.match(String(found[0]!.message), new RegExp(`^maxUnavailable is dropped by the API server in ${version.replace('.', '\\.')}: the MaxUnavailableStatefulSet feature gate is off`));
    }
  });
});

describe('defaults before validation', () => {
  test('Deployment: maxSurge 0 alone is valid because maxUnavailable defaults to 25%', () => {
    assert.deepEqual(errors(lines(...HEAD, '  strategy:', '    rollingUpdate: { maxSurge: 0 }', ...TEMPLATE)), []);
  });

  test('DaemonSet: maxUnavailable 0 alone is invalid because maxSurge defaults to 0', () => {
    const text = lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  updateStrategy:', '    rollingUpdate: { maxUnavailable: 0 }', ...TEMPLATE);
    assert.deepEqual(errors(text), ['daemonset-rolling-update']);
  });

  test('Deployment: Recreate with a rollingUpdate block, and percentages above 100%', () => {
    assert.deepEqual(errors(lines(...HEAD, '  strategy:', '    type: Recreate', '    rollingUpdate: { maxSurge: 1 }', ...TEMPLATE)), ['strategy-rolling-update']);
    assert.deepEqual(errors(lines(...HEAD, '  strategy:', '    rollingUpdate: { maxUnavailable: 150%, maxSurge: 200% }', ...TEMPLATE)), ['strategy-rolling-update']);
    assert.deepEqual(errors(lines(...HEAD, '  strategy:', '    rollingUpdate: { maxUnavailable: 1.5 }', ...TEMPLATE)), ['invalid-type']);
  });

  test('a selector-mismatch carries the selector and the labels for its fix', () => {
    const text = lines(...HEAD, '  selector:', '    matchLabels: { app: web }', '  template:', '    metadata: { labels: { app: api } }', '    spec:', '      containers: [{ name: app, image: nginx:1.27 }]');
    const d = diagnose(text).find((x) => x.code === 'selector-mismatch')!;
    assert.deepEqual(d.data, { ruleId: 'selector-mismatch', docIndex: 0, selectorPath: 'spec.selector', labels: { app: 'api' }, matchLabels: { app: 'web' } });
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 5);
  });
});

describe('no errors on valid values the API server accepts', () => {
  test('quantities as numbers, booleans in YAML 1.1 spelling, int-or-string ports by name', () => {
    const text = lines(...HEAD, ...TEMPLATE.slice(0, 5),
      '      hostNetwork: yes',
      '      containers:', '        - name: app', '          image: nginx:1.27',
      '          ports: [{ name: http, containerPort: 8080 }]',
      '          readinessProbe: { httpGet: { path: /, port: http } }',
      '          resources: { requests: { cpu: 0.25, memory: 64Mi }, limits: { cpu: 1, memory: 128974848 } }',
      '          env: [{ name: A, value: "80" }]',
    );
    assert.deepEqual(errors(text), []);
  });
});

describe('rule pages', () => {
  test('every correctness rule has docs/rules/<id>.md with an example and a fix', async () => {
    const { CORRECTNESS_RULES } = await import('../../../../server/src/core/rules/correctnessCatalog');
    const { existsSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    let root = __dirname;
    while (!existsSync(path.join(root, 'package.json'))) root = path.dirname(root);
    for (const id of [...CORRECTNESS_RULES.map((r) => r.id), 'file-too-large']) {
      const page = path.join(root, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), `missing ${page}`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, /## Example[\s\S]*## Fix/, id);
    }
  });
});
