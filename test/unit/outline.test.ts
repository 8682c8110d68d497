/**
 * The outline (parse/outline.ts) stands in for a dropped yaml tree in hovers, so it must answer
 * exactly as the tree does: at every offset of the corpus, of mutated corpus files and of YAML
 * written to be awkward, and in the hovers a user sees.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { FileParser, parseFile, type ParsedFile } from '../../server/src/core/parse/parseFile';
import { locateIn, nodeAtPath, pathToString, type YamlPath } from '../../server/src/core/parse/navigate';
import { scalarValue, TreeOutline, type OutlineLocation, type OutlineNode } from '../../server/src/core/parse/outline';
import { hover } from '../../server/src/core/features/hover';
import { prepareDocument } from '../../server/src/core/features/prepareDocument';
import type { FeatureContext } from '../../server/src/core/features/featureContext';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { generateManifest, prng } from '../bench/manifests';
import { repoSeeds } from '../fuzz/fuzzRun';
import { mutate } from '../fuzz/mutate';
import { lines } from '../support/text';

const CTX: FeatureContext = {
  settings: DEFAULT_SETTINGS,
  abilities: { markdown: true, completionMarkdown: true, snippets: true, commandLinks: true },
  docsBase: 'https://example.test/rules/',
};

/** YAML that a manifest rarely holds but an editor must still get right. */
const AWKWARD = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, labels: {app: web, "quoted key": x, 7: seven, 0x1F: hex, ~: nothing}}',
  'spec:',
  '  replicas: &count 3',
  '  minReadySeconds: !!str 5',
  '  revisionHistoryLimit: *count',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '      ? complex',
  '      : key',
  '      ? [a, b]',
  '      : flow key',
  '  template:',
  '    metadata:',
  '      annotations:',
  '        note: |',
  '          two',
  '          lines',
  '        folded: >-',
  '          folded text',
  '        quoted: "multi',
  '          line"',
  '        dashes: ---',
  '        dots: ...',
  '        dash: -x',
  '        single: \'it\'\'s\'',
  '        escaped: "tab\\there"',
  '        number: 1e3',
  '        octal: 0o17',
  '        bool: true',
  '        empty:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx',
  '          imagePullPolicy: "Always"',
  '          args: [--a, "--b", \'--c\', [nested, [deeper]], {k: v}]',
  '          resources:',
  '            limits: {cpu: 500m, memory: "128Mi"}',
  '        -',
  '        - ',
  '        - - x',
  '          - y',
  '...',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'spec:',
  '  replicas: 2',
  '  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 50%}}',
  '...',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec: {replicas: 5, strategy: {rollingUpdate: {maxSurge: 20%}}}',
  '...',
  '# between documents',
  '--- !tagged',
  'kind: DaemonSet',
  'apiVersion: apps/v1',
  'spec: {updateStrategy: {rollingUpdate: {maxSurge: 10%}}}',
  '---',
  'apiVersion: apps/v1',
  'kind: ReplicaSet',
  'spec:',
  '  replicas: {{ .Values.replicas }}',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: {{ .Chart.Name }}',
  '          image: "{{ .Values.image }}:{{ .Chart.AppVersion }}"',
  '          resources: {requests: {cpu: "{{ .Values.cpu }}"}}',
);

/** What a node is, in the terms both sides share. */
function shape(node: OutlineNode | null | undefined): string {
  if (!node) return 'none';
  return `${node.type} ${node.start}-${node.end} scalar=${node.isScalar} value=${node.isStringOrNumber}`;
}

function treeShape(node: Node | null | undefined): string {
  if (!node?.range) return 'none';
  const type = isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'leaf';
  const value = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number');
  return `${type} ${node.range[0]}-${node.range[1]} scalar=${isScalar(node)} value=${value}`;
}

/** Compares the outline of every document of `text` with its tree, at every offset. */
function compareEverywhere(text: string, label: string): number {
  const file = parseFile(TextDocument.create('file:///o.yaml', 'yaml', 1, text));
  let compared = 0;
  for (const slot of file.docs) {
    const outline = TreeOutline.of(slot.parsed.doc, slot.parsed.source);
    assert.ok(outline, `${label}: an outline for document ${slot.index}`);
    assert.equal(slot.parsed.docStart, slot.parsed.doc.range?.[0], `${label}: document ${slot.index} start`);
    // Documents that share a segment (after `...`) are each compared over the whole segment.
    const end = file.docs.find((other) => other.start > slot.start)?.start ?? text.length;
    const paths = new Map<string, YamlPath>();
    for (let rel = 0; rel <= end - slot.start; rel++) {
      const fromTree = locateIn(slot, rel);
      const fromOutline: OutlineLocation = outline.locate(rel);
      const where = `${label}: document ${slot.index}, offset ${rel}`;
      assert.deepEqual(fromOutline.path, fromTree.path, where);
      assert.equal(fromOutline.role, fromTree.role, where);
      // A key is always a leaf to the outline; the tree's key node is a scalar.
      if (fromTree.role === 'key') assert.equal(`${fromOutline.node?.start}-${fromOutline.node?.end}`, `${fromTree.node!.range![0]}-${fromTree.node!.range![1]}`, where);
      else assert.equal(shape(fromOutline.node), treeShape(fromTree.node), where);
      if (fromTree.role === 'value' && fromOutline.node?.rereadable) {
        assert.ok(isScalar(fromTree.node), where);
        assert.deepEqual(scalarValue(slot.parsed.source, fromOutline.node), fromTree.node.value, `${where}: value`);
      }
      paths.set(pathToString(fromTree.path), fromTree.path);
      compared++;
    }
    for (const path of paths.values()) {
      assert.equal(shape(outline.find(path)), treeShape(nodeAtPath(slot.parsed, path)), `${label}: find ${pathToString(path)}`);
    }
  }
  return compared;
}

/** Parses as the server does: findings derived while each fresh tree is held. */
function parseBundle(parser: FileParser, text: string): ParsedFile {
  return parser.parse(TextDocument.create('file:///same.yaml', 'yaml', 1, text), { onDocument: (parsed) => prepareDocument(parsed, DEFAULT_SETTINGS) });
}

describe('tree outline', () => {
  test('awkward YAML: every offset locates as in the tree, and rereadable values read the same', () => {
    const compared = compareEverywhere(AWKWARD, 'awkward');
    assert.ok(compared > AWKWARD.length, 'every offset of every document was compared');
    const file = parseFile(TextDocument.create('file:///o.yaml', 'yaml', 1, AWKWARD));
    const outline = TreeOutline.of(file.docs[0]!.parsed.doc, AWKWARD)!;
    const value = (path: YamlPath) => outline.find(path);
    assert.equal(value(['spec', 'minReadySeconds'])?.rereadable, false, 'a tagged scalar is not read again');
    assert.equal(value(['spec', 'template', 'metadata', 'annotations', 'note'])?.rereadable, false, 'nor a block scalar');
    assert.equal(value(['spec', 'template', 'metadata', 'annotations', 'quoted'])?.rereadable, false, 'nor a quoted one over two lines');
    assert.equal(scalarValue(AWKWARD, value(['spec', 'template', 'metadata', 'annotations', 'dashes'])!), '---');
    assert.equal(scalarValue(AWKWARD, value(['spec', 'template', 'metadata', 'annotations', 'number'])!), 1000);
  });

  test('values are read from the tree where alone they would read differently: errors, YAML 1.1', () => {
    const broken = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  replicas: 3',
      '  strategy: {rollingUpdate: {maxSurge: 25%}}',
      '  template:',
      '    spec:',
      '      containers:',
      '        - image: "C:\\images\\x"',
      '          imagePullPolicy: "Always\\q"',
      '          weird: [>]',
      '          name: @app',
      '          unterminated: "abc',
    );
    const yaml11 = lines('%YAML 1.1', '---', 'apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  replicas: 010', '  strategy: {rollingUpdate: {maxSurge: 25%}}');
    for (const [label, text] of [['broken', broken], ['yaml 1.1', yaml11]] as const) {
      compareEverywhere(text, label);
      // Followed by another document, so that a budget of one tree drops this one's.
      const bundle = `${text}---\n${generateManifest(1, 2)}`;
      const cold = parseBundle(new FileParser(1), bundle);
      const warm = parseBundle(new FileParser(Number.MAX_SAFE_INTEGER), bundle);
      const outline = cold.docs[0]!.parsed.outline;
      assert.ok(outline, `${label}: the first document's tree was dropped`);
      assert.equal(outline.find(['spec', 'replicas'])?.rereadable, false, `${label}: nothing is read again`);
      for (let offset = 0; offset < text.length; offset++) {
        assert.deepEqual(hover(cold, offset, CTX), hover(warm, offset, CTX), `${label}: hover at ${offset}`);
      }
    }
  });

  test('past the depth navigation descends to, a node counts as a whole, as in the tree', () => {
    const deep = `apiVersion: apps/v1\nkind: Deployment\nspec: ${'['.repeat(300)}x${']'.repeat(300)}\n`;
    const compared = compareEverywhere(deep, 'deep');
    assert.ok(compared >= deep.length, 'every offset compared');
    const file = parseFile(TextDocument.create('file:///o.yaml', 'yaml', 1, deep));
    const innermost = TreeOutline.of(file.docs[0]!.parsed.doc, deep)!.locate(deep.indexOf('x'));
    assert.equal(innermost.path.length, 1 + 256, '`spec` and 256 of the 300 sequences: the path stops where navigation stops');
  });

  test('the repository\'s manifests and the benchmark bundle: every offset locates as in the tree', () => {
    const texts = [...repoSeeds(), generateManifest(12, 5)];
    let compared = 0;
    texts.forEach((text, i) => (compared += compareEverywhere(text, `text ${i}`)));
    assert.ok(compared > 100_000, `${compared} offsets`);
  });

  test('mutated manifests (broken YAML, tabs, junk): every offset locates as in the tree', () => {
    const corpus = repoSeeds();
    const random = prng(8);
    for (let i = 0; i < 150; i++) {
      const { text, applied } = mutate(corpus[Math.floor(random() * corpus.length)]!, random);
      compareEverywhere(text, `mutation ${i} (${applied.join(', ')})`);
    }
  });

  test('hovers in documents whose trees were dropped read the outline, answer as with the tree, and parse nothing again', () => {
    const text = [AWKWARD, generateManifest(30, 3), ...repoSeeds().slice(0, 30)].join('\n---\n');
    const tight = new FileParser(1);
    const cold = parseBundle(tight, text);
    const warm = parseBundle(new FileParser(Number.MAX_SAFE_INTEGER), text);
    const withOutline = cold.docs.filter((slot) => slot.parsed.outline).length;
    const workloads = cold.docs.filter((slot) => slot.parsed.isWorkload).length;
    assert.ok(withOutline >= workloads - 1, `${withOutline} of ${workloads} workloads have an outline (all but the one whose tree is held)`);
    assert.equal(warm.docs.filter((slot) => slot.parsed.outline).length, 0, 'with room for every tree, no outline is built');

    let reparses = 0;
    const hold = tight.trees.hold.bind(tight.trees);
    tight.trees.hold = (holder) => {
      reparses++;
      hold(holder);
    };
    let answered = 0;
    let valueHovers = 0;
    for (let offset = 0; offset < text.length; offset += 3) {
      const expected = hover(warm, offset, CTX);
      assert.deepEqual(hover(cold, offset, CTX), expected, `hover at ${warm.document.positionAt(offset).line}:${warm.document.positionAt(offset).character}`);
      if (expected) answered++;
      const shown = expected ? JSON.stringify(expected.contents) : '';
      if (/ = |Alternatives|rounded/.test(shown)) valueHovers++;
    }
    assert.ok(answered > 3000 && valueHovers > 100, `${answered} hovers answered, ${valueHovers} about values`);
    // Only values the outline cannot read again (block scalars, tagged ones) parse their document,
    // and the documents that keep no outline: objects other than workloads (Services, ConfigMaps).
    const others = cold.docs.filter((slot) => slot.parsed.isKubernetes && !slot.parsed.isWorkload).length;
    assert.ok(reparses < 20 + others, `${reparses} documents parsed again (${others} objects other than workloads)`);
  });
});
