/**
 * The tree budget (parse/treeCache.ts): a large bundle keeps only some of its yaml trees, and
 * every answer must be the same as with all trees in memory — a dropped tree is parsed again.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileParser, type ParsedFile } from '../../server/src/core/parse/parseFile';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { computeDocumentInfo } from '../../server/src/core/features/documentInfo';
import { hover } from '../../server/src/core/features/hover';
import { completion } from '../../server/src/core/features/completion';
import { conversionActions, quickFixes } from '../../server/src/core/features/codeActions';
import { prepareDocument } from '../../server/src/core/features/prepareDocument';
import type { FeatureContext } from '../../server/src/core/features/featureContext';
import { podFacts } from '../../server/src/core/rules/util/podFacts';
import { childAt } from '../../server/src/core/rules/util/nodes';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { generateManifest } from '../bench/manifests';
import { OVERFLOW_SHARE } from '../../server/src/core/parse/treeCache';

const OPTIONS = { docsBase: 'https://example.test/rules/' };
const CTX: FeatureContext = {
  settings: DEFAULT_SETTINGS,
  abilities: { markdown: true, completionMarkdown: true, snippets: true, commandLinks: false },
  docsBase: OPTIONS.docsBase,
};
const TEXT = generateManifest(40, 11);

/** Parses as the server does: findings and facts derived while each fresh tree is held. */
function parseWith(parser: FileParser, document: TextDocument): ParsedFile {
  return parser.parse(document, { onDocument: (parsed) => prepareDocument(parsed, DEFAULT_SETTINGS) });
}

/** Offsets of every key and of every value on lines with `key: value`. */
function probeOffsets(text: string): number[] {
  const out: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const key = line.search(/[A-Za-z]/);
    const colon = line.indexOf(': ');
    if (key >= 0 && colon > key) out.push(lineStart + key + 1, lineStart + colon + 3);
    lineStart += line.length + 1;
  }
  return out;
}

describe('tree budget', () => {
  test('with room for a single tree, every feature answers as with all trees in memory', () => {
    const tight = new FileParser(1);
    const roomy = new FileParser(Number.MAX_SAFE_INTEGER);
    const docA = TextDocument.create('file:///tight.yaml', 'yaml', 1, TEXT);
    const docB = TextDocument.create('file:///roomy.yaml', 'yaml', 1, TEXT);
    const a = parseWith(tight, docA);
    const b = parseWith(roomy, docB);
    assert.ok(tight.trees.heldSize < 5000, `only the last tree is held (${tight.trees.heldSize} characters)`);
    const diagnostics = computeDiagnostics(a, DEFAULT_SETTINGS, OPTIONS);
    assert.ok(diagnostics.length > 5, `${diagnostics.length}: ` + 'the bundle has findings to compare');
    const forUri = <T>(values: T): T => JSON.parse(JSON.stringify(values).replaceAll('roomy.yaml', 'tight.yaml')) as T;
    assert.deepEqual(diagnostics, forUri(computeDiagnostics(b, DEFAULT_SETTINGS, OPTIONS)));
    assert.deepEqual(computeDocumentInfo(a, 0), computeDocumentInfo(b, 0));
    for (const offset of probeOffsets(TEXT)) {
      assert.deepEqual(hover(a, offset, CTX), hover(b, offset, CTX), `hover at ${docA.positionAt(offset).line}`);
    }
    for (const offset of probeOffsets(TEXT).filter((_, i) => i % 7 === 0)) {
      assert.deepEqual(completion(a, offset, CTX), completion(b, offset, CTX));
      assert.deepEqual(conversionActions(a, offset), forUri(conversionActions(b, offset)));
    }
    assert.deepEqual(quickFixes(a, diagnostics), forUri(quickFixes(b, forUri(diagnostics))));
  });

  test('keeps no more trees than the budget allows, plus the one in use', () => {
    const parser = new FileParser(20_000);
    parseWith(parser, TextDocument.create('file:///b.yaml', 'yaml', 1, TEXT));
    assert.ok(TEXT.length > 60_000, 'the bundle is larger than the budget');
    assert.ok(parser.trees.heldSize > 0 && parser.trees.heldSize <= 20_000 + 4000, `held ${parser.trees.heldSize}`);
    parser.forget('file:///b.yaml');
    assert.equal(parser.trees.heldSize, 0, 'closing the file releases its trees');
  });

  test('trees that fit are all kept; once they do not, OVERFLOW_SHARE of the budget is kept', () => {
    const fits = new FileParser(TEXT.length);
    parseWith(fits, TextDocument.create('file:///fits.yaml', 'yaml', 1, TEXT));
    assert.equal(fits.trees.heldSize, TEXT.length, 'the whole bundle fits: no tree is dropped');
    const over = new FileParser(TEXT.length - 1);
    const doc = TextDocument.create('file:///over.yaml', 'yaml', 1, TEXT);
    const file = parseWith(over, doc);
    const limit = OVERFLOW_SHARE * TEXT.length;
    assert.ok(over.trees.heldSize <= limit + 4000, `held ${over.trees.heldSize} of ${TEXT.length}`);
    assert.ok(over.trees.heldSize > limit - 8000, `held ${over.trees.heldSize} of ${TEXT.length}`);
    // A hover in a dropped document reads its outline: nothing is parsed again.
    const held = over.trees.heldSize;
    const first = file.docs.find((slot) => slot.parsed.isWorkload)!;
    assert.ok(first.parsed.outline, 'the first workload was dropped and kept its outline');
    assert.ok(hover(file, first.start + first.parsed.text.indexOf('kind:') + 1, CTX));
    assert.equal(over.trees.heldSize, held);
    // A completion there parses it again and holds it, within the same limit.
    completion(file, first.start + first.parsed.text.indexOf('spec:') + 2, CTX);
    assert.ok(over.trees.heldSize <= limit + 4000);
    over.forget('file:///over.yaml');
    assert.equal(over.trees.heldSize, 0);
    assert.equal(over.trees.limit, TEXT.length - 1, 'with the file closed, the whole budget is available again');
  });

  test('a tree parsed again never meets facts about the nodes of the dropped one', () => {
    const parser = new FileParser(1);
    const file = parseWith(parser, TextDocument.create('file:///c.yaml', 'yaml', 1, TEXT));
    const first = file.docs.find((s) => s.parsed.isWorkload)!.parsed;
    const before = podFacts(first);
    assert.equal(before.spec, childAt(first.doc.contents, 'spec'));
    for (const slot of file.docs) void slot.parsed.doc; // uses every other tree: the first is dropped
    const again = podFacts(first);
    assert.notEqual(again.spec, before.spec, 'the facts were derived again');
    assert.equal(again.spec, childAt(first.doc.contents, 'spec'), 'from the tree the document has now');
  });

  test('edits with a tight budget give the diagnostics of a fresh parse', () => {
    const parser = new FileParser(1);
    const document = TextDocument.create('file:///d.yaml', 'yaml', 1, TEXT);
    parseWith(parser, document);
    const middle = TEXT.indexOf('replicas: ', TEXT.length / 2) + 'replicas: '.length;
    const range = { start: document.positionAt(middle), end: document.positionAt(middle + 1) };
    TextDocument.update(document, [{ range, text: 'two' }], 2);
    const edited = computeDiagnostics(parseWith(parser, document), DEFAULT_SETTINGS, OPTIONS);
    const fresh = computeDiagnostics(parseWith(new FileParser(), document), DEFAULT_SETTINGS, OPTIONS);
    assert.deepEqual(edited, fresh);
    assert.ok(edited.some((d) => d.code === 'invalid-type' && String(d.message).includes('"two"')), 'the edit is found');
  });
});
