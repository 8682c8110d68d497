/**
 * A text document held as a list of chunks of whole lines, for the server's open files.
 *
 * Why not `vscode-languageserver-textdocument`: it keeps one string and one array of line
 * offsets for the whole file. Every incremental edit of an 11 MB bundle therefore builds a new
 * 11 MB string (flattened on the next read), shifts every later line offset, and hands the
 * garbage collector about 15 MB to reclaim — about 10 ms per keystroke before any analysis, and
 * the full collections that follow (issue #8: edit → diagnostics at 5,000 documents).
 *
 * Here an edit rebuilds only the chunks it touches (each about 32 KB), and line lookups are two
 * binary searches: over the chunks, then over the line starts of one chunk. The document also
 * remembers how much of its start and end each recent edit left alone (`unchangedSince`), so the
 * parser finds the edited documents without comparing the old and new texts.
 *
 * Positions follow the LSP rules exactly as `vscode-languageserver-textdocument` applies them
 * (`\n`, `\r\n` and `\r` end lines; an offset never lands between `\r` and `\n`), which a
 * differential test checks on random edits.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Chunks are cut at the first line break after this many characters (an edited chunk past 4× is cut again). */
const CHUNK_TARGET = 32 * 1024;
/** How many recent edits `unchangedSince` can look back over. */
const HISTORY = 64;

const LF = 10;
const CR = 13;

interface Chunk {
  readonly text: string;
  /** Offsets of the line starts inside the chunk; always starts with 0, never holds text.length. */
  readonly lines: Int32Array;
}

/** What an update kept: the first `prefix` and last `suffix` characters are the same before and after. */
interface Kept {
  readonly before: number;
  readonly after: number;
  readonly prefix: number;
  readonly suffix: number;
}

export class ChunkedTextDocument implements TextDocument {
  private chunks: Chunk[] = [];
  /** Offset and first line of each chunk in the document. */
  private chunkStart = new Int32Array(0);
  private chunkLine = new Int32Array(0);
  private total = 0;
  private lines = 0;
  /** The whole text, kept from its last use until the next edit. */
  private whole: string | undefined;
  private readonly history: Kept[] = [];

  /** `chunkTarget` is for tests, which use tiny chunks to exercise edits across chunk ends. */
  static create(uri: string, languageId: string, version: number, content: string, chunkTarget = CHUNK_TARGET): ChunkedTextDocument {
    return new ChunkedTextDocument(uri, languageId, version, content, chunkTarget);
  }

  /** Applies content changes in order (the `TextDocuments` update contract). */
  static update(document: ChunkedTextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): ChunkedTextDocument {
    document.update(changes, version);
    return document;
  }

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    private readonly chunkTarget: number,
  ) {
    this.replaceAll(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Length of the text in UTF-16 code units, without joining the chunks. */
  get length(): number {
    return this.total;
  }

  get lineCount(): number {
    return this.lines;
  }

  getText(range?: Range): string {
    if (range) {
      // Like String.prototype.substring, a range given end first reads the same text.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    this.whole ??= this.chunks.length === 1 ? this.chunks[0]!.text : this.chunks.map((c) => c.text).join('');
    return this.whole;
  }

  /** The text between two offsets, read from the chunks that hold it. */
  slice(start: number, end: number): string {
    start = clamp(start, 0, this.total);
    end = clamp(end, start, this.total);
    if (this.whole !== undefined) return this.whole.slice(start, end);
    if (start === end) return '';
    const first = this.chunkAt(start);
    const last = this.chunkAt(end - 1);
    const from = start - this.chunkStart[first]!;
    if (first === last) return this.chunks[first]!.text.slice(from, end - this.chunkStart[first]!);
    const parts = [this.chunks[first]!.text.slice(from)];
    for (let c = first + 1; c < last; c++) parts.push(this.chunks[c]!.text);
    parts.push(this.chunks[last]!.text.slice(0, end - this.chunkStart[last]!));
    return parts.join('');
  }

  positionAt(offset: number): Position {
    offset = clamp(offset, 0, this.total);
    if (offset === this.total && this.endsWithLineBreak()) return { line: this.lines - 1, character: 0 };
    const c = this.chunkAt(offset);
    const chunk = this.chunks[c]!;
    const local = offset - this.chunkStart[c]!;
    const k = lastAtMost(chunk.lines, local);
    const lineStart = chunk.lines[k]!;
    return { line: this.chunkLine[c]! + k, character: beforeLineBreak(chunk.text, local, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines) return this.total;
    if (position.line < 0) return 0;
    const { start, contentEnd } = this.lineBounds(position.line);
    if (position.character <= 0) return start;
    // Past the line's end, or between its `\r` and `\n`, the offset is where its content ends.
    return Math.min(start + position.character, contentEnd);
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, this.lines - 1);
    const { start, contentEnd, next } = this.lineBounds(last);
    const end = line > last ? next : contentEnd;
    return { start: { line: last, character: 0 }, end: { line: last, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines) return '';
    const { contentEnd, next } = this.lineBounds(line);
    return this.slice(contentEnd, next);
  }

  /** Where a line (0 ≤ line < lineCount) starts, where its content ends and where the next starts. */
  private lineBounds(line: number): { start: number; contentEnd: number; next: number } {
    if (line === this.lines - 1 && this.endsWithLineBreak()) return { start: this.total, contentEnd: this.total, next: this.total };
    const c = lastAtMost(this.chunkLine, line);
    const chunk = this.chunks[c]!;
    const k = line - this.chunkLine[c]!;
    const base = this.chunkStart[c]!;
    const start = chunk.lines[k]!;
    const next = k + 1 < chunk.lines.length ? chunk.lines[k + 1]! : chunk.text.length;
    return { start: base + start, contentEnd: base + beforeLineBreak(chunk.text, next, start), next: base + next };
  }

  /**
   * How much of the text's start and end is unchanged since `version` of this document: a
   * conservative answer (the real common prefix and suffix may be longer), or undefined when
   * the edits since then are no longer remembered.
   */
  unchangedSince(version: number): { prefix: number; suffix: number } | undefined {
    if (version === this.currentVersion) return { prefix: this.total, suffix: 0 };
    let i = this.history.length - 1;
    let prefix = this.total;
    let suffix = this.total;
    for (let at = this.currentVersion; i >= 0 && this.history[i]!.after === at; i--) {
      const kept = this.history[i]!;
      prefix = Math.min(prefix, kept.prefix);
      suffix = Math.min(suffix, kept.suffix);
      at = kept.before;
      if (at === version) return { prefix, suffix };
    }
    return undefined;
  }

  private update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // With no change at all, everything is kept: the whole text counts as the prefix.
    let prefix = this.total;
    let suffix = changes.length === 0 ? 0 : this.total;
    for (const change of changes) {
      if ('range' in change && change.range) {
        let start = this.offsetAt(change.range.start);
        let end = this.offsetAt(change.range.end);
        if (start > end) [start, end] = [end, start];
        prefix = Math.min(prefix, start);
        suffix = Math.min(suffix, this.total - end);
        // A later change is measured on this result: the texts before the first change and after
        // the last share at least the smallest of the prefixes and the smallest of the suffixes.
        this.splice(start, end, change.text);
      } else {
        prefix = 0;
        suffix = 0;
        this.replaceAll(change.text);
      }
    }
    this.history.push({ before: this.currentVersion, after: version, prefix, suffix });
    if (this.history.length > HISTORY) this.history.shift();
    this.currentVersion = version;
  }

  private replaceAll(text: string): void {
    this.chunks = cut(text, this.chunkTarget);
    this.whole = text;
    this.reindex();
  }

  /** Replaces text[start, end) with `text`, rebuilding only the chunks that hold the range. */
  private splice(start: number, end: number, text: string): void {
    this.whole = undefined;
    const first = this.chunkAt(start);
    let last = this.chunkAt(end);
    const head = this.chunks[first]!.text.slice(0, start - this.chunkStart[first]!);
    const tail = this.chunks[last]!.text.slice(end - this.chunkStart[last]!);
    let joined = head + text + tail;
    // Every chunk but the last ends with `\n`, so no line (or `\r\n` pair) spans two chunks.
    while (last + 1 < this.chunks.length && !endsWithLf(joined)) joined += this.chunks[++last]!.text;
    const rebuilt = joined.length > 4 * this.chunkTarget ? cut(joined, this.chunkTarget) : [chunkOf(flat(joined))];
    this.chunks.splice(first, last - first + 1, ...rebuilt.filter((c) => c.text.length > 0));
    if (this.chunks.length === 0) this.chunks.push(chunkOf(''));
    this.reindex();
  }

  private reindex(): void {
    const n = this.chunks.length;
    this.chunkStart = new Int32Array(n);
    this.chunkLine = new Int32Array(n);
    let offset = 0;
    let line = 0;
    for (let c = 0; c < n; c++) {
      this.chunkStart[c] = offset;
      this.chunkLine[c] = line;
      offset += this.chunks[c]!.text.length;
      line += this.chunks[c]!.lines.length;
    }
    this.total = offset;
    this.lines = line + (this.endsWithLineBreak() ? 1 : 0);
  }

  private endsWithLineBreak(): boolean {
    const last = this.chunks[this.chunks.length - 1]!.text;
    const code = last.charCodeAt(last.length - 1);
    return code === LF || code === CR;
  }

  /** The chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return lastAtMost(this.chunkStart, Math.min(offset, Math.max(0, this.total - 1)));
  }
}

/** Cuts a text into chunks of about `target` characters, each ending with `\n` but the last. */
function cut(text: string, target: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', Math.min(start + target, text.length) - 1);
    const end = lf < 0 ? text.length : lf + 1;
    chunks.push(chunkOf(text.slice(start, end)));
    start = end;
  }
  return chunks.length > 0 ? chunks : [chunkOf('')];
}

function chunkOf(text: string): Chunk {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CR && text.charCodeAt(i + 1) === LF) i++;
    if ((code === CR || code === LF) && i + 1 < text.length) starts.push(i + 1);
  }
  return { text, lines: Int32Array.from(starts) };
}

/** Index of the last element ≤ value in an ascending array whose first element is ≤ value. */
function lastAtMost(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Moves an offset back over line-break characters, never before the line's start. */
function beforeLineBreak(text: string, offset: number, lineStart: number): number {
  while (offset > lineStart) {
    const code = text.charCodeAt(offset - 1);
    if (code !== LF && code !== CR) break;
    offset--;
  }
  return offset;
}

function endsWithLf(text: string): boolean {
  return text.charCodeAt(text.length - 1) === LF;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

/** A flat copy, so that an edited chunk does not keep the older strings it was joined from. */
function flat(text: string): string {
  return ` ${text}`.slice(1);
}
