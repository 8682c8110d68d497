import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/core/features/hover';
import type { ClientAbilities, FeatureContext } from '../../server/src/core/features/featureContext';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { CURSOR, lines, withCursor } from '../support/text';

const VSCODE: ClientAbilities = { markdown: true, completionMarkdown: true, snippets: true, commandLinks: true };
const PLAIN: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };

function hoverAt(marked: string, abilities: ClientAbilities = VSCODE, uri = 'file:///t.yaml') {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const ctx: FeatureContext = { settings: DEFAULT_SETTINGS, abilities, docsBase: '' };
  return hover(parseFile(document), offset, ctx);
}

function hoverText(marked: string, abilities: ClientAbilities = VSCODE): string {
  const result = hoverAt(marked, abilities);
  assert.ok(result, 'has a hover');
  return (result.contents as MarkupContent).value;
}

const head = (kind: string, apiVersion = 'apps/v1') => [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: x}'];

describe('value hover', () => {
  test('an enum value explains itself and its alternatives', () => {
    const text = hoverText(lines(...head('StatefulSet'), 'spec:', `  podManagementPolicy: Ordered${CURSOR}Ready`));
    assert.match(text, /\*\*`OrderedReady`\*\* — Pods are created one at a time in ordinal order/);
    assert.match(text, /- `Parallel` — Pods are created and deleted all at once/);
  });

  test('RollingUpdate means different things per kind', () => {
    const deploy = hoverText(lines(...head('Deployment'), 'spec:', '  strategy:', `    type: Rolling${CURSOR}Update`));
    assert.match(deploy, /maxSurge/);
    assert.match(deploy, /- `Recreate` — Stops every old pod/);
    const ds = hoverText(lines(...head('DaemonSet'), 'spec:', '  updateStrategy:', `    type: On${CURSOR}Delete`));
    assert.match(ds, /replaced only when you delete them/);
    assert.match(ds, /- `RollingUpdate` — Replaces the pod on each node/);
  });

  test('imagePullPolicy values', () => {
    const text = hoverText(lines(...head('Deployment'), 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', `        imagePullPolicy: IfNot${CURSOR}Present`));
    assert.match(text, /pulled only when it is not already on the node/);
    assert.match(text, /- `Always`/);
    assert.match(text, /- `Never`/);
  });

  const resources = (key: string, value: string) =>
    lines(...head('Deployment'), 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        resources:', '          requests:', `            ${key}: ${value}`);

  test('quantities are normalised', () => {
    assert.match(hoverText(resources('cpu', `50${CURSOR}0m`)), /= 0\.5 CPU \(500 millicores\)/);
    assert.match(hoverText(resources('memory', `1G${CURSOR}i`)), /= 1,073,741,824 bytes \(1 GiB\)/);
    assert.match(hoverText(resources('memory', `12${CURSOR}8M`)), /= 128,000,000 bytes \(122\.07 MiB\)/);
    assert.match(hoverText(resources('cpu', `${CURSOR}2`)), /= 2 CPUs \(2,000 millicores\)/);
    assert.match(hoverText(resources('memory', `1${CURSOR}GB`)), /not a valid quantity/);
  });

  test('a percentage says how it rounds at the document\'s replicas', () => {
    const doc = (field: string) =>
      lines(...head('Deployment'), 'spec:', '  replicas: 10', '  strategy:', '    rollingUpdate:', `      ${field}: 2${CURSOR}5%`);
    assert.match(hoverText(doc('maxSurge')), /rounded \*\*up\*\*[\s\S]*`replicas: 10`: 10 × 25% = 2\.5 → \*\*3 pods\*\*/);
    assert.match(hoverText(doc('maxUnavailable')), /rounded \*\*down\*\*[\s\S]*2\.5 → \*\*2 pods\*\*/);
  });
});

describe('kind card', () => {
  const doc = lines('apiVersion: apps/v1', `kind: Daemon${CURSOR}Set`, 'metadata: {name: agent}');

  test('says what the kind is, how it scales and how it updates, one line each, and no more', () => {
    const text = hoverText(doc);
    const paragraphs = text.split('\n\n');
    assert.equal(paragraphs[0], '### DaemonSet');
    assert.match(paragraphs[1]!, /^\*One pod on each eligible node/);
    assert.match(paragraphs[2]!, /^\*\*Scales:\*\* No `replicas`: one pod on each eligible node/);
    assert.match(paragraphs[3]!, /^\*\*Updates:\*\* `RollingUpdate` node by node[^\n]*`OnDelete`/);
    assert.match(paragraphs[4]!, /^\[Compare kinds side by side\]/);
    assert.equal(paragraphs.length, 5);
    for (const p of paragraphs) assert.doesNotMatch(p, /\n/, `one line: ${p}`);
    // The rows the panel shows side by side are not repeated here.
    assert.doesNotMatch(text, /Pod identity|Storage|Deletion/);
    assert.ok(text.replace(/\([^)]*\)/g, '').length < 600, `short without the link targets: ${text.length} characters`);
  });

  test('VS Code gets command links with the document position', () => {
    const text = hoverText(doc);
    assert.match(text, /\[Compare kinds side by side\]\(command:kubeWorkloads\.showComparison\)/);
    const link = /\[Convert to StatefulSet\]\(command:kubeWorkloads\.convertTo\?([^)]*)\)/.exec(text);
    assert.ok(link, 'has a convert link');
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1]!)), [
      { uri: 'file:///t.yaml', position: { line: 1, character: 6 }, targetKind: 'StatefulSet' },
    ]);
    assert.doesNotMatch(text, /Convert to DaemonSet/);
  });

  test('other clients get no command links, and plain text when Markdown is not supported', () => {
    const result = hoverAt(doc, PLAIN)!;
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.doesNotMatch(contents.value, /command:|`|\*\*/);
    assert.match(contents.value, /Scales: No replicas: one pod on each eligible node/);
    assert.match(contents.value, /API reference/);
  });
});

describe('apiVersion hover', () => {
  test('the current apiVersion', () => {
    const text = hoverText(lines(`apiVersion: apps/${CURSOR}v1`, 'kind: StatefulSet'));
    assert.match(text, /`apps\/v1`\*\* is the current apiVersion of StatefulSet/);
    assert.match(text, /Removed apiVersions that once served StatefulSet: `apps\/v1beta2`, `apps\/v1beta1`/);
    assert.doesNotMatch(text, /extensions\/v1beta1/);
  });

  test('a removed apiVersion says when it went and what replaces it', () => {
    const text = hoverText(lines(`apiVersion: extensions/${CURSOR}v1beta1`, 'kind: Deployment'));
    assert.match(text, /`extensions\/v1beta1` no longer serves Deployment/);
    assert.match(text, /not served since \*\*1\.16\*\* and removed completely in \*\*1\.18\*\*/);
    assert.match(text, /Replace it with `apps\/v1`/);
  });

  test('an apiVersion that never served the kind', () => {
    assert.match(hoverText(lines(`apiVersion: extensions/${CURSOR}v1beta1`, 'kind: StatefulSet')), /never served StatefulSet/);
  });
});

describe('kind-aware notes', () => {
  test('replicas in a DaemonSet', () => {
    const text = hoverText(lines(...head('DaemonSet'), 'spec:', `  repl${CURSOR}icas: 3`));
    assert.match(text, /`spec\.replicas` does not apply to a DaemonSet/);
    assert.match(text, /one pod on every eligible node/);
    assert.match(text, /Number of desired pods/);
  });

  test('strategy in a StatefulSet names updateStrategy, also below it', () => {
    const text = hoverText(lines(...head('StatefulSet'), 'spec:', '  strategy:', '    rollingUpdate:', `      max${CURSOR}Surge: 1`));
    assert.match(text, /`spec\.strategy` does not apply to a StatefulSet/);
    assert.match(text, /updateStrategy/);
    assert.match(text, /spec\.strategy\.rollingUpdate\.maxSurge/);
  });

  test('serviceName in a Deployment and progressDeadlineSeconds in a ReplicaSet', () => {
    assert.match(hoverText(lines(...head('Deployment'), 'spec:', `  service${CURSOR}Name: web`)), /does not apply to a Deployment[\s\S]*stable DNS names/);
    const rs = hoverText(lines(...head('ReplicaSet'), 'spec:', `  progress${CURSOR}DeadlineSeconds: 60`));
    assert.match(rs, /does not apply to a ReplicaSet\.\*\* It is a field of Deployment/);
  });
});

describe('hover in real files', () => {
  test('a broken neighbour document does not disable hover', () => {
    const text = lines('apiVersion: v1', 'kind: ConfigMap', 'data: [oops', '---', ...head('Deployment'), 'spec:', `  repli${CURSOR}cas: 2`);
    assert.match(hoverText(text), /spec\.replicas/);
  });

  test('the third of several documents, with CRLF line ends, gets the right range', () => {
    const text = [...head('Deployment'), '---', ...head('DaemonSet'), '---', ...head('StatefulSet'), 'spec:', `  service${CURSOR}Name: db`, ''].join('\r\n');
    const result = hoverAt(text)!;
    assert.match((result.contents as MarkupContent).value, /spec\.serviceName/);
    assert.deepEqual(result.range, { start: { line: 12, character: 2 }, end: { line: 12, character: 13 } });
  });

  test('an untitled document works', () => {
    assert.ok(hoverAt(lines(...head('ReplicaSet'), 'spec:', `  repli${CURSOR}cas: 2`), VSCODE, 'untitled:Untitled-1'));
  });
});
