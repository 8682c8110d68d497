/**
 * A large file's first parse ahead of time, a slice at a time (FileParser.prepare), as the server
 * does when such a file is opened: the parse that follows must give what a parse from scratch
 * gives, without parsing again what was prepared, and nothing prepared may stay in the tree budget
 * once it is not used.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileParser, type ParsedDocument } from '../../server/src/core/parse/parseFile';
import { ChunkedTextDocument } from '../../server/src/core/parse/chunkedDocument';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { prepareDocument } from '../../server/src/core/features/prepareDocument';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { generateManifest } from '../bench/manifests';

const OPTIONS = { docsBase: 'https://example.test/rules/' };
const URI = 'file:///bundle.yaml';
const TEXT = generateManifest(30, 5);

/** A parser whose onDocument counts the documents it sees, as the server's derives findings. */
function counting() {
  const seen: ParsedDocument[] = [];
  const options = {
    onDocument: (parsed: ParsedDocument) => {
      seen.push(parsed);
      prepareDocument(parsed, DEFAULT_SETTINGS);
    },
  };
  return { parser: new FileParser(Number.MAX_SAFE_INTEGER), options, seen };
}

/** Steps through a preparation one segment at a time (a deadline already passed). */
function prepareAll(parser: FileParser, document: TextDocument, options: object): number {
  const preparation = parser.prepare(document, options);
  let steps = 1;
  while (!preparation.step(0, () => 1)) steps++;
  assert.equal(preparation.done, preparation.total);
  return steps;
}

function fresh(text: string) {
  const parser = new FileParser();
  const document = TextDocument.create(URI, 'yaml', 1, text);
  const options = { onDocument: (parsed: ParsedDocument) => prepareDocument(parsed, DEFAULT_SETTINGS) };
  return computeDiagnostics(parser.parse(document, options), DEFAULT_SETTINGS, OPTIONS);
}

describe('preparing a first parse in slices', () => {
  test('the parse after it reuses every prepared document and gives the diagnostics of a parse from scratch', () => {
    const { parser, options, seen } = counting();
    const document = TextDocument.create(URI, 'yaml', 1, TEXT);
    const steps = prepareAll(parser, document, options);
    const documents = seen.length;
    assert.ok(steps > 30 && documents >= steps, `one segment per step (${steps} steps, ${documents} documents)`);
    const file = parser.parse(document, options);
    assert.equal(seen.length, documents, 'nothing parsed twice');
    assert.equal(file.docs.length, documents);
    const diagnostics = computeDiagnostics(file, DEFAULT_SETTINGS, OPTIONS);
    assert.ok(diagnostics.length > 5);
    assert.deepEqual(diagnostics, fresh(TEXT));
  });

  test('an edit after preparing: only the edited document is parsed again, and the unused tree is released', () => {
    const { parser, options, seen } = counting();
    const document = TextDocument.create(URI, 'yaml', 1, TEXT);
    prepareAll(parser, document, options);
    const prepared = seen.length;
    const at = TEXT.lastIndexOf('memory: ') + 'memory: '.length;
    const edited = TextDocument.create(URI, 'yaml', 2, TEXT.slice(0, at) + '7' + TEXT.slice(at));
    const file = parser.parse(edited, options);
    assert.equal(seen.length, prepared + 1, 'the edited document only');
    assert.deepEqual(computeDiagnostics(file, DEFAULT_SETTINGS, OPTIONS), fresh(edited.getText()));
    assert.equal(parser.trees.heldSize, edited.getText().length, 'the budget holds the trees of the new text, not the old segment');
  });

  test('an edit in the middle of preparing, as the server sees it (the same document object, updated)', () => {
    const { parser, options, seen } = counting();
    const document = ChunkedTextDocument.create(URI, 'yaml', 1, TEXT);
    const preparation = parser.prepare(document, options);
    for (let i = 0; i < 10; i++) preparation.step(0, () => 1);
    assert.ok(preparation.done === 10 && preparation.total > 20, 'stopped part of the way');
    // An edit in the first document (prepared) and one near the end (not yet).
    const first = TEXT.indexOf('replicas: ') + 'replicas: '.length;
    const last = TEXT.lastIndexOf('memory: ') + 'memory: '.length;
    const at = (offset: number) => document.positionAt(offset);
    ChunkedTextDocument.update(document, [{ range: { start: at(last), end: at(last) }, text: '9' }, { range: { start: at(first), end: at(first) }, text: '1' }], 2);
    const file = parser.parse(document, options);
    assert.deepEqual(computeDiagnostics(file, DEFAULT_SETTINGS, OPTIONS), fresh(document.getText()));
    assert.equal(seen.length, 10 + (file.docs.length - 10) + 1, 'the prepared documents once, the edited prepared one again, the rest once');
    assert.equal(parser.trees.heldSize, document.getText().length, 'no tree of the text before the edit is held');
    assert.equal(preparation.step(0, () => 1), true, 'the preparation is over once the file is parsed');
  });

  test('a file closed while preparing: its trees leave the budget and the preparation stops', () => {
    const { parser, options } = counting();
    const document = TextDocument.create(URI, 'yaml', 1, TEXT);
    const preparation = parser.prepare(document, options);
    preparation.step(0, () => 1);
    preparation.step(0, () => 1);
    assert.ok(parser.trees.heldSize > 0);
    parser.forget(URI);
    assert.equal(parser.trees.heldSize, 0);
    assert.equal(preparation.step(0, () => 1), true, 'nothing more to do');
    assert.equal(parser.knows(URI), false);
  });
});
