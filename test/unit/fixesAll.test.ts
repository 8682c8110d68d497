import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction } from 'vscode-languageserver-types';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { fixAll, quickFixes } from '../../server/src/core/features/codeActions';
import { applyTextEdits } from '../../server/src/core/edit/textEdits';
import { normalizeSettings } from '../../server/src/core/settings/settings';
import { diagnose } from '../support/annotations';
import { lines } from '../support/text';

const URI = 'file:///all.yaml';
const SETTINGS = normalizeSettings({});

function runFixAll(text: string): string {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return applyTextEdits(document, fixAll(parseFile(document), SETTINGS));
}

function fixFor(text: string, rule: string, title: RegExp): string {
  const diagnostics = diagnose(text, {}, URI).filter((d) => d.code === rule);
  const actions: CodeAction[] = quickFixes(parseFile(TextDocument.create(URI, 'yaml', 1, text)), diagnostics);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no ${String(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  const out = applyTextEdits(TextDocument.create(URI, 'yaml', 1, text), action.edit!.changes![URI]!);
  assert.equal(diagnose(out, {}, URI).filter((d) => d.code === rule).length, 0, `${rule} is fixed`);
  return out;
}

const BROKEN = lines(
  '# legacy manifest',
  'apiVersion: extensions/v1beta1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicass: 2 # typo',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      restartPolicy: OnFailure',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
);

describe('fix-all and the remaining quick-fixes', () => {
  test('fix-all applies the preferred fixes together, keeps comments, and leaves no error', () => {
    const out = runFixAll(BROKEN);
    assert.match(out, /^# legacy manifest\napiVersion: apps\/v1\n/);
    assert.match(out, /replicas: 2 # typo/);
    assert.match(out, /restartPolicy: Always/);
    assert.match(out, /selector:\n {4}matchLabels:\n {6}app: web/);
    assert.match(out, /allowPrivilegeEscalation: false/);
    const errors = diagnose(out, {}, URI).filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => e.message), []);
  });

  test('fix-all is idempotent', () => {
    const once = runFixAll(BROKEN);
    assert.equal(runFixAll(once), once);
  });

  test('fix-all does not combine two fixes that each create the same key (fuzz seed 305)', () => {
    // Renaming "select or" to "selector" and adding a missing selector are each right, not both.
    const body = ['    matchLabels:', '      app: f', '  template:', '    metadata:', '      labels:', '        app: f', '    spec:', '      containers:', '        - name: f', '          image: busybox:1.36'];
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: f}', 'spec:', '  select or:', ...body);
    const out = runFixAll(text);
    assert.equal(out, lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: f}', 'spec:', '  selector:', ...body,
      '          securityContext:', '            allowPrivilegeEscalation: false', '            capabilities:', '              drop:', '                - NET_RAW'));
    assert.equal(runFixAll(out), out);
  });

  test('missing selector: added from the template labels', () => {
    const text = lines('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: r}', 'spec:', '  template:', '    metadata:', '      labels: {app: r}', '    spec:', '      containers: [{name: r, image: "busybox:1.36"}]');
    assert.match(fixFor(text, 'selector-required', /selector/), /selector:\n {4}matchLabels:\n {6}app: r\n$/);
  });

  test('drop NET_RAW appends to an existing drop list', () => {
    const text = lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      containers:', '        - name: d', '          image: busybox:1.36', '          securityContext:', '            capabilities:', '              drop: [MKNOD]');
    assert.match(fixFor(text, 'drop-net-raw', /NET_RAW/), /drop: \[MKNOD, NET_RAW\]/);
  });

  test('resource and probe skeletons and runAsNonRoot are offered, not preferred', () => {
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: p}', 'spec:', '  selector: {matchLabels: {app: p}}', '  template:', '    metadata: {labels: {app: p}}', '    spec:', '      containers:', '        - name: p', '          image: busybox:1.36', '          ports:', '            - {name: http, containerPort: 8080}');
    const strict = { preset: 'strict' };
    const diagnostics = diagnose(text, strict, URI);
    const actions = quickFixes(parseFile(TextDocument.create(URI, 'yaml', 1, text)), diagnostics);
    const titles = actions.map((a) => a.title);
    for (const t of ['Add resources.requests.memory: 128Mi (adjust to the workload)', 'Add a readinessProbe skeleton', 'Set securityContext.runAsNonRoot: true']) {
      assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
      assert.notEqual(actions.find((a) => a.title === t)!.isPreferred, true);
    }
    const probe = actions.find((a) => a.title === 'Add a readinessProbe skeleton')!;
    const out = applyTextEdits(TextDocument.create(URI, 'yaml', 1, text), probe.edit!.changes![URI]!);
    assert.match(out, /readinessProbe:\n {12}tcpSocket:\n {14}port: http\n/);
  });
});

describe('placeholder fixes', () => {
  test('missing required field: inserted with a placeholder value', () => {
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: m}', 'spec:', '  selector: {matchLabels: {app: m}}', '  template:', '    metadata: {labels: {app: m}}', '    spec:', '      containers:', '        - image: busybox:1.36');
    const out = fixFor(text, 'missing-required', /^Add "name"/);
    assert.match(out, /- image: busybox:1\.36\n {10}name: name\n$/);
  });

  test('fix-all fills a bare selector key with the template labels, once (seed 20262480)', () => {
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: f}', 'spec:', '  selector:', '  template:', '    metadata:', '      labels:', '        app: f', '    spec:', '      containers:', '        - name: f', '          image: busybox:1.36');
    const out = runFixAll(text);
    assert.match(out, /\nspec:\n {2}selector:\n {4}matchLabels:\n {6}app: f\n {2}template:\n/);
    assert.equal(out.match(/selector:/g)?.length, 1);
    assert.deepEqual(diagnose(out, {}, URI).filter((d) => d.severity === DiagnosticSeverity.Error).map((e) => e.message), []);
  });

  test('latest tag: pinned to a placeholder tag the user edits', () => {
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: m}', 'spec:', '  selector: {matchLabels: {app: m}}', '  template:', '    metadata: {labels: {app: m}}', '    spec:', '      containers:', '        - name: m', '          image: "nginx:latest"');
    assert.match(fixFor(text, 'latest-tag', /^Pin the image/), /image: "nginx:PIN-A-VERSION"/);
  });
});
