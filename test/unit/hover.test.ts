import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/core/features/hover';
import type { ClientAbilities, FeatureContext } from '../../server/src/core/features/featureContext';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { CURSOR, lines, withCursor } from '../support/text';

const MARKDOWN: ClientAbilities = { markdown: true, completionMarkdown: true, snippets: true, commandLinks: false };

function hoverText(marked: string, abilities: ClientAbilities = MARKDOWN): string | null {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
  const ctx: FeatureContext = { settings: DEFAULT_SETTINGS, abilities, docsBase: 'https://example.test/' };
  const result = hover(parseFile(document), offset, ctx);
  return result ? (result.contents as MarkupContent).value : null;
}

/** A Deployment whose pod template holds `podSpec` lines (indented by the caller at 6 spaces). */
function deployment(...podSpec: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels:',
    '    app: web',
    'spec:',
    '  replicas: 4',
    '  selector:',
    '    matchLabels: {app: web}',
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate:',
    '      maxSurge: 25%',
    '      maxUnavailable: 25%',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    ...podSpec,
  );
}

const POD = [
  '      initContainers:',
  '      - name: init',
  '        image: busybox',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
  '        env:',
  '        - name: MODE',
  '          value: prod',
  '        ports:',
  '        - containerPort: 80',
  '        volumeMounts:',
  '        - name: data',
  '          mountPath: /data',
  '        livenessProbe:',
  '          httpGet: {path: /healthz, port: 80}',
  '        resources:',
  '          limits:',
  '            cpu: 500m',
  '        securityContext:',
  '          runAsNonRoot: true',
  '      volumes:',
  '      - name: data',
  '        emptyDir: {}',
  '      affinity:',
  '        podAntiAffinity: {}',
  '      tolerations:',
  '      - key: dedicated',
  '        effect: NoSchedule',
  '      topologySpreadConstraints:',
  '      - maxSkew: 1',
  '        topologyKey: zone',
  '        whenUnsatisfiable: DoNotSchedule',
];

/** Puts the cursor on the first occurrence of `needle` (after its first character). */
function at(text: string, needle: string): string {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture has ${needle}`);
  return text.slice(0, i + 1) + CURSOR + text.slice(i + 1);
}

describe('field hover', () => {
  const doc = deployment(...POD);
  const cases: [needle: string, path: string, type: RegExp][] = [
    ['name: web', 'metadata.name', /string · optional/],
    ['labels:', 'metadata.labels', /map of string to string/],
    ['replicas:', 'spec.replicas', /integer · optional/],
    ['selector:', 'spec.selector', /LabelSelector · \*\*required\*\*/],
    ['maxSurge', 'spec.strategy.rollingUpdate.maxSurge', /IntOrString/],
    ['initContainers', 'spec.template.spec.initContainers', /list of Container/],
    ['image: busybox', 'spec.template.spec.initContainers[0].image', /string/],
    ['env:', 'spec.template.spec.containers[0].env', /list of EnvVar/],
    ['value: prod', 'spec.template.spec.containers[0].env[0].value', /string/],
    ['containerPort', 'spec.template.spec.containers[0].ports[0].containerPort', /integer · \*\*required\*\*/],
    ['mountPath', 'spec.template.spec.containers[0].volumeMounts[0].mountPath', /required/],
    ['livenessProbe', 'spec.template.spec.containers[0].livenessProbe', /Probe/],
    ['limits:', 'spec.template.spec.containers[0].resources.limits', /map of string to Quantity/],
    ['runAsNonRoot', 'spec.template.spec.containers[0].securityContext.runAsNonRoot', /boolean/],
    ['emptyDir', 'spec.template.spec.volumes[0].emptyDir', /EmptyDirVolumeSource/],
    ['podAntiAffinity', 'spec.template.spec.affinity.podAntiAffinity', /PodAntiAffinity/],
    ['effect: NoSchedule', 'spec.template.spec.tolerations[0].effect', /`NoExecute`, `NoSchedule`, `PreferNoSchedule`/],
    ['whenUnsatisfiable', 'spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable', /required/],
  ];
  for (const [needle, path, type] of cases) {
    test(`${path}`, () => {
      const text = hoverText(at(doc, needle));
      assert.ok(text, 'has a hover');
      assert.ok(text.startsWith(`**\`${path}\`**`), text.slice(0, 120));
      assert.match(text, type);
    });
  }

  test('the description, the API-server default and the reference link are shown', () => {
    const text = hoverText(at(doc, 'replicas:'))!;
    assert.match(text, /Number of desired pods/);
    assert.match(text, /Default \(set by the API server\): `1`/);
    assert.match(text, /\[DeploymentSpec in the API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/kubernetes-api\/workload-resources\/deployment-v1\/#DeploymentSpec\)/);
  });

  test('strategy type lists its enum values and default', () => {
    const text = hoverText(at(doc, 'type: RollingUpdate'))!;
    assert.match(text, /Allowed values: `Recreate`, `RollingUpdate`/);
    assert.match(text, /Default \(set by the API server\): `RollingUpdate`/);
  });

  test('a field newer than 1.30 says when it appeared', () => {
    const text = hoverText(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', `      hostname${CURSOR}Override: x`))!;
    assert.match(text, /New in Kubernetes 1\.34–1\.36/);
  });

  test('StatefulSet volumeClaimTemplates and update strategy fields', () => {
    const sts = lines(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'spec:',
      '  updateStrategy:',
      '    rollingUpdate:',
      `      parti${CURSOR}tion: 2`,
      '  volumeClaimTemplates:',
      '  - metadata: {name: data}',
      '    spec:',
      '      accessModes: [ReadWriteOnce]',
    );
    assert.match(hoverText(sts)!, /spec\.updateStrategy\.rollingUpdate\.partition`\*\*\n\ninteger · optional[\s\S]*Default \(set by the API server\): `0`/);
    const vct = hoverText(sts.replace(CURSOR, '').replace('accessModes', `access${CURSOR}Modes`))!;
    assert.match(vct, /spec\.volumeClaimTemplates\[0\]\.spec\.accessModes/);
    assert.match(vct, /list of string/);
    assert.match(vct, /`ReadWriteOncePod`/);
  });

  test('a map key names its map', () => {
    const text = hoverText(at(deployment(...POD), 'app: web'))!;
    assert.match(text, /^\*\*`metadata\.labels\.app`\*\*\n\nstring · entry of the map `labels`/);
  });
});

describe('hover stays out of the way', () => {
  test('non-Kubernetes YAML gets no hover', () => {
    assert.equal(hoverText(lines('name: CI', `o${CURSOR}n: [push]`, 'jobs: {}')), null);
  });

  test('a ConfigMap field is hovered from the model; a custom resource is not', () => {
    assert.match(hoverText(lines('apiVersion: v1', 'kind: ConfigMap', `da${CURSOR}ta: {a: b}`)) ?? '', /Data contains the configuration data/);
    assert.equal(hoverText(lines('apiVersion: example.com/v1', 'kind: Widget', `da${CURSOR}ta: {a: b}`)), null);
  });

  test('an unknown field gets no hover', () => {
    assert.equal(hoverText(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', `  replica${CURSOR}ss: 3`)), null);
  });
});
