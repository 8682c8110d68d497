import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileParser, mayNestDeeperThan, nestingDepthEstimate, parseFile, segmentStarts } from '../../server/src/core/parse/parseFile';
import { maskTemplates } from '../../server/src/core/parse/helmTemplates';
import { lines } from '../support/text';

const doc = (text: string, version = 1) => TextDocument.create('file:///t.yaml', 'yaml', version, text);

describe('segmentStarts', () => {
  test('cuts at --- lines and folds a comment preamble into the first document', () => {
    const text = lines('# header', '---', 'a: 1', '---', 'b: 2');
    assert.deepEqual(segmentStarts(text), [0, text.indexOf('---\nb')]);
  });
  test('--- inside a line or followed by text other than space is not a marker', () => {
    const text = lines('a: "---"', '---x: 1', 'b: 2');
    assert.deepEqual(segmentStarts(text), [0]);
  });
  test('a --- marker with content on the same line starts a document', () => {
    const text = lines('a: 1', '--- # second', 'b: 2');
    assert.deepEqual(segmentStarts(text), [0, text.indexOf('---')]);
  });
});

describe('parseFile', () => {
  test('recognises workloads and other Kubernetes objects per document', () => {
    const file = parseFile(doc(lines('apiVersion: v1', 'kind: Service', '---', 'apiVersion: apps/v1', 'kind: StatefulSet', '---', 'name: ci')));
    assert.deepEqual(
      file.docs.map((d) => [d.parsed.kind, d.parsed.isWorkload, d.parsed.isKubernetes]),
      [['Service', false, true], ['StatefulSet', true, true], [undefined, false, false]],
    );
    assert.equal(file.isKubernetes, true);
  });

  test('a file without Kubernetes objects is not ours', () => {
    const file = parseFile(doc(lines('name: CI', 'on: [push]', 'jobs: {}')));
    assert.equal(file.isKubernetes, false);
  });

  test('syntax problems carry offsets relative to their document', () => {
    const text = lines('apiVersion: v1', 'kind: ConfigMap', '---', 'apiVersion: apps/v1', 'kind: Deployment', 'spec: [unclosed');
    const file = parseFile(doc(text));
    const second = file.docs[1]!;
    assert.equal(file.docs[0]!.parsed.problems.length, 0);
    assert.ok(second.parsed.problems.length > 0);
    const absolute = second.start + second.parsed.problems[0]!.start;
    assert.ok(absolute >= text.indexOf('spec:'), 'the error lies inside the broken document');
  });

  test('an edit re-parses only the edited document', () => {
    const parser = new FileParser();
    const a = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}');
    const b = lines('---', 'apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: b}');
    const first = parser.parse(doc(a + b, 1));
    const second = parser.parse(doc(a + b.replace('name: b', 'name: c'), 2));
    assert.equal(second.docs[0]!.parsed, first.docs[0]!.parsed, 'unchanged document reused');
    assert.notEqual(second.docs[1]!.parsed, first.docs[1]!.parsed, 'edited document parsed anew');
  });

  test('files above the size limit are not parsed, and say so', () => {
    const text = lines('apiVersion: apps/v1', 'kind: Deployment') + '#'.repeat(2000);
    const file = parseFile(doc(text), { maxFileSize: 1000 });
    assert.deepEqual(file.docs, []);
    assert.deepEqual(file.tooLarge, { size: text.length, limit: 1000 });
    assert.equal(file.isKubernetes, true);
  });

  test('duplicate keys are reported, as the API server rejects them', () => {
    const file = parseFile(doc(lines('apiVersion: apps/v1', 'kind: Deployment', 'spec: {}', 'spec: {}')));
    assert.deepEqual(file.docs[0]!.parsed.problems.map((p) => p.code), ['DUPLICATE_KEY']);
  });

  test('nesting is refused up front, whatever the stack depth of the caller', () => {
    const deepBlock = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  args:\n    ' + '- '.repeat(10_000) + 'x\n';
    const nest = (depth: number): string => (depth === 0 ? parseFile(doc(deepBlock)).docs[0]!.parsed.problems[0]!.message : nest(depth - 1));
    assert.equal(nest(0), 'This document was not analysed: it is nested too deeply.');
    assert.equal(nest(3000), nest(0), 'same answer with a deep stack');
    assert.ok(nestingDepthEstimate(lines('a:', '  b:', '    - c: [1, {d: 2}]')) < 10);
  });

  test('the quick nesting bound never lets a deep text through', () => {
    const flowOverLines = 'spec:\n' + '  [\n'.repeat(600) + '  ]\n'.repeat(600);
    const indented = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    const dashes = 'args:\n  ' + '- '.repeat(400) + 'x\n';
    for (const text of [flowOverLines, indented, dashes]) {
      assert.ok(nestingDepthEstimate(text) > 300, 'deep by the full estimate');
      assert.equal(mayNestDeeperThan(text, 300), true);
    }
    const manifest = lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers: [{name: a, args: ["x"]}]');
    assert.equal(mayNestDeeperThan(manifest, 300), false, 'an ordinary manifest skips the full estimate');
  });

  test('absurd nesting gives a problem, not a crash', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const file = parseFile(doc(text));
    assert.ok(file.docs[0]!.parsed.problems.length > 0);
  });
});

describe('Helm templates', () => {
  test('actions are masked with text of the same length; action-only lines become comments', () => {
    const text = lines('{{- if .Values.enabled }}', 'image: {{ .Values.image }}', '{{- end }}');
    const mask = maskTemplates(text)!;
    assert.equal(mask.text.length, text.length);
    assert.deepEqual(mask.text.split('\n').slice(0, 3), ['#________________________', 'image: ___________________', '#_________']);
    assert.equal(mask.ranges.length, 3);
  });

  test('a templated manifest parses without YAML errors', () => {
    const text = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  labels:',
      '    {{- include "app.labels" . | nindent 4 }}',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
    );
    const file = parseFile(doc(text));
    assert.deepEqual(file.docs[0]!.parsed.problems, []);
    assert.ok(file.docs[0]!.parsed.template);
  });

  test('an action never spans lines, except a template comment', () => {
    const text = lines('a: x{{y', 'b: 1', 'c: z}}', '{{- /* a comment', 'over two lines */}}', 'd: 2');
    const mask = maskTemplates(text)!;
    assert.deepEqual(mask.text.split('\n').slice(0, 3), ['a: x{{y', 'b: 1', 'c: z}}'], 'a stray {{ … }} pair across lines is left alone');
    assert.equal(mask.ranges.length, 1);
    const [start, end] = mask.ranges[0]!;
    assert.equal(text.slice(start, end), '{{- /* a comment\nover two lines */}}');
  });

  test('plain YAML is not masked', () => {
    assert.equal(maskTemplates('a: 1\n'), undefined);
  });
});
