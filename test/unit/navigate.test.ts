import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { locate, pathToString, rangeOfPath, slotAt } from '../../server/src/core/parse/navigate';
import { CURSOR, lines, withCursor } from '../support/text';

function at(textWithCursor: string) {
  const { text, offset } = withCursor(textWithCursor);
  const file = parseFile(TextDocument.create('file:///n.yaml', 'yaml', 1, text));
  return { file, text, loc: locate(file, offset)! };
}

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
];

describe('locate', () => {
  test('a value deep in a list: path, role and node', () => {
    const { loc } = at(lines(...MANIFEST.slice(0, -1), `          image: ngi${CURSOR}nx:1.27`));
    assert.equal(pathToString(loc.path), 'spec.template.spec.containers[0].image');
    assert.equal(loc.role, 'value');
    assert.equal((loc.node as { value?: unknown }).value, 'nginx:1.27');
  });

  test('a key', () => {
    const { loc } = at(lines(...MANIFEST.slice(0, 4), `spe${CURSOR}c:`, ...MANIFEST.slice(5)));
    assert.deepEqual(loc.path, ['spec']);
    assert.equal(loc.role, 'key');
  });

  test('the cursor right after a word still counts as on it', () => {
    const { loc } = at(lines('apiVersion: apps/v1', `kind: Deployment${CURSOR}`));
    assert.deepEqual(loc.path, ['kind']);
    assert.equal(loc.role, 'value');
  });

  test('the second document of a file', () => {
    const { loc } = at(lines('kind: Service', '---', 'apiVersion: apps/v1', `kind: Daemon${CURSOR}Set`));
    assert.equal(loc.slot.index, 1);
    assert.deepEqual(loc.path, ['kind']);
  });

  test('flow mappings', () => {
    const { loc } = at(lines('apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: web, labels: {app: w${CURSOR}eb}}`));
    assert.deepEqual(loc.path, ['metadata', 'labels', 'app']);
  });

  test('CRLF line endings', () => {
    const { loc } = at(['apiVersion: apps/v1', 'kind: Deployment', 'spec:', `  repli${CURSOR}cas: 2`, ''].join('\r\n'));
    assert.deepEqual(loc.path, ['spec', 'replicas']);
    assert.equal(loc.role, 'key');
  });
});

describe('slotAt', () => {
  test('documents sharing a segment after `...`: each offset finds its own, a leading comment the first', () => {
    const text = lines('# lead', '---', 'kind: Deployment', 'a: 1', '...', 'kind: StatefulSet', 'b: 2');
    const file = parseFile(TextDocument.create('file:///n.yaml', 'yaml', 1, text));
    assert.equal(file.docs.length, 2);
    assert.equal(file.docs[1]!.start, file.docs[0]!.start, 'one segment holds both documents');
    assert.equal(slotAt(file, text.indexOf('lead'))!.index, 0, 'the leading comment belongs to the first document');
    assert.equal(slotAt(file, text.indexOf('a: 1'))!.index, 0);
    assert.equal(slotAt(file, text.indexOf('b: 2'))!.index, 1);
    assert.equal(slotAt(file, text.indexOf('StatefulSet'))!.parsed.kind, 'StatefulSet');
  });
});

describe('rangeOfPath', () => {
  test('finds the key or the value of a path', () => {
    const { file, text } = at(lines(...MANIFEST.slice(0, -1), `          image: nginx:1.27${CURSOR}`));
    const doc = file.docs[0]!.parsed;
    const path = ['spec', 'template', 'spec', 'containers', 0, 'image'];
    const [ks, ke] = rangeOfPath(doc, path)!;
    const [vs, ve] = rangeOfPath(doc, path, 'value')!;
    assert.equal(text.slice(ks, ke), 'image');
    assert.equal(text.slice(vs, ve), 'nginx:1.27');
    assert.equal(rangeOfPath(doc, ['spec', 'nope']), undefined);
  });
});
