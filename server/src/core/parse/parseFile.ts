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
  let docs: Document.Parsed[];
  try {
    const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
    docs = [...composer.compose(new Parser(new LineCounter().addNewLine).parse(source), true, source.length)];
  } catch (error) {
    // The composer recurses per nesting level; absurdly deep input overflows the stack.
    return [brokenDocument(text, template, error)];
  }
  return docs.map((doc) => describe(text, doc, template));
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

/**
 * Parses files and keeps the previous parse of each file, so unchanged documents are reused.
 * One cache per file URI; `forget` drops it when the editor closes the file.
 */
export class FileParser {
  private readonly previous = new Map<string, Map<string, ParsedDocument[]>>();

  parse(document: TextDocument, options: ParseOptions = {}): ParsedFile {
    const text = document.getText();
    const limit = options.maxFileSize;
    if (limit !== undefined && text.length > limit) {
      this.previous.delete(document.uri);
      return { document, docs: [], isKubernetes: looksLikeKubernetes(text), tooLarge: { size: text.length, limit } };
    }
    const before = this.previous.get(document.uri);
    const now = new Map<string, ParsedDocument[]>();
    const docs: DocumentSlot[] = [];
    const starts = segmentStarts(text);
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const segment = text.slice(start, starts[i + 1] ?? text.length);
      const parsed = now.get(segment) ?? before?.get(segment) ?? parseSegment(segment);
      now.set(segment, parsed);
      for (const p of parsed) docs.push({ start, index: docs.length, parsed: p });
    }
    this.previous.set(document.uri, now);
    return { document, docs, isKubernetes: docs.some((d) => d.parsed.isKubernetes) };
  }

  forget(uri: string): void {
    this.previous.delete(uri);
  }
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
