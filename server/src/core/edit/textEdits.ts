/**
 * Offset edits: the plain currency of quick-fixes and conversions inside the core.
 *
 * Edits are computed on the source text as offsets into the whole file and turned into LSP
 * TextEdits at the edge (`toTextEdits`), so line and column arithmetic happens in one place.
 * Example: `{ start: 40, end: 50, text: 'DaemonSet' }` replaces "Deployment" on the kind line.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export interface OffsetEdit {
  /** Offsets into the whole file text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sorts edits by position, keeping the creation order of inserts at one offset. */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
}

/**
 * Composes edits into the fewest that no editor can apply in another order: sorted by position,
 * inserts at one offset in the order given (the order of intent: a key inserted into a mapping
 * before a document appended after it), and every run of edits that touch one another (inserts
 * at one offset, an insert at either end of a replacement, adjacent replacements) joined into
 * one edit. LSP says the array order decides between inserts at one position, but not every
 * client honours it; a single edit leaves nothing to decide. Overlapping edits are a bug of the
 * caller and throw.
 */
export function composeEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of sortEdits(edits)) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) throw new Error(`overlapping edits at ${e.start}`);
    if (prev && e.start === prev.end) out[out.length - 1] = { start: prev.start, end: e.end, text: prev.text + e.text };
    else out.push(e);
  }
  return out;
}

/** True when two edits touch the same characters (inserts at a boundary do not conflict). */
export function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start > b.start && a.start < b.end || b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits to a text (tests, re-validation of a conversion). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of sortEdits(edits)) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The LSP form of offset edits, against the document they were computed on. */
export function toTextEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return sortEdits(edits).map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.text,
  }));
}

/** Applies LSP TextEdits to a document's text (used by tests and fixAll checks). */
export function applyTextEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return applyOffsetEdits(
    document.getText(),
    edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText })),
  );
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line holding `offset` (or the text's end). */
export function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** The line break style of a text: CRLF when its first line ends so. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset after trailing whitespace is trimmed back from `end` (never before `start`). */
export function trimBack(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
