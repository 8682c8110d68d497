import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../server/src/core/parse/chunkedDocument';
import { FileParser, parseFile, type ParsedFile } from '../../server/src/core/parse/parseFile';
import { computeDiagnostics, documentFindings } from '../../server/src/core/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { generateManifest, int, prng } from '../bench/manifests';

const OPTIONS = { docsBase: 'https://example.test/rules/' };

/**
 * The two documents the parser meets: the server's chunked one, which says what each edit kept
 * (small chunks, so that edits cross chunk ends), and the plain one (CLI, tests), compared by text.
 */
const DOCUMENTS = [
  { name: 'chunked document', create: (text: string) => ChunkedTextDocument.create('file:///bundle.yaml', 'yaml', 1, text, 512) },
  { name: 'plain document', create: (text: string) => TextDocument.create('file:///bundle.yaml', 'yaml', 1, text) },
];

/** Applies one incremental change, as the LSP TextDocuments manager does on didChange. */
function edit(doc: TextDocument, offset: number, length: number, text: string): void {
  const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
  const change = [{ range, text }];
  if (doc instanceof ChunkedTextDocument) ChunkedTextDocument.update(doc, change, doc.version + 1);
  else TextDocument.update(doc, change, doc.version + 1);
}

/** A fresh parse of the document's current text. */
function fromScratch(doc: TextDocument): ParsedFile {
  return parseFile(TextDocument.create(doc.uri, 'yaml', doc.version, doc.getText()));
}

/** Slot starts, segment texts and kinds: what must agree between incremental and fresh parses. */
function shape(file: ParsedFile) {
  return file.docs.map((s) => [s.start, s.index, s.parsed.text, s.parsed.kind, s.parsed.problems.length]);
}

for (const { name, create } of DOCUMENTS) describe(`incremental analysis after an edit (${name})`, () => {
  const text = generateManifest(40, 7);

  test('only the edited document gets a new parse; the others keep their objects', () => {
    const doc = create(text);
    const parser = new FileParser();
    const before = parser.parse(doc);
    const last = text.lastIndexOf('memory: ') + 'memory: '.length;
    edit(doc, last, 1, '9');
    const after = parser.parse(doc);
    assert.equal(after.docs.length, before.docs.length);
    const edited = after.docs.filter((slot) => slot.start <= last).pop()!;
    const fresh = after.docs.filter((slot, i) => slot.parsed !== before.docs[i]!.parsed);
    assert.deepEqual(fresh.map((s) => s.index), [edited.index], 'only the edited document was re-parsed');
    assert.ok(edited.index >= after.docs.length - 2, 'the edit is in the last workload');
    assert.deepEqual(shape(after), shape(fromScratch(doc)), 'same result as parsing from scratch');
  });

  test('the edited document’s findings are recomputed, the others’ memoised findings reused', () => {
    const doc = create(text);
    const parser = new FileParser();
    const before = parser.parse(doc);
    computeDiagnostics(before, DEFAULT_SETTINGS, OPTIONS);
    const findingsBefore = before.docs.map((s) => documentFindings(s.parsed, DEFAULT_SETTINGS));
    // Make the middle workload's replicas a string: the edited document gains an invalid-type finding.
    const middle = before.docs.find((s) => s.index >= before.docs.length / 2 && /\n {2}replicas: \d/.test(s.parsed.text))!;
    const replicas = middle.parsed.text.indexOf('\n  replicas: ') + '\n  replicas: '.length;
    edit(doc, middle.start + replicas, 1, '"two"');
    const after = parser.parse(doc);
    computeDiagnostics(after, DEFAULT_SETTINGS, OPTIONS);
    for (const slot of after.docs) {
      const findings = documentFindings(slot.parsed, DEFAULT_SETTINGS);
      if (slot.index === middle.index) {
        assert.notEqual(findings, findingsBefore[slot.index], 'edited document re-analysed');
        assert.ok(findings.some((f) => f.ruleId === 'invalid-type'), `the new finding is there: ${findings.map((f) => f.ruleId).join()}`);
      } else if (slot.parsed.isWorkload) {
        assert.equal(findings, findingsBefore[slot.index], `document ${slot.index} reused its findings`);
      }
    }
  });

  test('inserting and deleting a whole document shifts the documents after it', () => {
    const doc = create(text);
    const parser = new FileParser();
    const before = parser.parse(doc);
    const third = before.docs[2]!;
    const inserted = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n';
    edit(doc, third.start, 0, inserted);
    const grown = parser.parse(doc);
    assert.equal(grown.docs.length, before.docs.length + 1);
    assert.equal(grown.docs[3]!.parsed, third.parsed, 'the old third document moved down and kept its parse');
    assert.deepEqual(shape(grown), shape(fromScratch(doc)));
    edit(doc, third.start, inserted.length, '');
    assert.deepEqual(shape(parser.parse(doc)), shape(fromScratch(doc)));
  });

  test('turning a line into a document marker splits the document', () => {
    const doc = create(text);
    const parser = new FileParser();
    const before = parser.parse(doc);
    const spec = before.docs[1]!.start + before.docs[1]!.parsed.text.indexOf('\nspec:') + 1;
    edit(doc, spec, 0, '---\n');
    const split = parser.parse(doc);
    assert.equal(split.docs.length, before.docs.length + 1);
    assert.deepEqual(shape(split), shape(fromScratch(doc)));
  });

  test('random edits anywhere give the same documents and diagnostics as parsing from scratch', () => {
    const random = prng(23);
    const doc = create(text);
    const parser = new FileParser();
    const pieces = ['x', '\n', '---\n', '  replicas: 3\n', '\n---\nkind: Service\n', ': ', '- '];
    for (let i = 0; i < 60; i++) {
      const length = doc.getText().length;
      const at = int(random, 0, length);
      const removed = int(random, 0, Math.min(int(random, 0, 1) ? 3 : 400, length - at));
      edit(doc, at, removed, pieces[int(random, 0, pieces.length - 1)]!.repeat(int(random, 0, 2)));
      // Parse after some edits only: an incremental parse may span several edits.
      if (i % 3 !== 0) continue;
      const incremental = parser.parse(doc);
      const scratch = fromScratch(doc);
      assert.deepEqual(shape(incremental), shape(scratch), `after edit ${i}`);
      assert.equal(incremental.isKubernetes, scratch.isKubernetes);
      // Diagnostics reuse what the previous analysis of this document converted; they must match.
      assert.deepEqual(computeDiagnostics(incremental, DEFAULT_SETTINGS, OPTIONS), computeDiagnostics(scratch, DEFAULT_SETTINGS, OPTIONS), `diagnostics after edit ${i}`);
    }
  });
});
