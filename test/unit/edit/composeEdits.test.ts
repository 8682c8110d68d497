/**
 * The edit layer on its own: edits at one offset keep the order they were made in, whatever
 * order an editor applies them in, independent of any conversion or fix.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { YAMLMap } from 'yaml';
import { parseFile } from '../../../server/src/core/parse/parseFile';
import { nodeAtPath } from '../../../server/src/core/parse/navigate';
import { DocEditor } from '../../../server/src/core/edit/yamlEdits';
import { applyOffsetEdits, composeEdits, type OffsetEdit } from '../../../server/src/core/edit/textEdits';
import { lines } from '../../support/text';

/**
 * An editor that applies edits from the last position to the first, so earlier offsets stay
 * valid, and among edits at one position takes the later one first: the array order of inserts
 * at one offset comes out reversed (a client that sorts without keeping ties in order).
 */
function applyBackwards(text: string, edits: readonly OffsetEdit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('composeEdits', () => {
  test('inserts at one offset become one edit in the order they were made', () => {
    const edits = composeEdits([
      { start: 3, end: 3, text: 'a' },
      { start: 1, end: 2, text: 'X' },
      { start: 3, end: 3, text: 'b' },
    ]);
    assert.deepEqual(edits, [
      { start: 1, end: 2, text: 'X' },
      { start: 3, end: 3, text: 'ab' },
    ]);
    assert.equal(applyOffsetEdits('0123', edits), '0X2ab3');
    assert.equal(applyBackwards('0123', edits), '0X2ab3');
  });

  test('an insert at either end of a replacement joins it, keeping its side', () => {
    const edits = composeEdits([
      { start: 2, end: 4, text: 'R' },
      { start: 4, end: 4, text: 'after' },
      { start: 2, end: 2, text: 'before' },
    ]);
    assert.deepEqual(edits, [{ start: 2, end: 4, text: 'beforeRafter' }]);
    assert.equal(applyOffsetEdits('012345', edits), '01beforeRafter45');
  });

  test('edits apart from each other stay apart', () => {
    const edits = [
      { start: 0, end: 1, text: 'A' },
      { start: 3, end: 3, text: 'B' },
    ];
    assert.deepEqual(composeEdits(edits), edits);
  });

  test('overlapping edits are refused', () => {
    assert.throws(() => composeEdits([{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: 'x' }]), /overlapping/);
  });
});

describe('DocEditor keeps the order of intent at the end of a document', () => {
  const TEXT = lines('kind: Deployment', 'spec:', '  template:', '    spec:', '      containers: []', '---', 'kind: ConfigMap');

  function run(steps: (e: DocEditor, spec: YAMLMap) => void): { edits: OffsetEdit[]; text: string } {
    const file = parseFile(TextDocument.create('file:///t.yaml', 'yaml', 1, TEXT));
    const slot = file.docs[0]!;
    const editor = new DocEditor(slot);
    steps(editor, nodeAtPath(slot.parsed, ['spec']) as YAMLMap);
    return { edits: editor.edits, text: applyOffsetEdits(TEXT, editor.edits) };
  }

  test('a key inserted into the spec after a document was appended still lands in the spec', () => {
    const { edits, text } = run((e, spec) => {
      e.insertDocumentAfter({ kind: 'Service' });
      e.insertPair(spec, 'serviceName', 'web');
      e.insertPair(spec, 'volumeClaimTemplates', []);
    });
    const expected = lines(
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers: []',
      '  serviceName: web',
      '  volumeClaimTemplates: []',
      '---',
      'kind: Service',
      '---',
      'kind: ConfigMap',
    );
    assert.equal(text, expected);
    // One edit at the document's end: an editor applying edits in any order gets the same text.
    assert.equal(edits.length, 1);
    assert.equal(applyBackwards(TEXT, edits), expected);
  });

  test('two appended documents keep their order after the inserted keys', () => {
    const { text } = run((e, spec) => {
      e.insertDocumentAfter({ kind: 'Service' });
      e.insertDocumentAfter({ kind: 'PersistentVolumeClaim' });
      e.insertPair(spec, 'serviceName', 'web');
    });
    assert.match(text, /containers: \[\]\n {2}serviceName: web\n---\nkind: Service\n---\nkind: PersistentVolumeClaim\n---\nkind: ConfigMap\n$/);
  });
});
