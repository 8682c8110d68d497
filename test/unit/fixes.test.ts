import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { conversionActions, quickFixes, resolveConversion } from '../../server/src/core/features/codeActions';
import { applyTextEdits } from '../../server/src/core/edit/textEdits';
import { diagnose } from '../support/annotations';
import { lines } from '../support/text';

const URI = 'file:///test.yaml';

function fixesFor(text: string, rule: string): CodeAction[] {
  const diagnostics = diagnose(text, {}, URI).filter((d) => d.code === rule);
  assert.ok(diagnostics.length > 0, `expected a ${rule} finding`);
  return quickFixes(parseFile(TextDocument.create(URI, 'yaml', 1, text)), diagnostics);
}

/** Applies the fix with that title; the rule must no longer fire (so the fix is not offered again). */
function applyFix(text: string, rule: string, title: string | RegExp): string {
  const actions = fixesFor(text, rule);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no fix "${String(title)}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  const document = TextDocument.create(URI, 'yaml', 1, text);
  const out = applyTextEdits(document, action.edit!.changes![URI]!);
  assert.deepEqual(diagnose(out, {}, URI).filter((d) => d.code === rule).map((d) => d.message), [], `${rule} is fixed`);
  return out;
}

const HEAD = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:'];
const BODY = [
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web # main',
  "          image: 'nginx:1.27'",
];

describe('quick-fixes', () => {
  test('unknown field: rename to the suggestion, preferred when it is the only one', () => {
    const text = lines(...HEAD, '  replicass: 3 # three', ...BODY);
    const actions = fixesFor(text, 'unknown-field');
    assert.equal(actions.find((a) => a.title === 'Rename "replicass" to "replicas"')?.isPreferred, true);
    assert.equal(applyFix(text, 'unknown-field', 'Rename "replicass" to "replicas"'), lines(...HEAD, '  replicas: 3 # three', ...BODY));
  });

  test('field of another kind: updateStrategy in a Deployment moves to strategy', () => {
    const text = lines(...HEAD, '  updateStrategy:', '    type: OnDelete # by hand', ...BODY);
    const out = applyFix(text, 'field-of-another-kind', /^Move "updateStrategy" to "strategy"/);
    assert.equal(out, lines(...HEAD, '  strategy:', '    type: RollingUpdate # by hand', ...BODY));
  });

  test('field of another kind: strategy in a DaemonSet can be removed', () => {
    const head = HEAD.map((l) => l.replace('Deployment', 'DaemonSet'));
    const text = lines(...head, '  strategy: {type: Recreate}', ...BODY);
    assert.equal(applyFix(text, 'field-of-another-kind', 'Remove "strategy"'), lines(...head, ...BODY));
  });

  test('removed apiVersion: apps/v1 with the selector it requires', () => {
    const body = BODY.slice(2);
    const text = lines('apiVersion: extensions/v1beta1', ...HEAD.slice(1), '  rollbackTo: {revision: 2}', ...body);
    const out = applyFix(text, 'removed-api-version', 'Change apiVersion to apps/v1');
    assert.equal(out, lines('apiVersion: apps/v1', ...HEAD.slice(1), ...body, '  selector:', '    matchLabels:', '      app: web'));
  });

  test('selector mismatch: align the selector, or the labels', () => {
    const text = lines(...HEAD, '  selector:', '    matchLabels: {app: "api"}', ...BODY.slice(2));
    assert.match(applyFix(text, 'selector-mismatch', 'Change the selector to match the template labels'), /matchLabels: \{app: "web"\}/);
    assert.match(applyFix(text, 'selector-mismatch', 'Change the template labels to match the selector'), /labels: \{app: api\}/);
  });

  test('restartPolicy: Always is the preferred fix', () => {
    const text = lines(...HEAD, ...BODY.slice(0, 6), '      restartPolicy: "Never"', ...BODY.slice(6));
    assert.match(applyFix(text, 'template-restart-policy', 'Change restartPolicy to Always'), /restartPolicy: "Always"/);
  });

  test('invalid enum: each allowed value is offered', () => {
    const text = lines(...HEAD, '  strategy:', '    type: Rolling', ...BODY);
    const titles = fixesFor(text, 'invalid-enum').map((a) => a.title);
    assert.ok(titles.includes('Change to "RollingUpdate"') && titles.includes('Change to "Recreate"'), titles.join());
    assert.match(applyFix(text, 'invalid-enum', 'Change to "Recreate"'), /type: Recreate/);
  });

  test('StatefulSet without its headless Service: a Service document is inserted after it', () => {
    const text = lines(
      'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  serviceName: db-hl', ...BODY,
      '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: other', 'spec:', '  selector: {app: other}',
    );
    const out = applyFix(text, 'statefulset-service-missing', 'Add a headless Service "db-hl" after this StatefulSet');
    assert.match(out, /image: 'nginx:1\.27'\n---\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: db-hl\n[\s\S]*clusterIP: None[\s\S]*\n---\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: other/);
  });

  test('allowPrivilegeEscalation: false lands in a new securityContext at the container indentation', () => {
    const text = lines(...HEAD, ...BODY);
    const out = applyFix(text, 'allow-privilege-escalation', 'Set securityContext.allowPrivilegeEscalation: false');
    assert.equal(out, lines(...HEAD, ...BODY, '          securityContext:', '            allowPrivilegeEscalation: false'));
  });
});

describe('quick-fix regressions found by the fuzzer', () => {
  test('selector mismatch with no template labels: one labels map goes in, under metadata (seed 20262600)', () => {
    const text = lines(...HEAD, '  selector:', '    matchLabels: {app: web, tier: db}', '  template:', '    metadata:', '      name: pod', ...BODY.slice(5));
    const out = applyFix(text, 'selector-mismatch', 'Change the template labels to match the selector');
    assert.equal(out, lines(...HEAD, '  selector:', '    matchLabels: {app: web, tier: db}', '  template:', '    metadata:', '      name: pod', '      labels:', '        app: web', '        tier: db', ...BODY.slice(5)));
  });

  test('removing the only entry of a flow map takes its trailing comma too (seed 20262244)', () => {
    const text = lines(...HEAD, '  strategy: {typo: 1,}', ...BODY);
    assert.equal(applyFix(text, 'unknown-field', 'Remove "typo"'), lines(...HEAD, '  strategy: {}', ...BODY));
  });

  test('a missing required value after a bare key at the end of the file gets a space (seed 20262837)', () => {
    const text = lines(...HEAD, ...BODY, '          ports:', '            - name: http', '              containerPort:').trimEnd();
    const out = applyFix(text, 'missing-required', 'Add "containerPort" (placeholder value)');
    assert.equal(out, lines(...HEAD, ...BODY, '          ports:', '            - name: http', '              containerPort: 0').trimEnd());
  });

  test('a bare key followed by a comment takes the value before the comment', () => {
    const text = lines(...HEAD, ...BODY, '          ports:', '            - name: http', '              containerPort: # which one?', '              protocol: TCP');
    const out = applyFix(text, 'missing-required', 'Add "containerPort" (placeholder value)');
    assert.equal(out, text.replace('containerPort: # which one?', 'containerPort: 0 # which one?'));
  });
});

describe('conversion actions', () => {
  test('"Convert to" is offered anywhere in a workload for the three other kinds, naming what it drops', () => {
    const text = lines(...HEAD, '  replicas: 3', '  progressDeadlineSeconds: 600', ...BODY);
    const file = parseFile(TextDocument.create(URI, 'yaml', 1, text));
    const actions = conversionActions(file, text.indexOf('image'));
    assert.deepEqual(actions.map((a) => a.title), [
      'Convert to StatefulSet (drops progressDeadlineSeconds)',
      'Convert to DaemonSet (drops replicas, progressDeadlineSeconds)',
      'Convert to ReplicaSet (drops progressDeadlineSeconds)',
    ]);
    assert.ok(actions.every((a) => a.kind === 'refactor.rewrite' && a.edit === undefined));
    assert.deepEqual(actions[1]!.data, { uri: URI, docIndex: 0, targetKind: 'DaemonSet', version: 1 });
    const resolved = resolveConversion(file, actions[1]!, actions[1]!.data as never);
    assert.match(applyTextEdits(TextDocument.create(URI, 'yaml', 1, text), resolved.edit!.changes![URI]!), /^kind: DaemonSet$/m);
  });

  test('no conversion is offered outside a workload', () => {
    const text = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: s}');
    assert.deepEqual(conversionActions(parseFile(TextDocument.create(URI, 'yaml', 1, text)), 5), []);
  });
});
