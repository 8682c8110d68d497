import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { FileParser, MAX_DOCUMENT_SIZE, parseFile } from '../../server/src/core/parse/parseFile';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FINDINGS_PER_DOCUMENT } from '../../server/src/core/features/findingLimits';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { completion } from '../../server/src/core/features/completion';
import { PLAIN_CLIENT } from '../../server/src/core/features/featureContext';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { prng } from '../bench/manifests';
import { runCase } from '../fuzz/fuzzCase';
import { lines } from '../support/text';

/**
 * Hostile input: every feature must answer, without an exception or a logged rule error, and
 * without expanding what the input tries to make us expand. The timeouts only stop a hang; they
 * are not performance assertions (the benchmark measures speed).
 */
const HANG = { timeout: 60_000 };
const CTX = { settings: DEFAULT_SETTINGS, abilities: PLAIN_CLIENT, docsBase: 'https://example.test/' };

/** Runs every core feature (the fuzzer's case) over the text and asserts nothing went wrong. */
function survives(text: string): void {
  // The fuzzer also flags a call over a second as a hang; here the test's timeout stops a hang,
  // and speed is the benchmark's to measure (a loaded machine parses 1 MB in more than a second).
  const failures = runCase(text, text, prng(1)).filter((f) => !/^took \d+ ms$/.test(f.detail));
  assert.deepEqual(failures.map((f) => `${f.feature}: ${f.detail.split('\n')[0]}`), []);
}

function diagnose(text: string): Diagnostic[] {
  const file = parseFile(TextDocument.create('file:///hostile.yaml', 'yaml', 1, text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
  return computeDiagnostics(file, DEFAULT_SETTINGS, CTX);
}

const DEPLOYMENT_HEAD = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web'];
const POD = ['  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27'];

describe('hostile input', () => {
  test('an alias bomb ("billion laughs") is never expanded', HANG, () => {
    const bomb = ['  annotations:', '    l0: &l0 "lol"'];
    for (let i = 1; i <= 12; i++) bomb.push(`    l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const text = lines(...DEPLOYMENT_HEAD, ...bomb, 'spec:', ...POD);
    const heapBefore = process.memoryUsage().heapUsed;
    survives(text);
    // 10^12 expanded strings would need terabytes; a walk over the AST needs next to nothing.
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'memory stayed bounded');
  });

  test('10,000-deep flow nesting gets a problem, not a stack overflow', HANG, () => {
    const text = lines(...DEPLOYMENT_HEAD, '  labels: ' + '['.repeat(10_000) + ']'.repeat(10_000), 'spec:', ...POD);
    survives(text);
    assert.ok(diagnose(text).length > 0, 'the user is told something is wrong');
  });

  test('10,000-deep block nesting gets a problem, not a stack overflow', HANG, () => {
    const text = lines(...DEPLOYMENT_HEAD, 'spec:', ...POD, '          args:', '            ' + '- '.repeat(10_000) + 'x');
    survives(text);
    assert.ok(diagnose(text).length > 0, 'the user is told something is wrong');
  });

  test('a 50 MB file is not analysed; one Information diagnostic says why and how to raise the limit', HANG, () => {
    const one = lines(...DEPLOYMENT_HEAD, 'spec:', ...POD, '---');
    const text = one.repeat(Math.ceil((50 * 1024 * 1024) / one.length));
    const file = parseFile(TextDocument.create('file:///big.yaml', 'yaml', 1, text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.equal(file.docs.length, 0, 'nothing was parsed');
    const diagnostics = computeDiagnostics(file, DEFAULT_SETTINGS, CTX);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d!.code, 'file-too-large');
    assert.equal(d!.severity, 3, 'Information');
    assert.match(String(d!.message), /did not analyse this file: it is 50\.0 MB, above the 5\.0 MB limit/);
    assert.match(String(d!.message), /Raise "kubeWorkloads\.maxFileSize"/);
    assert.equal(hover(file, 10, CTX), null, 'hover answers nothing rather than parsing 50 MB');
    assert.deepEqual(completion(file, 10, CTX), []);
  });

  test('findings are capped per document, with one summary saying how many more and how severe', HANG, () => {
    const containers = Array.from({ length: 700 }, (_, i) => [`        - name: c${i}`, '          image: nginx:1.27', '          ports: [{containerPort: 70000}]']).flat();
    const text = lines(...DEPLOYMENT_HEAD, 'spec:', ...POD.slice(0, 7), ...containers);
    const diagnostics = diagnose(text);
    assert.equal(diagnostics.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    const summary = diagnostics.find((d) => d.code === 'too-many-findings');
    assert.ok(summary, 'one summary finding');
    assert.equal(summary.range.start.line, 0);
    // 700 ports out of range are errors, more than the cap: the summary is an error too.
    assert.equal(summary.severity, 1);
    const more = Number(/^([\d,]+) more findings in this document \(([\d,]+) errors?, /.exec(String(summary.message))?.[1]?.replace(/,/g, ''));
    assert.ok(more > 1000, summary.message as string);
    assert.match(String(summary.message), /only the first 500 are/);
  });

  test('diagnostics are capped per file, with one summary at its start', HANG, () => {
    const containers = Array.from({ length: 120 }, (_, i) => [`        - name: c${i}`, '          image: nginx']).flat();
    const one = lines('---', ...DEPLOYMENT_HEAD, 'spec:', ...POD.slice(0, 7), ...containers);
    const diagnostics = diagnose(one.repeat(25));
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    const last = diagnostics[diagnostics.length - 1]!;
    assert.equal(last.code, 'too-many-findings');
    assert.match(String(last.message), /^[\d,]+ more findings in this file \(.*\) are not shown: only the first 10,000 are/);
  });

  test('one document above the size limit is refused, not parsed: one warning says why', HANG, () => {
    const containers = Array.from({ length: 25_000 }, (_, i) => ({ name: `c${i}`, image: 'nginx', ports: [{ containerPort: 8080 }] }));
    const text = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big' }, spec: { template: { spec: { containers } } } });
    assert.ok(text.length > MAX_DOCUMENT_SIZE);
    const file = parseFile(TextDocument.create('file:///one.yaml', 'yaml', 1, `${text}\n---\n${lines(...DEPLOYMENT_HEAD, 'spec:', ...POD, '  replicas: "3"')}`));
    assert.equal(file.docs[0]!.parsed.kind, 'Deployment');
    const diagnostics = computeDiagnostics(file, DEFAULT_SETTINGS, CTX);
    const refused = diagnostics.filter((d) => d.range.start.line === 0);
    assert.deepEqual(refused.map((d) => [d.code, d.severity]), [['yaml-syntax', 2]]);
    assert.match(String(refused[0]!.message), /^This document was not analysed: it is 1\.\d MB, above the 1\.5 MB a single document may have here/);
    assert.ok(diagnostics.some((d) => d.code === 'invalid-type' && d.range.start.line > 1), 'the next document is analysed');
    assert.equal(hover(file, 100, CTX), null);
  });

  test('binary content (NUL bytes, replacement characters, lone surrogates) is reported, and the next document still analysed', HANG, () => {
    const junk = '\u0000\u0001\ufffd\ud800\u00ff\u0000';
    const text = lines(...DEPLOYMENT_HEAD, `  labels: {app: "${junk}"}`, `${junk}${junk}`, '---', ...DEPLOYMENT_HEAD, 'spec:', ...POD, '  replicas: "3"');
    survives(text);
    const diagnostics = diagnose(text);
    assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax' && d.range.start.line < 6), 'the binary junk is a syntax error');
    assert.ok(diagnostics.some((d) => d.code === 'invalid-type' && d.range.start.line > 6), 'the document after it is still checked');
  });

  test('a 1 MB single line is analysed and hovered', HANG, () => {
    const text = lines(...DEPLOYMENT_HEAD, `  annotations: {note: "${'x'.repeat(1024 * 1024)}"}`, 'spec:', ...POD);
    survives(text);
    const file = parseFile(TextDocument.create('file:///long.yaml', 'yaml', 1, text));
    assert.doesNotThrow(() => hover(file, text.indexOf('xxxx') + 500_000, CTX));
  });

  test('20,000 tiny documents are analysed, and an edit re-parses one of them', HANG, () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(i % 100 === 0 ? lines('---', ...DEPLOYMENT_HEAD, 'spec:', ...POD) : lines('---', 'apiVersion: v1', 'kind: ConfigMap', `metadata: {name: c${i}}`));
    const text = parts.join('');
    const doc = TextDocument.create('file:///many.yaml', 'yaml', 1, text);
    const parser = new FileParser();
    const before = parser.parse(doc);
    assert.equal(before.docs.length, 20_000);
    assert.deepEqual(computeDiagnostics(before, DEFAULT_SETTINGS, CTX).filter((d) => d.severity === 1), []);
    const at = text.lastIndexOf('name: c') + 'name: c'.length;
    TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'x' }], 2);
    const after = parser.parse(doc);
    assert.equal(after.docs.filter((s, i) => s.parsed !== before.docs[i]!.parsed).length, 1);
  });

  test('duplicate keys are an error on the second key, as the API server rejects them', () => {
    const text = lines(...DEPLOYMENT_HEAD, 'spec:', '  replicas: 1', '  replicas: 2', ...POD);
    survives(text);
    const duplicate = diagnose(text).filter((d) => d.code === 'yaml-syntax');
    assert.equal(duplicate.length, 1);
    assert.match(String(duplicate[0]!.message), /Map keys must be unique/);
    assert.equal(duplicate[0]!.range.start.line, 6);
  });
});
