import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { parseFile } from '../../../server/src/core/parse/parseFile';
import { nodeAtPath, pairOf } from '../../../server/src/core/parse/navigate';
import { DocEditor } from '../../../server/src/core/edit/yamlEdits';
import { applyOffsetEdits } from '../../../server/src/core/edit/textEdits';
import { lines } from '../../support/text';

function edit(text: string, run: (e: DocEditor, at: (...p: (string | number)[]) => unknown) => void, docIndex = 0): string {
  const file = parseFile(TextDocument.create('file:///t.yaml', 'yaml', 1, text));
  const slot = file.docs[docIndex]!;
  const editor = new DocEditor(slot);
  run(editor, (...p) => nodeAtPath(slot.parsed, p));
  return applyOffsetEdits(text, editor.edits);
}

const SPEC = lines(
  'spec: # the spec',
  '  # how many',
  '  replicas: 3',
  '',
  '  selector:',
  "    matchLabels: {app: 'web'}",
  '  paused: true   # stop',
  '    # still about paused',
  '  # about template',
  '  template: {}',
);

describe('yaml edit toolkit', () => {
  test('inserts a key after the last key of a block map at its indentation', () => {
    const out = edit(SPEC, (e, at) => e.insertPair(at('spec') as YAMLMap, 'minReadySeconds', 5));
    assert.equal(out, SPEC + '  minReadySeconds: 5\n');
  });

  test('inserts into a flow map keeping the flow style', () => {
    const out = edit(SPEC, (e, at) => e.insertPair(at('spec', 'selector', 'matchLabels') as YAMLMap, 'tier', 'db'));
    assert.match(out, /matchLabels: \{app: 'web', tier: db\}/);
  });

  test('replaces a scalar keeping its quoting style', () => {
    const out = edit(SPEC, (e, at) => e.replaceScalar(at('spec', 'selector', 'matchLabels', 'app') as never, 'api'));
    assert.match(out, /\{app: 'api'\}/);
  });

  test('renames a key and leaves its value and comment', () => {
    const out = edit(SPEC, (e, at) => e.renameKey(pairOf(at('spec'), 'paused')!, 'halted'));
    assert.match(out, /  halted: true   # stop\n/);
  });

  test('deletes a pair with the comment lines indented under it, not the next key\'s comment', () => {
    const out = edit(SPEC, (e, at) => e.deletePair(at('spec') as YAMLMap, pairOf(at('spec'), 'paused')!));
    assert.equal(out, SPEC.replace('  paused: true   # stop\n    # still about paused\n', ''));
  });

  test('deletes the first key of a sequence item without breaking the dash', () => {
    const text = lines('items:', '- name: a', '  image: b');
    const out = edit(text, (e, at) => e.deletePair(at('items', 0) as YAMLMap, pairOf(at('items', 0), 'name')!));
    assert.equal(out, lines('items:', '- image: b'));
  });

  test('deletes a pair of a flow map', () => {
    const text = lines('m: {a: 1, b: 2, c: 3}');
    assert.equal(edit(text, (e, at) => e.deletePair(at('m') as YAMLMap, pairOf(at('m'), 'b')!)), lines('m: {a: 1, c: 3}'));
    assert.equal(edit(text, (e, at) => e.deletePair(at('m') as YAMLMap, pairOf(at('m'), 'c')!)), lines('m: {a: 1, b: 2}'));
  });

  test('deleting the only entry of a flow map or sequence takes its trailing comma', () => {
    const text = lines('m: {a: 1 ,}', 's: [x,]');
    const out = edit(text, (e, at) => {
      e.deletePair(at('m') as YAMLMap, pairOf(at('m'), 'a')!);
      e.deleteItem(at('s') as YAMLSeq, 0);
    });
    assert.equal(out, lines('m: {}', 's: []'));
  });

  test('several entries inserted into one empty flow collection are separated by commas', () => {
    const text = lines('m: {}', 's: [ ]');
    const out = edit(text, (e, at) => {
      e.insertPair(at('m') as YAMLMap, 'a', 1);
      e.insertPair(at('m') as YAMLMap, 'b', 2);
      e.appendItem(at('s') as YAMLSeq, 'x');
      e.appendItem(at('s') as YAMLSeq, 'y');
    });
    assert.equal(out, lines('m: {a: 1, b: 2}', 's: [x, y ]'));
  });

  test('nothing is inserted into a flow collection the parser found unclosed (fuzz seed 7899)', () => {
    // Before, the bracket of the inner `{b: 1}` or one before the collection (offset -1) was taken as its end.
    for (const text of [lines('m: {a: {b: 1}', 'n: 1'), lines('s: [a, [b]', 'n: 1'), 'm: {a']) {
      const out = edit(text, (e, at) => {
        const node = at(text[0]!);
        if (text.startsWith('s')) e.appendItem(node as YAMLSeq, 'x');
        else e.insertPair(node as YAMLMap, 'c', 1);
      });
      assert.equal(out, text);
    }
  });

  test('an empty value (a bare key) is filled after the colon with a space, before a comment', () => {
    const text = lines('a:', 'b: # note', 'c:', 'd: ~ # none', 'e:');
    const out = edit(text, (e, at) => {
      e.replaceValue(pairOf(at(), 'a')!, 1);
      e.replaceValue(pairOf(at(), 'b')!, { x: 1 });
      e.replaceScalar(at('c') as never, 'z');
      e.replaceValue(pairOf(at(), 'd')!, { y: [2] });
      e.replaceValue(pairOf(at(), 'e')!, {});
    });
    assert.equal(out, lines('a: 1', 'b:', '  x: 1 # note', 'c: z', 'd:', '  y:', '    - 2 # none', 'e: {}'));
  });

  test('appends to block and flow sequences', () => {
    const text = lines('a:', '  - x # first', 'b: [y]');
    const out = edit(text, (e, at) => {
      e.appendItem(at('a') as YAMLSeq, 'z');
      e.appendItem(at('b') as YAMLSeq, 'w');
    });
    assert.equal(out, lines('a:', '  - x # first', '  - z', 'b: [y, w]'));
  });

  test('keeps CRLF line breaks and handles a missing final newline', () => {
    const text = 'spec:\r\n  replicas: 1';
    const out = edit(text, (e, at) => e.insertPair(at('spec') as YAMLMap, 'paused', false));
    assert.equal(out, 'spec:\r\n  replicas: 1\r\n  paused: false');
  });

  test('inserts a document after a document, before the next one', () => {
    const text = lines('kind: A', '---', 'kind: B');
    const out = edit(text, (e) => e.insertDocumentAfter({ kind: 'C', spec: { x: [1] } }));
    assert.equal(out, lines('kind: A', '---', 'kind: C', 'spec:', '  x:', '    - 1', '---', 'kind: B'));
  });

  test('replaces a block value with a rendered one and follows a 4-space indentation', () => {
    const text = lines('spec:', '    strategy:', '        type: Recreate', '    x: 1');
    const out = edit(text, (e, at) => e.replaceValue(pairOf(at('spec'), 'strategy')!, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0 } }));
    assert.equal(out, lines('spec:', '    strategy:', '        type: RollingUpdate', '        rollingUpdate:', '            maxSurge: 0', '    x: 1'));
  });

  test('a value given to an empty key keeps the anchor or tag written before it', () => {
    for (const props of ['&img', '!!str', '&a%b:1.36']) {
      const text = lines('c:', `  image: ${props}`, '  name: x');
      const scalar = edit(text, (e, at) => e.replaceValue(pairOf(at('c'), 'image')!, ''));
      assert.equal(scalar, lines('c:', `  image: ${props} ""`, '  name: x'));
      const replaced = edit(text, (e, at) => e.replaceScalar(at('c', 'image') as never, 'nginx'));
      assert.equal(replaced, lines('c:', `  image: ${props} nginx`, '  name: x'));
    }
    const block = edit(lines('c:', '  env: &e', '  name: x'), (e, at) => e.replaceValue(pairOf(at('c'), 'env')!, [{ name: 'A' }]));
    assert.equal(block, lines('c:', '  env: &e', '    - name: A', '  name: x'));
  });

  test('new block sequences follow the document: indented under their key or not', () => {
    const text = lines('spec:', '  containers:', '  - name: a', '  x: 1');
    const out = edit(text, (e, at) => e.insertPair(at('spec') as YAMLMap, 'volumes', [{ name: 'v' }]));
    assert.equal(out, lines('spec:', '  containers:', '  - name: a', '  x: 1', '  volumes:', '  - name: v'));
  });

  test('inserts a key right after a given pair, after the comments indented under it', () => {
    const out = edit(SPEC, (e, at) => e.insertPairAfter(at('spec') as YAMLMap, pairOf(at('spec'), 'paused')!, 'serviceName', 'web'));
    assert.match(out, /paused: true {3}# stop\n {4}# still about paused\n {2}serviceName: web\n {2}# about template\n/);
  });

  test('a value for a bare key goes after a space, before a comment, also at the end of the file (seeds 20262837, 20263088)', () => {
    const end = 'c:\n  port:';
    assert.equal(edit(end, (e, at) => e.replaceValue(pairOf(at('c'), 'port')!, 0)), 'c:\n  port: 0');
    assert.equal(edit('t:', (e, at) => e.replaceValue(pairOf(at(), 't')!, {})), 't: {}');
    const commented = lines('c:', '  port: # which one?', '  protocol: TCP');
    assert.equal(edit(commented, (e, at) => e.replaceValue(pairOf(at('c'), 'port')!, 0)), commented.replace('port: #', 'port: 0 #'));
  });
});
