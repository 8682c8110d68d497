/**
 * Multi-document parsing with a per-document cache.
 *
 * A file is cut into segments at `---` lines (a document start marker at column 0 always starts
 * a new document in YAML, even inside a block scalar). Each segment is parsed on its own with
 * offsets relative to its start, and the parse is cached by the segment's text. An edit in one
 * document of a 5,000-document file therefore re-parses that document only; the others keep
 * their parsed trees and everything memoised on them (rule results, facts, symbols).
 */
import { Composer, Document, Parser, isMap, isScalar } from 'yaml';
import { linkAliases, type AliasProblem } from './aliases';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { maskTemplates, type TemplateMask } from './helmTemplates';
import { TreeCache, type TreeHolder } from './treeCache';
import { ChunkedTextDocument } from './chunkedDocument';
import { TreeOutline } from './outline';

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
  /**
   * The yaml tree. Under a FileParser's memory budget (treeCache.ts) the trees of documents not
   * used recently are dropped; reading this property parses the segment again when needed.
   */
  readonly doc: Document.Parsed;
  readonly problems: readonly SyntaxProblem[];
  readonly apiVersion: string | undefined;
  readonly kind: string | undefined;
  /** Deployment, StatefulSet, DaemonSet or ReplicaSet. */
  readonly isWorkload: boolean;
  /**
   * Meant to be a Kubernetes object (Service, ConfigMap …): has both apiVersion and kind, or one
   * of them beside a `metadata` or `spec` mapping (a manifest whose kind or apiVersion is missing).
   */
  readonly isKubernetes: boolean;
  /** Masked Helm actions, relative to the segment; undefined for plain YAML. */
  readonly template: TemplateMask | undefined;
  /** The text the tree is parsed from: `text` with Helm actions masked (same offsets). */
  readonly source: string;
  /**
   * The tree's shape (outline.ts), for a workload whose tree the budget has dropped at least
   * once: hovers read it instead of parsing the document again. Undefined otherwise, and null
   * when it could not be built.
   */
  readonly outline: TreeOutline | null | undefined;
  /** Where the document starts in its segment (several can share one, after `...`). */
  readonly docStart: number | undefined;
  /**
   * Results derived from the tree that may refer to its nodes, keyed by feature. Cleared when
   * the tree is dropped, so nothing compares nodes of an old tree with those of a new one.
   */
  readonly memo: Map<string, unknown>;
  /**
   * Results that are plain data (no tree nodes): findings, cross-document facts, suppressions.
   * They live as long as the parse, so dropping the tree costs no re-analysis.
   */
  readonly lasting: Map<string, unknown>;
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

/**
 * Parses one segment into its documents (usually one; more after an explicit `...`). With a
 * cache, the trees count against its budget and may be dropped and parsed again later.
 */
function parseTrees(text: string, cache: TreeCache | undefined): { parsed: ParsedDocument[]; trees?: SegmentTrees } {
  if (text.length > MAX_DOCUMENT_SIZE) return { parsed: [oversizedDocument(text)] };
  const template = maskTemplates(text);
  const source = template ? template.text : text;
  if (mayNestDeeperThan(source, MAX_NESTING) && nestingDepthEstimate(source) > MAX_NESTING) {
    return { parsed: [brokenDocument(text, template, new RangeError('nesting'))] };
  }
  let docs: Document.Parsed[];
  try {
    docs = compose(source);
  } catch (error) {
    // The composer recurses per nesting level; absurdly deep input overflows the stack.
    return { parsed: [brokenDocument(text, template, error)] };
  }
  const trees = new SegmentTrees(source, docs, cache);
  return { parsed: docs.map((doc, ordinal) => describe(text, doc, template, trees, ordinal)), trees };
}

function compose(source: string): Document.Parsed[] {
  // No keepSourceTokens: nothing reads `srcToken` (edits work from node ranges and the text),
  // and keeping the CST tripled the memory of a parse (≈340 of 540 MB at 5,000 documents).
  const composer = new Composer({ keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
  const docs = [...composer.compose(new Parser().parse(source), true, source.length)];
  // Every (re)composed tree has its aliases linked to their anchors; the rules read through them.
  for (const doc of docs) {
    const problems = linkAliases(doc, source);
    if (problems.length > 0) ALIAS_PROBLEMS.set(doc, problems);
  }
  return docs;
}

/** What linkAliases found wrong in a tree: reported with the parser's own errors. */
const ALIAS_PROBLEMS = new WeakMap<Document.Parsed, AliasProblem[]>();

/**
 * The trees of one segment's documents. Parsing the same text again gives the same documents,
 * so a dropped tree is rebuilt on the next access and each document finds its own by position.
 */
class SegmentTrees implements TreeHolder {
  readonly members: Parsed[] = [];
  private trees: Document.Parsed[] | undefined;

  constructor(
    private readonly source: string,
    trees: Document.Parsed[],
    private readonly cache: TreeCache | undefined,
  ) {
    this.trees = trees;
    cache?.hold(this);
  }

  get size(): number {
    return this.source.length;
  }

  tree(ordinal: number): Document.Parsed {
    let trees = this.trees;
    if (trees) {
      this.cache?.touch(this);
    } else {
      trees = this.trees = compose(this.source);
      this.cache?.hold(this);
    }
    return trees[ordinal] ?? (new Document(null) as unknown as Document.Parsed);
  }

  evict(): void {
    const trees = this.trees;
    this.members.forEach((member, ordinal) => {
      if (member.isWorkload && member.outline === undefined && trees?.[ordinal]) member.outline = TreeOutline.of(trees[ordinal], this.source) ?? null;
    });
    this.trees = undefined;
    for (const member of this.members) member.forgetMemo();
  }

  /** Called when the segment leaves the file: its tree no longer counts against the budget. */
  release(): void {
    this.cache?.release(this);
  }
}

/**
 * Deeper than any manifest (they stay under 30 levels), far below where the composer's recursion
 * would overflow the stack. Refusing up front makes the outcome the same however deep the
 * caller's own stack already is.
 */
const MAX_NESTING = 500;

/**
 * False when the text certainly nests no deeper than `limit`, without reading it character by
 * character: a line's indentation and `- ` prefixes fit in its length, and the flow brackets
 * open at any point are at most all of the text's `[` and `{`. Real segments pass here.
 */
export function mayNestDeeperThan(text: string, limit: number): boolean {
  let longest = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > longest && (longest = end - start) > limit) return true;
    start = end + 1;
  }
  return longest + countUpTo(text, '[', limit) + countUpTo(text, '{', limit) > limit;
}

function countUpTo(text: string, char: string, limit: number): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0 && n <= limit; at = text.indexOf(char, at + 1)) n++;
  return n;
}

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

function describe(text: string, doc: Document.Parsed, template: TemplateMask | undefined, trees: SegmentTrees, ordinal: number): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  for (const e of doc.errors) problems.push(toProblem(e.pos, e.message, e.code, 'error', text.length));
  for (const w of doc.warnings) problems.push(toProblem(w.pos, w.message, w.code, 'warning', text.length));
  for (const a of ALIAS_PROBLEMS.get(doc) ?? []) problems.push(toProblem([a.start, a.end], a.message, a.code, 'error', text.length));
  const apiVersion = topLevelString(doc, 'apiVersion');
  const kind = topLevelString(doc, 'kind');
  const manifest = (apiVersion !== undefined && kind !== undefined) || ((apiVersion !== undefined || kind !== undefined) && hasObjectParts(doc));
  const parsed = new Parsed(text, problems, apiVersion, kind, template, trees, ordinal, doc.range?.[0], manifest);
  trees.members.push(parsed);
  return parsed;
}

/**
 * A ParsedDocument. A class rather than an object literal with a getter: a literal's getter is a
 * new closure per document, which gives every one of them its own hidden class, and at 5,000
 * documents such overheads add up to megabytes (issue #8: peak RSS). `memo` is created on first
 * use and dropped with the tree.
 */
class Parsed implements ParsedDocument {
  readonly isWorkload: boolean;
  readonly isKubernetes: boolean;
  readonly lasting = new Map<string, unknown>();
  outline: TreeOutline | null | undefined;
  private memoMap: Map<string, unknown> | undefined;

  constructor(
    readonly text: string,
    readonly problems: readonly SyntaxProblem[],
    readonly apiVersion: string | undefined,
    readonly kind: string | undefined,
    readonly template: TemplateMask | undefined,
    private readonly trees: SegmentTrees | undefined,
    private readonly ordinal: number,
    readonly docStart: number | undefined,
    isKubernetes = apiVersion !== undefined && kind !== undefined,
  ) {
    this.isWorkload = isWorkloadKind(kind);
    this.isKubernetes = isKubernetes;
  }

  get doc(): Document.Parsed {
    // A document that was not parsed has an empty tree (a new one: nothing may share it).
    return this.trees ? this.trees.tree(this.ordinal) : (new Document(null) as unknown as Document.Parsed);
  }

  get source(): string {
    return this.template ? this.template.text : this.text;
  }

  get memo(): Map<string, unknown> {
    return (this.memoMap ??= new Map());
  }

  /** Called when the tree is dropped: what the memo holds may refer to its nodes. */
  forgetMemo(): void {
    this.memoMap = undefined;
  }
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

/**
 * One `---`-separated document above this many characters is not parsed or analysed: its analysis
 * runs in one go (a slice is at least one document), and a 4.8 MB Deployment took 18 s, during
 * which the server answered nothing else. Nothing that large is stored anyway: the API server
 * accepts request bodies up to 3 MiB and etcd stores objects up to 1.5 MiB by default.
 */
export const MAX_DOCUMENT_SIZE = 1.5 * 1024 * 1024;

function oversizedDocument(text: string): ParsedDocument {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  const message =
    `This document was not analysed: it is ${mb(text.length)}, above the ${mb(MAX_DOCUMENT_SIZE)} a single document may have here. ` +
    'By default etcd stores objects up to 1.5 MiB and the API server accepts requests up to 3 MiB, so most clusters refuse it; split it into smaller objects.';
  const firstLine = text.indexOf('\n');
  const problem: SyntaxProblem = { start: 0, end: Math.min(firstLine < 0 ? text.length : firstLine, 200), message, code: 'DOCUMENT_TOO_LARGE', severity: 'warning' };
  const kind = kindByText(text.slice(0, 4096)) ?? /"kind"\s*:\s*"([A-Za-z]+)"/.exec(text.slice(0, 4096))?.[1];
  return new Parsed(text, [problem], undefined, kind, undefined, undefined, 0, undefined, kind !== undefined);
}

function brokenDocument(text: string, template: TemplateMask | undefined, error: unknown): ParsedDocument {
  const reason = error instanceof RangeError ? 'it is nested too deeply' : 'the YAML parser failed';
  const message = `This document was not analysed: ${reason}.`;
  const problem: SyntaxProblem = { start: 0, end: Math.min(text.indexOf('\n') >>> 0, text.length), message, code: 'NESTING', severity: 'error' };
  // Kind by text, so the document still counts as a workload; without apiVersion no rule runs on it.
  const kind = kindByText(text);
  return new Parsed(text, [problem], undefined, kind, template, undefined, 0, undefined, kind !== undefined);
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

/** A top-level `metadata` or `spec` mapping: what makes a document with only a kind or only an apiVersion a manifest. */
function hasObjectParts(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  if (!isMap(contents)) return false;
  return contents.items.some((pair) => isScalar(pair.key) && (pair.key.value === 'metadata' || pair.key.value === 'spec') && isMap(pair.value));
}

function kindByText(text: string): string | undefined {
  return /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
}

export interface ParseOptions {
  /** Files larger than this many UTF-16 code units are not analysed. */
  readonly maxFileSize?: number;
  /**
   * Called for each newly parsed document right after its parse, while its tree is certainly
   * held: the place to derive what must outlive the tree (findings, facts) without parsing the
   * document a second time once the budget has dropped its tree.
   */
  readonly onDocument?: (parsed: ParsedDocument) => void;
}

/** A segment of the file: where it starts, its text, its documents and their slots. */
interface Segment {
  readonly start: number;
  readonly text: string;
  readonly parsed: ParsedDocument[];
  readonly trees?: SegmentTrees;
  /** Index in the file of the segment's first document. */
  readonly firstIndex: number;
  readonly slots: readonly DocumentSlot[];
}

/** A parse of a whole file: its segments, all their slots in order, how many are Kubernetes objects. */
interface Layout {
  readonly segments: readonly Segment[];
  readonly docs: readonly DocumentSlot[];
  readonly kubernetes: number;
}

/**
 * Parses files and keeps the previous parse of each file, so unchanged documents are reused.
 * One cache per file URI; `forget` drops it when the editor closes the file.
 *
 * Performance (issue #8): an edit of one value in a 5,000-document file must not cost a pass
 * over every segment. The document says what its edits left alone (ChunkedTextDocument; other
 * documents are compared with the previous text), and only the segments that overlap the changed
 * span are cut and looked up again. Segments before it are kept with their slots; segments after
 * it too when the edit kept their offsets, or are shifted by the length difference. Their
 * ParsedDocument objects, and everything memoised on them, are reused as is.
 */
export class FileParser {
  private readonly previous = new Map<string, PreviousParse>();
  /** What was parsed ahead of a file's first parse (`prepare`), by file URI. */
  private readonly prepared = new Map<string, Prepared>();
  /** One budget for the trees of every file this parser keeps (see treeCache.ts). */
  readonly trees: TreeCache;

  constructor(treeBudget?: number) {
    this.trees = new TreeCache(treeBudget);
  }

  parse(document: TextDocument, options: ParseOptions = {}): ParsedFile {
    const source = sourceOf(document);
    const length = source.length;
    const limit = options.maxFileSize;
    if (limit !== undefined && length > limit) {
      this.forget(document.uri);
      return { document, docs: [], isKubernetes: looksLikeKubernetes(source.slice(0, HEAD)), tooLarge: { size: length, limit } };
    }
    const before = this.previous.get(document.uri);
    const cut: Cutter = { cache: this.trees, onDocument: options.onDocument };
    // A ChunkedTextDocument says what its edits left alone (nothing is compared or joined); the
    // text of other documents is kept and compared with the next one.
    const chunked = document instanceof ChunkedTextDocument;
    const text = chunked ? undefined : document.getText();
    let layout: Layout;
    if (before && chunked) {
      const kept = before.document === document ? document.unchangedSince(before.version) : undefined;
      layout = resegment(before, kept ?? NOTHING_KEPT, source, cut);
    } else if (before?.text !== undefined && text !== undefined) {
      layout = resegment(before, keptBetween(before.text, text), source, cut);
    } else {
      const ahead = before ? undefined : this.prepared.get(document.uri);
      // Unchanged since it was prepared: the prepared text is this text, so a ChunkedTextDocument
      // need not join its chunks again. Otherwise segments not prepared (edited meanwhile) are
      // copies: a slice would keep a second full text of the file alive beside the prepared one.
      const same = ahead !== undefined && ahead.version === document.version;
      const full = same ? ahead.text : (text ?? document.getText());
      layout = lay(cutSegments(full, 0, before ? reusable(before.layout.segments) : (ahead?.segments ?? new Map()), cut, ahead !== undefined && !same), 0);
    }
    // Whatever was prepared and not used leaves the tree budget.
    this.dropPrepared(document.uri, layout);
    this.previous.set(document.uri, { document, version: document.version, length, text, layout });
    return { document, docs: layout.docs, isKubernetes: layout.kubernetes > 0 };
  }

  /**
   * Parses the segments of a file not parsed yet ahead of its first `parse`, a slice at a time,
   * so that a server can answer other requests and report progress while a large bundle is
   * analysed. `parse` then finds every segment whose text has not changed since, with what
   * `onDocument` derived, and parses only the others.
   */
  prepare(document: TextDocument, options: ParseOptions = {}): Preparation {
    const text = document.getText();
    const starts = segmentStarts(text);
    const segments = new Map<string, Segment>();
    const entry: Prepared = { version: document.version, text, segments };
    this.dropPrepared(document.uri, undefined);
    this.prepared.set(document.uri, entry);
    const cut: Cutter = { cache: this.trees, onDocument: options.onDocument };
    let next = 0;
    return {
      total: starts.length,
      get done() {
        return next;
      },
      step: (deadline: number, now: () => number): boolean => {
        // Abandoned (forgotten, or parsed in the meantime): nothing more to do.
        if (this.prepared.get(document.uri) !== entry) next = starts.length;
        while (next < starts.length) {
          const segmentText = text.slice(starts[next]!, starts[next + 1] ?? text.length);
          if (!segments.has(segmentText)) segments.set(segmentText, newSegment(segmentText, cut));
          next++;
          if (now() >= deadline) break;
        }
        return next >= starts.length;
      },
    };
  }

  /** Forgets what was prepared for a file; the trees of segments `layout` does not use are released. */
  private dropPrepared(uri: string, layout: Layout | undefined): void {
    const entry = this.prepared.get(uri);
    if (!entry) return;
    this.prepared.delete(uri);
    const used = new Set(layout?.segments.map((s) => s.parsed));
    for (const segment of entry.segments.values()) if (!used.has(segment.parsed)) segment.trees?.release();
  }

  /** Whether a previous parse of the file is kept (the next parse is then incremental). */
  knows(uri: string): boolean {
    return this.previous.has(uri);
  }

  forget(uri: string): void {
    this.dropPrepared(uri, undefined);
    for (const segment of this.previous.get(uri)?.layout.segments ?? []) segment.trees?.release();
    this.previous.delete(uri);
  }
}

/** The text a preparation cut (at which version of the document) and the segments parsed so far. */
interface Prepared {
  readonly version: number;
  readonly text: string;
  readonly segments: Map<string, Segment>;
}

/** A file's segments being parsed ahead of its first parse (`FileParser.prepare`). */
export interface Preparation {
  /** Segments in the file, and how many are parsed. */
  readonly total: number;
  readonly done: number;
  /**
   * Parses segments until `now()` reaches `deadline` (at least one); true once all are parsed, or
   * at once when the preparation was abandoned (the file forgotten or parsed meanwhile).
   */
  step(deadline: number, now: () => number): boolean;
}

/** The last parse of a file: what the next, incremental, parse starts from. */
interface PreviousParse {
  readonly document: TextDocument;
  readonly version: number;
  readonly length: number;
  /** The parsed text, kept only for documents that cannot say what their edits changed. */
  readonly text: string | undefined;
  readonly layout: Layout;
}

/** The text a re-parse reads from: its length and the windows it cuts again. */
interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
}

/** How much of the start and the end of a text an edit left unchanged. */
interface Kept {
  readonly prefix: number;
  readonly suffix: number;
}

const NOTHING_KEPT: Kept = { prefix: 0, suffix: 0 };
/** How far into a file too large to analyse we look for `apiVersion:` and `kind:`. */
const HEAD = 64 * 1024;

/** A document's text as a TextSource: a ChunkedTextDocument reads its chunks, never joining them. */
function sourceOf(document: TextDocument): TextSource {
  if (document instanceof ChunkedTextDocument) return document;
  const text = document.getText();
  return { length: text.length, slice: (start, end) => text.slice(start, end) };
}

/** Length of a document's text, without joining a ChunkedTextDocument's chunks. */
export function textLength(document: TextDocument): number {
  return sourceOf(document).length;
}

function keptBetween(old: string, text: string): Kept {
  const prefix = commonPrefix(old, text);
  return { prefix, suffix: commonSuffix(old, text, Math.min(old.length, text.length) - prefix) };
}

function reusable(segments: readonly Segment[]): Map<string, Segment> {
  return new Map(segments.map((s) => [s.text, s]));
}

/** What cutting segments needs besides the text: the tree budget and the per-document hook. */
interface Cutter {
  readonly cache: TreeCache;
  readonly onDocument: ((parsed: ParsedDocument) => void) | undefined;
}

/** A segment found in a text and where it starts there. */
interface Found {
  readonly segment: Segment;
  readonly start: number;
}

/**
 * Cuts `window`, the text from offset `from` of the file, into segments, reusing the parses of
 * identical text from `reuse`. The segments are not placed yet (see `lay`).
 */
function cutSegments(window: string, from: number, reuse: ReadonlyMap<string, Segment>, cut: Cutter, copyFresh = false): Found[] {
  const starts = segmentStarts(window);
  const out: Found[] = [];
  const seen = new Map<string, Segment>();
  for (let i = 0; i < starts.length; i++) {
    const segmentText = window.slice(starts[i]!, starts[i + 1] ?? window.length);
    const segment = reuse.get(segmentText) ?? seen.get(segmentText) ?? newSegment(copyFresh ? copyOf(segmentText) : segmentText, cut);
    seen.set(segmentText, segment);
    out.push({ segment, start: from + starts[i]! });
  }
  return out;
}

function newSegment(text: string, cut: Cutter): Segment {
  const { parsed, trees } = parseTrees(text, cut.cache);
  if (cut.onDocument) for (const p of parsed) cut.onDocument(p);
  return { start: -1, text, parsed, trees, firstIndex: -1, slots: [] };
}

/** How many of a segment's documents are Kubernetes objects. */
function kubernetesIn(segment: Segment): number {
  let count = 0;
  for (const p of segment.parsed) if (p.isKubernetes) count++;
  return count;
}

/** The segment at `start` with its first document at `firstIndex`: itself when it already is. */
function place(segment: Segment, start: number, firstIndex: number): Segment {
  if (segment.start === start && segment.firstIndex === firstIndex) return segment;
  const slots = segment.parsed.map((parsed, i) => ({ start, index: firstIndex + i, parsed }));
  return { ...segment, start, firstIndex, slots };
}

/** Places segments one after another from document `firstIndex`, with their slots and counts. */
function lay(found: readonly Found[], firstIndex: number): Layout {
  const segments: Segment[] = [];
  const docs: DocumentSlot[] = [];
  let kubernetes = 0;
  for (const { segment, start } of found) {
    const placed = place(segment, start, firstIndex + docs.length);
    segments.push(placed);
    for (const slot of placed.slots) docs.push(slot);
    kubernetes += kubernetesIn(placed);
  }
  return { segments, docs, kubernetes };
}

/** A flat copy of a string that shares no memory with the string it was sliced from. */
function copyOf(s: string): string {
  return ` ${s}`.slice(1);
}

/**
 * The layout of the new text given the previous one and what the edit kept. A segment before the
 * change is kept when its successor's `---` line (and the character after it) lies in the
 * unchanged prefix; a segment after it when the newline before its `---` lies in the unchanged
 * suffix. Only the window between them is read and cut again; the slots before it are reused,
 * and those after it too unless the edit moved them.
 */
function resegment(before: PreviousParse, kept: Kept, text: TextSource, cut: Cutter): Layout {
  const old = before.layout;
  const segments = old.segments;
  const { prefix, suffix } = kept;
  if (prefix === before.length && prefix === text.length) return old;
  const delta = text.length - before.length;
  // k: the first segment to cut again; m: the first segment after the window.
  const k = Math.max(0, firstSegmentWhere(segments, (s) => s.start + 4 > prefix) - 1);
  const m = Math.max(k + 1, firstSegmentWhere(segments, (s) => s.start - 1 >= before.length - suffix));
  const windowStart = segments[k]!.start;
  const windowEnd = m < segments.length ? segments[m]!.start + delta : text.length;
  // A slice keeps the whole string it was cut from alive; the window is copied so that its
  // segments hold only their own text, not a full text of the file per edit.
  const cutAgain = cutSegments(copyOf(text.slice(windowStart, windowEnd)), windowStart, reusable(segments.slice(k, m)), cut);
  const keptParses = new Set(cutAgain.map((f) => f.segment.parsed));
  let replacedKubernetes = 0;
  for (let i = k; i < m; i++) {
    if (!keptParses.has(segments[i]!.parsed)) segments[i]!.trees?.release();
    replacedKubernetes += kubernetesIn(segments[i]!);
  }
  const firstIndex = segments[k]!.firstIndex;
  const middle = lay(cutAgain, firstIndex);
  const afterIndex = firstIndex + middle.docs.length;
  const oldAfterIndex = m < segments.length ? segments[m]!.firstIndex : old.docs.length;
  let after: readonly Segment[] = segments.slice(m);
  let afterDocs: readonly DocumentSlot[] = old.docs.slice(oldAfterIndex);
  if (delta !== 0 || afterIndex !== oldAfterIndex) {
    const moved = lay(after.map((segment) => ({ segment, start: segment.start + delta })), afterIndex);
    after = moved.segments;
    afterDocs = moved.docs;
  }
  return {
    segments: segments.slice(0, k).concat(middle.segments, after),
    docs: old.docs.slice(0, firstIndex).concat(middle.docs, afterDocs),
    kubernetes: old.kubernetes - replacedKubernetes + middle.kubernetes,
  };
}

/** Index of the first segment for which `test` holds, when it holds for every later one too. */
function firstSegmentWhere(segments: readonly Segment[], test: (s: Segment) => boolean): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(segments[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
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
function looksLikeKubernetes(head: string): boolean {
  return /^apiVersion:/m.test(head) && /^kind:/m.test(head);
}

/** Parses a file without a cache (CLI, tests). */
export function parseFile(document: TextDocument, options: ParseOptions = {}): ParsedFile {
  return new FileParser().parse(document, options);
}
