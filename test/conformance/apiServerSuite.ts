/**
 * The API-server conformance measure (../shared/apiserver, see its README): every case checked the
 * way the CLI checks a file, at Kubernetes 1.36, and compared per document with the verdict of the
 * Kubernetes 1.36.2 API server:
 *
 * - a rejected document must get an Error ("missed" otherwise), an accepted one none ("false error");
 * - where the server's errors name fields that resolve in the YAML (following aliases and merge
 *   keys), an Error must start within the lines of one of those nodes, or of the deepest existing
 *   parent when a field itself is missing ("location"; counted per rejected document we flag).
 *
 * Used by apiServer.test.ts (figures + the baseline of known failures) and by
 * `node scripts/conformance.mjs` (the same figures, and the details of chosen cases).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { prepareFindings } from '../../server/src/core/features/prepareDocument';
import { parseFile, type ParsedDocument } from '../../server/src/core/parse/parseFile';
import { normalizeSettings } from '../../server/src/core/settings/settings';

export interface ServerError {
  readonly field: string;
  readonly type: string;
  readonly detail: string;
  readonly stage: string;
}

export interface DocVerdict {
  readonly doc: number;
  readonly kind: string;
  readonly name: string;
  readonly family: 'workload' | 'companion';
  readonly accepted: boolean;
  readonly errors: readonly ServerError[];
}

export interface CaseVerdict {
  readonly class: string;
  readonly variant: string;
  readonly seed: string;
  readonly mutation: string;
  readonly clientDependent?: boolean;
  readonly clusterDependent?: boolean;
  readonly docs: readonly DocVerdict[];
}

/** A server error whose place we could find in the YAML: the lines (0-based, inclusive) it names. */
export interface LocationCheck {
  readonly error: ServerError;
  readonly lines: readonly (readonly [number, number])[];
  readonly agreed: boolean;
}

export interface DocResult {
  /** `<path under cases/>#<doc>` */
  readonly id: string;
  readonly path: string;
  readonly verdict: DocVerdict;
  readonly caseClass: string;
  /** The kind the figures are grouped by: the case folder (the seed's kind), or the document's own kind for seeds and second documents. */
  readonly group: string;
  readonly errors: readonly Diagnostic[];
  readonly locations: readonly LocationCheck[];
}

/** Some Error starts within the lines of some node the server's errors name. */
export function located(r: DocResult): boolean {
  return r.locations.some((l) => l.agreed);
}

/** What a document's comparison found wrong, as listed in the baseline file. */
export function failuresOf(r: DocResult): string[] {
  const out: string[] = [];
  if (!r.verdict.accepted && r.errors.length === 0) out.push(`${r.id}: missed`);
  if (r.verdict.accepted && r.errors.length > 0) out.push(`${r.id}: false error`);
  if (!r.verdict.accepted && r.errors.length > 0 && r.locations.length > 0 && !located(r)) {
    out.push(`${r.id}: location ${[...new Set(r.locations.map((l) => l.error.field || 'line'))].join(', ')}`);
  }
  return out;
}

export const SETTINGS = normalizeSettings({ kubernetesVersion: '1.36' });
const DOCS_BASE = 'file:///docs/rules/';

/** The diagnostics the CLI prints for this text (cli.ts checkFile: findings derived per parse). */
export function analyse(text: string, uri: string): Diagnostic[] {
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const onDocument = (parsed: ParsedDocument) => prepareFindings(parsed, SETTINGS);
  const parsed = parseFile(document, { maxFileSize: SETTINGS.maxFileSize, onDocument });
  return computeDiagnostics(parsed, SETTINGS, { docsBase: DOCS_BASE });
}

export function loadVerdicts(dir: string): Record<string, CaseVerdict> {
  return JSON.parse(readFileSync(path.join(dir, 'verdicts.json'), 'utf8')) as Record<string, CaseVerdict>;
}

export function skipped(v: CaseVerdict): boolean {
  return v.clientDependent === true || v.clusterDependent === true;
}

/** Checks one case file and compares each of its documents with the server's verdict. */
export function runCase(dir: string, casePath: string, verdict: CaseVerdict): { text: string; diagnostics: Diagnostic[]; docs: DocResult[] } {
  const file = path.join(dir, 'cases', casePath);
  const text = readFileSync(file, 'utf8');
  const diagnostics = analyse(text, `file://${file}`);
  const lineCounter = new LineCounter();
  const yamlDocs = parseAllDocuments(text, { lineCounter, uniqueKeys: false }) as unknown;
  const docs: Document[] = Array.isArray(yamlDocs) ? (yamlDocs as Document[]) : [];
  const startLines = docs.map((d) => lineCounter.linePos(d.range?.[0] ?? 0).line - 1);
  const docOf = (line: number) => {
    let index = 0;
    for (let i = 0; i < startLines.length; i++) if (startLines[i]! <= line) index = i;
    return index;
  };
  const folder = casePath.split('/')[0]!;
  const results = verdict.docs.map((v): DocResult => {
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error && docOf(d.range.start.line) === v.doc);
    const yamlDoc = docs[v.doc];
    const locations: LocationCheck[] = [];
    for (const error of v.accepted ? [] : v.errors) {
      const lines = errorLines(error, v, yamlDoc, lineCounter);
      if (!lines) continue;
      const agreed = errors.some((d) => lines.some(([from, to]) => d.range.start.line >= from && d.range.start.line <= to));
      locations.push({ error, lines, agreed });
    }
    return {
      id: `${casePath}#${v.doc}`,
      path: casePath,
      verdict: v,
      caseClass: verdict.class,
      group: (v.doc > 0 || folder === 'seeds') && v.kind ? v.kind : folder,
      errors,
      locations,
    };
  });
  return { text, diagnostics, docs: results };
}

/** The lines a server error points at, or undefined when it names no place we can find. */
function errorLines(error: ServerError, verdict: DocVerdict, doc: Document | undefined, lc: LineCounter): [number, number][] | undefined {
  const line = /\bline (\d+)\b/.exec(error.detail);
  if ((error.stage === 'yaml' || error.stage === 'strict') && line && !error.field) {
    // go-yaml may name the line after the key.
    const n = Number(line[1]) - 1;
    return [[Math.max(0, n - 1), n]];
  }
  if (!error.field || !doc) return undefined;
  const tokens = fieldTokens(error.field, verdict.kind, doc);
  const found = resolveField(doc, tokens);
  if (found.lostIndices) return undefined;
  // Decode paths may carry Go struct names (spec.rules.IngressRuleValue.http…): only a full match counts.
  if (error.stage === 'decode' && !found.complete) return undefined;
  return found.spans.map(([from, to]) => [lc.linePos(from).line - 1, lc.linePos(Math.max(from, to - 1)).line - 1]);
}

type Token = string | number;

function fieldTokens(field: string, kind: string, doc: Document): Token[] {
  const tokens: Token[] = [];
  for (const m of field.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (m[2] !== undefined) tokens.push(m[2]);
    else tokens.push(/^\d+$/.test(m[1]!) ? Number(m[1]) : m[1]!);
  }
  // A StatefulSet's template is validated with one volume per volumeClaimTemplate in front of its own.
  if (kind === 'StatefulSet' && tokens.slice(0, 4).join('.') === 'spec.template.spec.volumes' && typeof tokens[4] === 'number') {
    const claims = resolveField(doc, ['spec', 'volumeClaimTemplates']);
    const count = claims.complete && isSeq(claims.node) ? claims.node.items.length : 0;
    const index = tokens[4] - count;
    return index >= 0 ? [...tokens.slice(0, 4), index, ...tokens.slice(5)] : ['spec', 'volumeClaimTemplates', tokens[4], ...tokens.slice(5)];
  }
  return tokens;
}

interface Resolved {
  readonly node: unknown;
  readonly complete: boolean;
  readonly lostIndices: boolean;
  /** Offsets of the node found (key to end of value), and of each alias passed through on the way. */
  readonly spans: [number, number][];
}

/** Follows a server field path in the YAML tree, through aliases and merge keys. */
export function resolveField(doc: Document, tokens: readonly Token[]): Resolved {
  let node: unknown = doc.contents;
  let span = rangeOf(node) ?? [0, 0];
  const aliasSpans: [number, number][] = [];
  const deref = (n: unknown, depth = 0): unknown => {
    if (isAlias(n) && depth < 20) {
      const r = rangeOf(n);
      if (r) aliasSpans.push(r);
      return deref(n.resolve(doc), depth + 1);
    }
    return n;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const current = deref(node);
    let next: { node: unknown; span: [number, number] } | undefined;
    if (isSeq(current)) {
      if (typeof token !== 'number') return { node, complete: false, lostIndices: true, spans: [span, ...aliasSpans] };
      const item = current.items[token];
      const r = rangeOf(item);
      if (item !== undefined && r) next = { node: item, span: r };
    } else if (isMap(current)) {
      next = lookupKey(current, String(token), doc, deref);
    }
    if (!next) return { node, complete: false, lostIndices: false, spans: [span, ...aliasSpans] };
    node = next.node;
    span = next.span;
  }
  return { node, complete: true, lostIndices: false, spans: [span, ...aliasSpans] };
}

function lookupKey(map: unknown, key: string, doc: Document, deref: (n: unknown) => unknown, depth = 0): { node: unknown; span: [number, number] } | undefined {
  if (!isMap(map) || depth > 10) return undefined;
  let found: { node: unknown; span: [number, number] } | undefined;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (k !== key) continue;
    const from = rangeOf(pair.key)?.[0] ?? 0;
    const to = rangeOf(pair.value)?.[1] ?? rangeOf(pair.key)?.[1] ?? from;
    found = { node: pair.value, span: [from, to] };
  }
  if (found) return found;
  // Merge keys: the maps under `<<` (an alias or a list of them), earlier ones first.
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== '<<') continue;
    const value = deref(pair.value);
    const sources = isSeq(value) ? value.items.map((item) => deref(item)) : [value];
    for (const source of sources) {
      const hit = lookupKey(source, key, doc, deref, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** Recall, false-error rate and location agreement over some documents. */
export interface Figures {
  rejected: number;
  caught: number;
  accepted: number;
  falseErrors: number;
  locationChecks: number;
  locationAgreed: number;
}

export function figuresOf(results: readonly DocResult[]): Figures {
  const f: Figures = { rejected: 0, caught: 0, accepted: 0, falseErrors: 0, locationChecks: 0, locationAgreed: 0 };
  for (const r of results) {
    if (r.verdict.accepted) {
      f.accepted++;
      if (r.errors.length > 0) f.falseErrors++;
      continue;
    }
    f.rejected++;
    if (r.errors.length === 0) continue;
    f.caught++;
    if (r.locations.length === 0) continue;
    f.locationChecks++;
    if (located(r)) f.locationAgreed++;
  }
  return f;
}

const pct = (n: number, of: number) => (of === 0 ? '     —' : `${((100 * n) / of).toFixed(1).padStart(5)}%`);

/** One line of figures: `label  recall  false errors  location`. */
export function figuresLine(label: string, f: Figures, width = 28): string {
  return (
    `${label.padEnd(width)} recall ${pct(f.caught, f.rejected)} (${f.caught}/${f.rejected})`.padEnd(width + 24) +
    ` false errors ${pct(f.falseErrors, f.accepted)} (${f.falseErrors}/${f.accepted})`.padEnd(30) +
    ` location ${pct(f.locationAgreed, f.locationChecks)} (${f.locationAgreed}/${f.locationChecks})`
  );
}

/** The figures in total, per kind and per mutation class. */
export function report(results: readonly DocResult[]): string {
  const by = (key: (r: DocResult) => string) => {
    const groups = new Map<string, DocResult[]>();
    for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const out = [figuresLine('all documents', figuresOf(results))];
  for (const family of ['workload', 'companion'] as const) out.push(figuresLine(`  ${family}`, figuresOf(results.filter((r) => r.verdict.family === family))));
  out.push('per kind:');
  for (const [kind, rs] of by((r) => r.group)) out.push(figuresLine(`  ${kind}`, figuresOf(rs)));
  out.push('per mutation class:');
  for (const [cls, rs] of by((r) => r.caseClass)) out.push(figuresLine(`  ${cls}`, figuresOf(rs)));
  return out.join('\n');
}

/** A case's failing documents in detail: the server's errors, our Errors, and what went wrong. */
export function describeCase(casePath: string, verdict: CaseVerdict, run: ReturnType<typeof runCase>, withText: boolean): string {
  const out = [`== ${casePath}  [${verdict.class} / ${verdict.variant}] ${verdict.mutation}`];
  for (const r of run.docs) {
    const v = r.verdict;
    const failures = failuresOf(r);
    out.push(`  doc ${v.doc} ${v.kind || '(no kind)'} ${v.name}: server ${v.accepted ? 'accepts' : 'rejects'}${failures.length ? ' — ' + failures.map((f) => f.slice(f.indexOf(': ') + 2)).join('; ') : ' — agrees'}`);
    for (const e of v.errors) out.push(`    server ${e.stage} ${e.type} ${e.field || '(no field)'}: ${shorten(e.detail)}`);
    for (const d of r.errors) out.push(`    ours   ${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}: ${shorten(messageOf(d))}`);
  }
  const others = run.diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Error);
  for (const d of others) out.push(`    (${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1]} ${d.range.start.line + 1}: ${String(d.code)}: ${shorten(messageOf(d))})`);
  if (withText) out.push(...run.text.split('\n').map((l, i) => `    ${String(i + 1).padStart(3)}| ${l}`));
  return out.join('\n');
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function shorten(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
