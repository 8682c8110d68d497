import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { CATALOG, fieldDefault } from '../../server/src/core/defaults/catalog';
import { applyDefaults } from '../../server/src/core/defaults/applyDefaults';
import { pullPolicyFor } from '../../server/src/core/defaults/podDefaults';
import { getType } from '../../server/src/core/model/model';
import { inlayHints, resolveInlayHint } from '../../server/src/core/features/inlayHints';
import { effectiveManifest } from '../../server/src/core/features/effectiveManifest';
import { insertDefaultsActions } from '../../server/src/core/features/defaultActions';
import { hover } from '../../server/src/core/features/hover';
import { applyTextEdits } from '../../server/src/core/edit/textEdits';
import { parseFile, type ParsedFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/settings/settings';
import { lines, withCursor } from '../support/text';

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  uid: 0d5c6a1e-4c1b-4e8e-9a57-111111111111',
  'spec:',
  '  # two, for the rollout',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27   # pinned',
  '          ports:',
  '            - containerPort: 80',
  '          livenessProbe:',
  '            httpGet: {path: /healthz, port: 80}',
  '            periodSeconds: 0',
  'status:',
  '  replicas: 2',
);

function file(text: string): ParsedFile {
  return parseFile(TextDocument.create('file:///t.yaml', 'yaml', 1, text));
}

const settings = (inlayHintsMode: Settings['inlayHints']): Settings => ({ ...DEFAULT_SETTINGS, inlayHints: inlayHintsMode });

/** Each hint as `line: label`. */
function hintLines(hints: readonly InlayHint[]): string[] {
  return hints.map((h) => `${h.position.line}: ${String(h.label)}`);
}

describe('the defaults catalog', () => {
  test('agrees with every "Defaults to …" the API reference states for a field it sets to a fixed value', () => {
    let checked = 0;
    for (const [typeId, defaults] of Object.entries(CATALOG)) {
      for (const entry of defaults.fields ?? []) {
        if (typeof entry.value === 'function' || typeof entry.value === 'object') continue;
        const description = getType(typeId)?.fields[entry.field]?.description ?? '';
        const match = /Defaults? to ["']?([^\s"'.,;]+)( hours?)?/.exec(description);
        const stated = match?.[1];
        if (!stated) continue;
        // "0644" is octal, "600s" and "1 hour" are durations in seconds.
        const value = /^0[0-7]{3}$/.test(stated) ? parseInt(stated, 8) : match[2] ? Number(stated) * 3600 : stated.replace(/^(\d+)s$/, '$1');
        assert.equal(String(entry.value), String(value), `${typeId}.${entry.field}`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `only ${checked} defaults stated in the API reference were compared`);
  });

  test('the pull policy follows the image tag as the server parses it', () => {
    assert.equal(pullPolicyFor('nginx'), 'Always');
    assert.equal(pullPolicyFor('nginx:latest'), 'Always');
    assert.equal(pullPolicyFor('registry.example.com:5000/team/nginx'), 'Always');
    assert.equal(pullPolicyFor('registry.example.com:5000/team/nginx:1.27'), 'IfNotPresent');
    assert.equal(pullPolicyFor('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), 'IfNotPresent');
    assert.equal(pullPolicyFor('Nginx'), 'IfNotPresent', 'a reference that does not parse has no tag');
  });

  test('a default from a feature gate applies from the Kubernetes version that enables it', () => {
    const entry = CATALOG['apps.v1.DeploymentSpec']!.fields!.find((f) => f.field === 'revisionHistoryLimit')!;
    const source = { apiVersion: 'apps/v1', kind: 'Deployment', spec: {} };
    const gated = { ...entry, sinceMinor: 34 };
    const original = CATALOG['apps.v1.DeploymentSpec']!.fields!;
    (CATALOG['apps.v1.DeploymentSpec'] as { fields: unknown }).fields = original.map((f) => (f === entry ? gated : f));
    try {
      assert.equal((applyDefaults(source, 33)!.object['spec'] as Record<string, unknown>)['revisionHistoryLimit'], undefined);
      assert.equal((applyDefaults(source, 34)!.object['spec'] as Record<string, unknown>)['revisionHistoryLimit'], 10);
    } finally {
      (CATALOG['apps.v1.DeploymentSpec'] as { fields: unknown }).fields = original;
    }
  });

  test('hovers and completion read their defaults from the catalog', () => {
    assert.equal(fieldDefault('apps.v1.DeploymentSpec', 'progressDeadlineSeconds'), '`600`');
    assert.equal(fieldDefault('core.v1.Probe', 'initialDelaySeconds'), '`0`');
    assert.equal(fieldDefault('core.v1.Container', 'name'), undefined);
  });
});

describe('inlay hints', () => {
  test('surprising (the default): strategy, pull policy, probe timings; each after its mapping', () => {
    const f = file(DEPLOYMENT);
    assert.deepEqual(hintLines(inlayHints(f, 0, DEPLOYMENT.length, DEFAULT_SETTINGS, false)), [
      '5: strategy: RollingUpdate (maxSurge 25%, maxUnavailable 25%)',
      '16: imagePullPolicy: IfNotPresent',
      '19: timeoutSeconds: 1, periodSeconds: 10 (0 is replaced) +2',
      '13: terminationGracePeriodSeconds: 30',
    ].sort((a, b) => parseInt(a) - parseInt(b)));
  });

  test('on: every default; off: none', () => {
    const f = file(DEPLOYMENT);
    const on = hintLines(inlayHints(f, 0, DEPLOYMENT.length, settings('on'), false));
    assert.ok(on.includes('18: protocol: TCP'), on.join('\n'));
    assert.ok(on.includes('5: strategy: RollingUpdate (maxSurge 25%, maxUnavailable 25%) +2'), on.join('\n'));
    assert.ok(on.includes('13: dnsPolicy: ClusterFirst, restartPolicy: Always +2'), on.join('\n'));
    assert.ok(on.includes('20: scheme: HTTP'), on.join('\n'));
    assert.deepEqual(inlayHints(f, 0, DEPLOYMENT.length, settings('off'), false), []);
  });

  test('only the hints in the asked range', () => {
    const f = file(DEPLOYMENT);
    const start = DEPLOYMENT.indexOf('      containers:');
    assert.deepEqual(hintLines(inlayHints(f, start, DEPLOYMENT.indexOf('          ports:'), DEFAULT_SETTINGS, false)), ['16: imagePullPolicy: IfNotPresent']);
  });

  test('resolve adds the tooltip and the edits that write the defaults, in the file\'s indentation', () => {
    const f = file(DEPLOYMENT);
    const probe = inlayHints(f, 0, DEPLOYMENT.length, DEFAULT_SETTINGS, false).find((h) => h.position.line === 19)!;
    assert.equal(probe.tooltip, undefined);
    const resolved = resolveInlayHint(f, probe, DEFAULT_SETTINGS);
    assert.match((resolved.tooltip as MarkupContent).value, /Set by the API server/);
    const after = applyTextEdits(f.document, resolved.textEdits!);
    assert.ok(
      after.includes(lines('          livenessProbe:', '            httpGet: {path: /healthz, port: 80}', '            periodSeconds: 10', '            timeoutSeconds: 1', '            successThreshold: 1', '            failureThreshold: 3', 'status:')),
      after,
    );
    assert.ok(after.includes('image: nginx:1.27   # pinned') && after.includes('# two, for the rollout'));
  });

  test('eager clients get tooltips and edits at once; Helm templates and documents with errors get none', () => {
    const f = file(DEPLOYMENT);
    assert.ok(inlayHints(f, 0, DEPLOYMENT.length, DEFAULT_SETTINGS, true).every((h) => h.tooltip && h.textEdits?.length));
    const helm = DEPLOYMENT.replace('replicas: 2', 'replicas: {{ .Values.replicas }}');
    assert.deepEqual(inlayHints(file(helm), 0, helm.length, DEFAULT_SETTINGS, false), []);
    const broken = DEPLOYMENT.replace('  replicas: 2', '  replicas: [2');
    assert.deepEqual(inlayHints(file(broken), 0, broken.length, DEFAULT_SETTINGS, false), []);
  });
});

describe('the effective manifest', () => {
  test('fills every default into the user\'s text and leaves out what the server keeps for itself', () => {
    const result = effectiveManifest(file(DEPLOYMENT), '1.36');
    assert.equal(result.changed, 1);
    assert.equal(
      result.text,
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  # two, for the rollout',
        '  replicas: 2',
        '  selector:',
        '    matchLabels: {app: web}',
        '  template:',
        '    metadata:',
        '      labels: {app: web}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27   # pinned',
        '          ports:',
        '            - containerPort: 80',
        '              protocol: TCP',
        '          livenessProbe:',
        '            httpGet: {path: /healthz, port: 80, scheme: HTTP}',
        '            periodSeconds: 10',
        '            timeoutSeconds: 1',
        '            successThreshold: 1',
        '            failureThreshold: 3',
        '          imagePullPolicy: IfNotPresent',
        '          terminationMessagePath: /dev/termination-log',
        '          terminationMessagePolicy: File',
        '      dnsPolicy: ClusterFirst',
        '      restartPolicy: Always',
        '      terminationGracePeriodSeconds: 30',
        '      schedulerName: default-scheduler',
        '  strategy:',
        '    type: RollingUpdate',
        '    rollingUpdate:',
        '      maxUnavailable: 25%',
        '      maxSurge: 25%',
        '  revisionHistoryLimit: 10',
        '  progressDeadlineSeconds: 600',
      ),
    );
  });

  test('documents it cannot make effective are shown as written, and said so', () => {
    const text = DEPLOYMENT + lines('---', 'apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}');
    const result = effectiveManifest(file(text), '1.36');
    assert.ok(result.text.endsWith(lines('---', 'apiVersion: example.com/v1', 'kind: Widget', 'metadata: {name: w}')));
    assert.deepEqual(result.asWritten, ['document 2 (Widget): no defaults known for example.com/v1 Widget']);
  });

  test('a Service, a Secret\'s stringData and a CronJob, as the server holds them', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec:',
      '  selector: {app: web}',
      '  ports:',
      '    - port: 80',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: s}',
      'stringData:',
      '  user: admin',
    );
    assert.equal(
      effectiveManifest(file(text), '1.36').text,
      lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: web}',
        'spec:',
        '  selector: {app: web}',
        '  ports:',
        '    - port: 80',
        '      protocol: TCP',
        '      targetPort: 80',
        '  type: ClusterIP',
        '  sessionAffinity: None',
        '  internalTrafficPolicy: Cluster',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata: {name: s}',
        'type: Opaque',
        'data:',
        '  user: YWRtaW4=',
      ),
    );
  });
});

describe('insert defaults and hover', () => {
  test('the code actions at a container write all of its defaults, or one', () => {
    const f = file(DEPLOYMENT);
    const actions = insertDefaultsActions(f, DEPLOYMENT.indexOf('nginx:1.27'), DEFAULT_SETTINGS);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        "Write the API server's 3 defaults here (imagePullPolicy, terminationMessagePath, terminationMessagePolicy)",
        'Write `imagePullPolicy: IfNotPresent` (set by the API server)',
        'Write `terminationMessagePath: /dev/termination-log` (set by the API server)',
        'Write `terminationMessagePolicy: File` (set by the API server)',
      ],
    );
    const one = applyTextEdits(f.document, actions[1]!.edit!.changes!['file:///t.yaml'] as TextEdit[]);
    assert.ok(one.includes(lines('            periodSeconds: 0', '          imagePullPolicy: IfNotPresent', 'status:')), one);
  });

  test('a hover on a mapping lists the fields it leaves out with the values the server sets', () => {
    const marked = DEPLOYMENT.replace('livenessProbe:', 'liveness<|>Probe:');
    const { text, offset } = withCursor(marked);
    const h = hover(file(text), offset, { settings: DEFAULT_SETTINGS, abilities: { markdown: true, completionMarkdown: true, snippets: true, commandLinks: false }, docsBase: 'https://example.test/' });
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /`timeoutSeconds` not set: the API server sets `1`/);
    assert.match(value, /`periodSeconds` written as `0`: the API server sets `10`/);
  });
});
