/**
 * Multi-document parsing with a per-document cache.
 *
 * A file is cut into segments at `---` lines (a document start marker at column 0 always starts
 * a new document in YAML, even inside a block scalar). Each segment is parsed on its own with
 * offsets relative to its start, and the parse is cached by the segment's text. An edit in one
 * document of a 5,000-document file therefore re-parses that document only; the others keep
 * their parsed trees and everything memoised on them (rule results, facts, symbols).
 */
import { Composer, Document, LineCounter, Parser, isMap, isScalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { maskTemplates, type TemplateMask } from './helmTemplates';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export function isWorkloadKind(kind: unknown): kind is WorkloadKind {
  return typeof kind === 'string' && (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

export interface SyntaxProblem {
  /** Offsets relative to the document's segment. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
}

export interface ParsedDocument {
  /** Source text of the segment this document was parsed from (offsets are relative to it). */
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly problems: readonly SyntaxProblem[];
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** Deployment, StatefulSet, DaemonSet or ReplicaSet. */
  readonly isWorkload: boolean;
  /** Has both apiVersion and kind: some Kubernetes object (Service, ConfigMap …). */
  readonly isKubernetes: boolean;
  /** Masked Helm actions, relative to the segment; undefined for plain YAML. */
  readonly template: TemplateMask | undefined;
  /** Results derived from this document alone, keyed by feature; lives as long as the parse. */
  readonly memo: Map<string, unknown>;
}

export interface DocumentSlot {
  /** Offset of the segment in the file. */
  readonly start: number;
  /** Position of the document in the file, counting from 0. */
  readonly index: number;
  readonly parsed: ParsedDocument;
}

export interface ParsedFile {
  readonly document: TextDocument;
  readonly docs: readonly DocumentSlot[];
  /** True when any document is a Kubernetes object; otherwise the file is not ours. */
  readonly isKubernetes: boolean;
  /** Set when the file is larger than the configured limit and was not analysed. */
  readonly tooLarge?: { readonly size: number; readonly limit: number };
}

const DOC_START = /^---(?=[ \t\r\n]|$)/;

/** Offsets where segments start: 0 and every `---` line (preamble of comments/directives folded in). */
export function segmentStarts(text: string): number[] {
  const starts: number[] = [0];
  let lineStart = 0;
  let sawContent = false;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.startsWith('---', lineStart) && DOC_START.test(text.slice(lineStart, lineStart + 4))) {
      if (sawContent) starts.push(lineStart);
      sawContent = true;
    } else if (!sawContent && !isPreambleLine(text, lineStart, lineEnd)) {
      sawContent = true;
    }
    lineStart = lineEnd + 1;
  }
  return starts;
}

function isPreambleLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') continue;
    return c === '#' || c === '%';
  }
  return true;
}

/** Parses one segment into its documents (usually one; more after an explicit `...`). */
export function parseSegment(text: string): ParsedDocument[] {
  const template = maskTemplates(text);
  const source = template ? template.text : text;
  if (nestingDepthEstimate(source) > MAX_NESTING) {
    return [brokenDocument(text, template, new RangeError('nesting'))];
  }
  let docs: Document.Parsed[];
  try {
    // No keepSourceTokens: nothing reads `srcToken` (edits work from node ranges and the text),
    // and keeping the CST tripled the memory of a parse (≈340 of 540 MB at 5,000 documents).
    const composer = new Composer({ keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
    docs = [...composer.compose(new Parser(new LineCounter().addNewLine).parse(source), true, source.length)];
  } catch (error) {
    // The composer recurses per nesting level; absurdly deep input overflows the stack.
    return [brokenDocument(text, template, error)];
  }
  return docs.map((doc) => describe(text, doc, template));
}

/**
 * Deeper than any manifest (they stay under 30 levels), far below where the composer's recursion
 * would overflow the stack. Refusing up front makes the outcome the same however deep the
 * caller's own stack already is.
 */
const MAX_NESTING = 500;

/**
 * A cheap upper estimate of how deeply a text nests: per line, half its indentation plus its
 * compact `- ` prefixes, plus the open flow brackets carried over from earlier lines.
 */
export function nestingDepthEstimate(text: string): number {
  let max = 0;
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    let indent = 0;
    while (text[i] === ' ') {
      indent++;
      i++;
    }
    let dashes = 0;
    while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      dashes++;
      i += 2;
      while (text[i] === ' ') i++;
    }
    let lineMax = flow;
    for (; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i];
      if (c === '[' || c === '{') lineMax = Math.max(lineMax, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i++;
    max = Math.max(max, (indent >> 1) + dashes + lineMax);
  }
  return max;
}

function describe(text: string, doc: Document.Parsed, template: TemplateMask | undefined): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  for (const e of doc.errors) problems.push(toProblem(e.pos, e.message, e.code, 'error', text.length));
  for (const w of doc.warnings) problems.push(toProblem(w.pos, w.message, w.code, 'warning', text.length));
  const apiVersion = topLevelString(doc, 'apiVersion');
  const kind = topLevelString(doc, 'kind');
  return {
    text,
    doc,
    problems,
    apiVersion,
    kind,
    isWorkload: isWorkloadKind(kind),
    isKubernetes: apiVersion !== undefined && kind !== undefined,
    template,
    memo: new Map(),
  };
}

function toProblem(
  pos: [number, number],
  message: string,
  code: string,
  severity: 'error' | 'warning',
  length: number,
): SyntaxProblem {
  const start = Math.min(pos[0], length);
  const end = Math.max(start, Math.min(pos[1], length));
  return { start, end, message: message.replace(/\s+$/, ''), code, severity };
}

function brokenDocument(text: string, template: TemplateMask | undefined, error: unknown): ParsedDocument {
  const reason = error instanceof RangeError ? 'it is nested too deeply' : 'the YAML parser failed';
  const message = `This document was not analysed: ${reason}.`;
  return {
    text,
    doc: new Document(null) as unknown as Document.Parsed,
    problems: [{ start: 0, end: Math.min(text.indexOf('\n') >>> 0, text.length), message, code: 'NESTING', severity: 'error' }],
    apiVersion: undefined,
    kind: kindByText(text),
    isWorkload: isWorkloadKind(kindByText(text)),
    isKubernetes: kindByText(text) !== undefined,
    template,
    memo: new Map(),
  };
}

/** Reads `key: value` from the top-level mapping, when the value is a plain string. */
function topLevelString(doc: Document.Parsed, key: string): string | undefined {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && pair.key.value === key) {
      return isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
    }
  }
  return undefined;
}

function kindByText(text: string): string | undefined {
  return /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
}

export interface ParseOptions {
  /** Files larger than this many UTF-16 code units are not analysed. */
  readonly maxFileSize?: number;
}

/** A segment of the previous parse: where it started, its text and its documents. */
interface Segment {
  readonly start: number;
  readonly text: string;
  readonly parsed: ParsedDocument[];
}

/**
 * Parses files and keeps the previous parse of each file, so unchanged documents are reused.
 * One cache per file URI; `forget` drops it when the editor closes the file.
 *
 * Performance (issue #8): an edit of one value in a 5,000-document file must not cost a pass
 * over every segment. The new text is compared with the previous one (common prefix and
 * suffix, in chunks), and only the segments that overlap the changed span are cut and looked up
 * again; segments before it keep their start, segments after it are shifted by the length
 * difference. Their ParsedDocument objects, and everything memoised on them, are reused as is.
 */
export class FileParser {
  private readonly previous = new Map<string, { text: string; segments: Segment[] }>();

  parse(document: TextDocument, options: ParseOptions = {}): ParsedFile {
    const text = document.getText();
    const limit = options.maxFileSize;
    if (limit !== undefined && text.length > limit) {
      this.previous.delete(document.uri);
      return { document, docs: [], isKubernetes: looksLikeKubernetes(text), tooLarge: { size: text.length, limit } };
    }
    const before = this.previous.get(document.uri);
    const segments = before ? resegment(before.text, before.segments, text) : cutSegments(text, 0, text.length, new Map());
    this.previous.set(document.uri, { text, segments });
    const docs: DocumentSlot[] = [];
    let isKubernetes = false;
    for (const segment of segments) {
      for (const p of segment.parsed) {
        docs.push({ start: segment.start, index: docs.length, parsed: p });
        isKubernetes ||= p.isKubernetes;
      }
    }
    return { document, docs, isKubernetes };
  }

  forget(uri: string): void {
    this.previous.delete(uri);
  }
}

/** Cuts text[from, to) into segments, reusing parses of identical segment text from `reuse`. */
function cutSegments(text: string, from: number, to: number, reuse: ReadonlyMap<string, ParsedDocument[]>): Segment[] {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const starts = segmentStarts(window);
  const out: Segment[] = [];
  const seen = new Map<string, ParsedDocument[]>();
  for (let i = 0; i < starts.length; i++) {
    const segmentText = window.slice(starts[i]!, starts[i + 1] ?? window.length);
    const parsed = reuse.get(segmentText) ?? seen.get(segmentText) ?? parseSegment(segmentText);
    seen.set(segmentText, parsed);
    out.push({ start: from + starts[i]!, text: segmentText, parsed });
  }
  return out;
}

/**
 * The segments of `text` given the previous text and its segments. A segment before the change
 * is kept when its successor's `---` line (and the character after it) lies in the common
 * prefix; a segment after it when the newline before its `---` lies in the common suffix.
 */
function resegment(old: string, segments: readonly Segment[], text: string): Segment[] {
  const prefix = commonPrefix(old, text);
  if (prefix === old.length && prefix === text.length) return segments as Segment[];
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  let k = 0;
  while (k + 1 < segments.length && segments[k + 1]!.start + 4 <= prefix) k++;
  let m = k + 1;
  while (m < segments.length && segments[m]!.start - 1 < old.length - suffix) m++;
  const windowStart = segments[k]!.start;
  const windowEnd = m < segments.length ? segments[m]!.start + delta : text.length;
  const reuse = new Map<string, ParsedDocument[]>();
  for (let i = k; i < m; i++) reuse.set(segments[i]!.text, segments[i]!.parsed);
  const middle = cutSegments(text, windowStart, windowEnd, reuse);
  const after = segments.slice(m).map((s) => (delta === 0 ? s : { ...s, start: s.start + delta }));
  return [...segments.slice(0, k), ...middle, ...after];
}

/** Chunk sizes for comparing texts: long equal runs are compared by the engine, not char by char. */
const CHUNKS = [65536, 4096, 256, 16, 1];

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (const step of CHUNKS) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  return i;
}

/** Length of the common suffix, at most `max` (so that it never overlaps the common prefix). */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (const step of CHUNKS) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  return i;
}

/** Cheap check for files too large to parse: do they declare a Kubernetes kind near the top? */
function looksLikeKubernetes(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return /^apiVersion:/m.test(head) && /^kind:/m.test(head);
}

/** Parses a file without a cache (CLI, tests). */
export function parseFile(document: TextDocument, options: ParseOptions = {}): ParsedFile {
  return new FileParser().parse(document, options);
}
