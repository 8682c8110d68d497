import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../server/src/core/features/completion';
import type { ClientAbilities, FeatureContext } from '../../server/src/core/features/featureContext';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { CURSOR, lines, withCursor } from '../support/text';

const SNIPPETS: ClientAbilities = { markdown: true, completionMarkdown: true, snippets: true, commandLinks: false };
const PLAIN: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };

function complete(marked: string, abilities = SNIPPETS, uri = 'file:///t.yaml'): CompletionItem[] {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const ctx: FeatureContext = { settings: DEFAULT_SETTINGS, abilities, docsBase: '' };
  return completion(parseFile(document), offset, ctx);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
const item = (items: CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `offers ${label}; got ${labels(items).join(', ')}`);
  return found;
};
const newText = (i: CompletionItem) => (i.textEdit as TextEdit).newText;

describe('key completion', () => {
  test('an empty line in spec offers the missing keys, required first', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  replicas: 2', `  ${CURSOR}`, '  template: {}'));
    assert.ok(!labels(items).includes('replicas'), 'replicas is present already');
    assert.ok(!labels(items).includes('template'), 'template is present already (below the cursor)');
    assert.deepEqual(sorted(items).slice(0, 1), ['selector']);
    assert.ok(labels(items).includes('strategy'));
    assert.match(item(items, 'selector').detail!, /LabelSelector \(required\)/);
    assert.match((item(items, 'strategy').documentation as { value: string }).value, /deployment strategy/i);
  });

  test('a DaemonSet is offered no replicas and no strategy', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: DaemonSet', 'spec:', `  ${CURSOR}`));
    assert.ok(!labels(items).includes('replicas'));
    assert.ok(!labels(items).includes('strategy'));
    assert.ok(labels(items).includes('updateStrategy'));
  });

  test('object and list values insert an indented snippet', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', `  sel${CURSOR}`));
    const selector = item(items, 'selector');
    assert.equal(newText(selector), 'selector:\n    $0');
    assert.equal(selector.insertTextFormat, 2);
    assert.equal(selector.insertTextMode, 1);
    assert.deepEqual(selector.textEdit && 'range' in selector.textEdit && selector.textEdit.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } });
    const pod = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', `      ${CURSOR}`));
    assert.equal(newText(item(pod, 'containers')), 'containers:\n        - $0');
    assert.equal(newText(item(complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  strategy:', `    ${CURSOR}`)), 'type')), 'type: ${1|Recreate,RollingUpdate|}');
  });

  test('without snippet support plain text is inserted', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', `  ${CURSOR}`), PLAIN);
    assert.equal(newText(item(items, 'replicas')), 'replicas: ');
    assert.equal(item(items, 'replicas').insertTextFormat, 1);
    assert.equal((item(items, 'replicas').documentation as { kind: string }).kind, 'plaintext');
  });

  test('without snippet support every insert is one line: an object or list key ends at its colon', () => {
    const pod = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', `      - ${CURSOR}`), PLAIN);
    assert.equal(newText(item(pod, 'livenessProbe')), 'livenessProbe:');
    assert.equal(newText(item(pod, 'ports')), 'ports:');
    assert.equal(newText(item(pod, 'imagePullPolicy')), 'imagePullPolicy: ');
    for (const each of pod) {
      assert.doesNotMatch(newText(each), /[\n\0$]/, `${each.label} inserts one plain line`);
      assert.equal(each.insertTextFormat, 1);
      assert.equal(each.insertTextMode, undefined);
    }
  });

  test('inside a list item, after `- ` and on the next line', () => {
    const base = ['apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:'];
    const first = complete(lines(...base, `      - ${CURSOR}`));
    assert.deepEqual(sorted(first).slice(0, 1), ['name']);
    assert.ok(labels(first).includes('image'));
    const next = complete(lines(...base, '      - name: web', `        ${CURSOR}`, '        image: nginx', '      - name: other', '        ports: []'));
    assert.ok(!labels(next).includes('name'), 'name is present in this item');
    assert.ok(!labels(next).includes('image'), 'image is present in this item');
    assert.ok(labels(next).includes('ports'), 'ports belongs to the next item only');
  });

  test('in a flow mapping', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', `      - {name: web, ${CURSOR}}`));
    assert.ok(!labels(items).includes('name'));
    assert.equal(newText(item(items, 'resources')), 'resources: {$0}');
    assert.equal(newText(item(items, 'args')), 'args: [$0]');
  });

  test('in a document that does not parse yet, and with CRLF line ends', () => {
    const broken = ['apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  selector: {matchLabels: {app: db}', `  ${CURSOR}`, '  template: ['].join('\r\n');
    const items = complete(broken);
    assert.ok(labels(items).includes('serviceName'));
    assert.ok(labels(items).includes('volumeClaimTemplates'));
    assert.ok(!labels(items).includes('strategy'));
  });

  test('the second document of a file and an untitled document', () => {
    const text = lines('apiVersion: v1', 'kind: Service', '---', 'apiVersion: apps/v1', 'kind: ReplicaSet', 'spec:', `  ${CURSOR}`);
    const items = complete(text, SNIPPETS, 'untitled:Untitled-1');
    assert.deepEqual(labels(items).sort(), ['minReadySeconds', 'replicas', 'selector', 'template']);
  });

  test('nothing outside workloads', () => {
    assert.deepEqual(complete(lines('apiVersion: v1', 'kind: ConfigMap', `${CURSOR}`)), []);
    assert.deepEqual(complete(lines('name: CI', 'jobs:', `  ${CURSOR}`)), []);
  });
});

describe('value completion', () => {
  test('enum values after `key: `', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', `  podManagementPolicy: ${CURSOR}`));
    assert.deepEqual(labels(items), ['OrderedReady', 'Parallel']);
    assert.equal(item(items, 'OrderedReady').detail, 'default');
    assert.match((item(items, 'Parallel').documentation as { value: string }).value, /all at once/);
  });

  test('enum values in a flow list', () => {
    const items = complete(lines('apiVersion: apps/v1', 'kind: StatefulSet', 'spec:', '  volumeClaimTemplates:', '  - spec:', `      accessModes: [Read${CURSOR}`));
    assert.ok(labels(items).includes('ReadWriteOnce'));
  });

  test('kind values with a one-line description', () => {
    const items = complete(lines('apiVersion: apps/v1', `kind: ${CURSOR}`));
    assert.deepEqual(labels(items), ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
    assert.match(item(items, 'DaemonSet').detail!, /eligible node/);
    assert.deepEqual(complete(lines('apiVersion: v1', `kind: ${CURSOR}`)), []);
  });

  test('apiVersion values for the kind', () => {
    const items = complete(lines(`apiVersion: ${CURSOR}`, 'kind: DaemonSet'));
    assert.deepEqual(labels(items), ['apps/v1']);
    assert.equal(complete(lines(`apiVersion: ${CURSOR}`, 'kind: ConfigMap')).length, 0);
  });
});
