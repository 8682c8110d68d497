import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { FileParser } from '../../server/src/core/parse/parseFile';
import { normalizeSettings } from '../../server/src/core/settings/settings';
import { lines } from '../support/text';

const WORKLOAD = lines(
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata: {name: agent}',
  'spec:',
  '  selector: {matchLabels: {app: a}}',
  '  template:',
  '    metadata: {labels: {app: a}}',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: busybox:1.37',
  '        - name: app',
  '          image: busybox:1.37',
);

test('related information follows its document when a document is inserted above it', () => {
  const parser = new FileParser();
  const settings = normalizeSettings({ preset: 'api-only' });
  const related = (text: string, version: number) => {
    const file = parser.parse(TextDocument.create('file:///r.yaml', 'yaml', version, text));
    const d = computeDiagnostics(file, settings, { docsBase: 'file:///docs/' }).find((x) => x.code === 'container-name');
    assert.ok(d, 'the duplicate container name is reported');
    return { line: d.range.start.line, relatedLine: d.relatedInformation![0]!.location.range.start.line };
  };
  const before = related(WORKLOAD, 1);
  assert.deepEqual(before, { line: 11, relatedLine: 9 });
  const inserted = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', '---') + WORKLOAD;
  assert.deepEqual(related(inserted, 2), { line: 15, relatedLine: 13 }, 'both the finding and its related place moved by four lines');
});
