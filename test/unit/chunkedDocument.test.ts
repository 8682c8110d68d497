/**
 * The server's chunked text document must answer exactly as `vscode-languageserver-textdocument`
 * does — same text, line count, positions and offsets — after any sequence of edits, including
 * edits across chunk ends and `\r\n` pairs. Tiny chunks make every edit cross several of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../server/src/core/parse/chunkedDocument';
import { int, prng } from '../bench/manifests';

const PIECES = ['a', 'key: value', ' ', '\n', '\n', '\r\n', '\r', '---\n', '  - x\n', 'é', '😀'];

function randomText(random: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[int(random, 0, PIECES.length - 1)];
  return text;
}

function randomPosition(random: () => number, reference: TextDocument) {
  // Out-of-range lines and characters are clamped the same way by both documents.
  return { line: int(random, -1, reference.lineCount + 1), character: int(random, -1, 14) };
}

function assertSame(chunked: ChunkedTextDocument, reference: TextDocument, random: () => number, context: string): void {
  const text = reference.getText();
  assert.equal(chunked.getText(), text, context);
  assert.equal(chunked.length, text.length, context);
  assert.equal(chunked.lineCount, reference.lineCount, context);
  assert.equal(chunked.version, reference.version, context);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(chunked.positionAt(offset), reference.positionAt(offset), `${context}: positionAt(${offset})`);
  }
  for (let i = 0; i < 40; i++) {
    const position = randomPosition(random, reference);
    assert.equal(chunked.offsetAt(position), reference.offsetAt(position), `${context}: offsetAt(${JSON.stringify(position)})`);
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    assert.deepEqual(chunked.getLineRange(line), reference.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.equal(chunked.getEOLCharacters(line), reference.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
  }
  const a = int(random, 0, text.length);
  const b = int(random, a, text.length);
  assert.equal(chunked.slice(a, b), text.slice(a, b), `${context}: slice(${a}, ${b})`);
  const range = { start: randomPosition(random, reference), end: randomPosition(random, reference) };
  assert.equal(chunked.getText(range), reference.getText(range), `${context}: getText(range)`);
}

/**
 * Changes as an editor sends them: positions inside the text (start possibly after end). The
 * reference applies them in turn, so each is drawn on the text the previous ones left.
 */
function randomChanges(random: () => number, reference: TextDocument, version: number): TextDocumentContentChangeEvent[] {
  if (int(random, 0, 30) === 0) return [{ text: randomText(random, int(random, 0, 30)) }];
  const changes: TextDocumentContentChangeEvent[] = [];
  const count = int(random, 1, 3);
  for (let i = 0; i < count; i++) {
    const length = reference.getText().length;
    const at = (offset: number) => reference.positionAt(offset);
    const change = { range: { start: at(int(random, 0, length)), end: at(int(random, 0, length)) }, text: randomText(random, int(random, 0, 4)) };
    changes.push(change);
    TextDocument.update(reference, [change], version);
  }
  return changes;
}

/** A fresh reference for the text, so the answers do not depend on its own incremental updates. */
function freshCopy(reference: TextDocument): TextDocument {
  return TextDocument.create(reference.uri, reference.languageId, reference.version, reference.getText());
}

describe('chunked text document', () => {
  test('matches vscode-languageserver-textdocument after random edits', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = prng(seed);
      const initial = randomText(random, int(random, 0, 60));
      let reference = TextDocument.create('file:///r.yaml', 'yaml', 1, initial);
      const chunked = ChunkedTextDocument.create('file:///r.yaml', 'yaml', 1, initial, int(random, 1, 12));
      assertSame(chunked, reference, random, `seed ${seed}, created`);
      for (let version = 2; version < 40; version++) {
        const changes = randomChanges(random, reference, version);
        if (changes.length === 1 && !('range' in changes[0]!)) TextDocument.update(reference, changes, version);
        ChunkedTextDocument.update(chunked, changes, version);
        reference = freshCopy(reference);
        assertSame(chunked, reference, random, `seed ${seed}, version ${version}, ${JSON.stringify(changes)}`);
      }
    }
  });

  test('says how much of the start and end every edit since a version left alone', () => {
    const random = prng(7);
    const initial = randomText(random, 200);
    let reference = TextDocument.create('file:///r.yaml', 'yaml', 1, initial);
    const chunked = ChunkedTextDocument.create('file:///r.yaml', 'yaml', 1, initial, 16);
    const texts = new Map([[1, initial]]);
    for (let version = 2; version < 60; version++) {
      const changes = randomChanges(random, reference, version).filter((c) => 'range' in c);
      ChunkedTextDocument.update(chunked, changes, version);
      reference = freshCopy(reference);
      texts.set(version, reference.getText());
      for (const since of [version - 1, version - 5, 1]) {
        const old = texts.get(since);
        const kept = chunked.unchangedSince(since);
        if (old === undefined) continue;
        assert.ok(kept, `version ${version} since ${since}`);
        const now = reference.getText();
        assert.ok(kept.prefix + kept.suffix <= Math.min(old.length, now.length), 'prefix and suffix do not overlap');
        assert.equal(now.slice(0, kept.prefix), old.slice(0, kept.prefix), `prefix since ${since}`);
        assert.equal(now.slice(now.length - kept.suffix), old.slice(old.length - kept.suffix), `suffix since ${since}`);
      }
    }
    assert.equal(chunked.unchangedSince(0), undefined, 'a version before the document was opened is not known');
  });

  test('an edit in a large text rebuilds only the chunk it touches', () => {
    const line = 'key: value-with-some-length\n';
    const text = line.repeat(20_000);
    const chunked = ChunkedTextDocument.create('file:///big.yaml', 'yaml', 1, text);
    ChunkedTextDocument.update(chunked, [{ range: { start: { line: 19_999, character: 5 }, end: { line: 19_999, character: 10 } }, text: 'VALUE' }], 2);
    assert.equal(chunked.lineCount, 20_001);
    assert.equal(chunked.slice(chunked.length - line.length, chunked.length), 'key: VALUE-with-some-length\n');
    assert.deepEqual(chunked.unchangedSince(1), { prefix: 19_999 * line.length + 5, suffix: line.length - 10 });
    assert.equal(chunked.getText().length, text.length);
  });
});
