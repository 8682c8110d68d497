import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { annotate, diagnose } from '../support/annotations';
import { REPO_ROOT } from '../support/lspClient';
import { isKindSnippetSite } from '../../client/src/snippetSite';

interface Snippet {
  readonly prefix: string;
  readonly body: string[];
  readonly description: string;
}

const FILE = path.join(REPO_ROOT, 'snippets', 'workloads.code-snippets');
const SNIPPETS = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, Snippet>;

const PLACEHOLDER = /\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+)\}|\$(\d+)/g;

/** Each tab stop's default: the text of `${n:text}`, or the first choice of `${n|a,b|}`. */
function defaults(body: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const n = m[1] ?? m[3];
    const value = m[2] ?? m[4]?.split(',')[0];
    if (n !== undefined && value !== undefined) found.set(n, [...(found.get(n) ?? []), value]);
  }
  return found;
}

/** The text VS Code inserts when the user accepts every default (mirrors take their tab stop's default). */
function fill(body: string): string {
  const values = defaults(body);
  return body.replace(PLACEHOLDER, (_all, a, b, _c, d, e, f) => {
    if (b !== undefined) return b;
    if (d !== undefined) return d.split(',')[0];
    return values.get(e ?? f ?? a)?.[0] ?? '';
  });
}

describe('workload snippets', () => {
  test('one snippet per kind, the StatefulSet with its headless Service', () => {
    const kinds = Object.values(SNIPPETS).map((s) => fill(s.body.join('\n')).match(/^kind: (\w+)$/gm));
    assert.deepEqual(kinds, [['kind: Deployment'], ['kind: Service', 'kind: StatefulSet'], ['kind: DaemonSet'], ['kind: ReplicaSet']]);
    // One prefix each, the kind's name: no second (`k8s-…`) entry listing every kind twice.
    assert.deepEqual(Object.values(SNIPPETS).map((s) => s.prefix), ['deployment', 'statefulset', 'daemonset', 'replicaset']);
  });

  test('the extension offers them itself, not through contributes.snippets (listed in value position too)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.contributes.snippets, undefined);
  });

  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    describe(name, () => {
      const body = snippet.body.join('\n');
      const text = fill(body);

      test('has a prefix, a description and a final tab stop', () => {
        assert.ok(snippet.prefix.length > 0 && snippet.description.length > 10);
        assert.match(body, /\$0/);
      });

      test('the name is one tab stop, mirrored everywhere it appears', () => {
        const names = defaults(body).get('1') ?? [];
        assert.ok(names.length >= 4, `name used ${names.length} times`);
        assert.equal(new Set(names).size, 1, 'every mirror of $1 has the same default');
        for (const [n, values] of defaults(body)) assert.equal(new Set(values).size, 1, `tab stop ${n} has one default`);
      });

      test('offers the enum values of the update strategy as a choice', () => {
        if (/kind: ReplicaSet/.test(text)) assert.doesNotMatch(text, /strategy/i, 'a ReplicaSet has no update strategy');
        else assert.match(body, /type: \$\{\d+\|RollingUpdate,(Recreate|OnDelete)\|\}/);
      });

      test('filled with its defaults, it parses as YAML without errors', () => {
        for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, []);
      });

      test('filled with its defaults, our rules find no error or warning', () => {
        const serious = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
        assert.equal(serious.length, 0, annotate(text, serious));
      });

      test('the container is hardened and sized', () => {
        for (const key of ['runAsNonRoot: true', 'readOnlyRootFilesystem: true', 'allowPrivilegeEscalation: false', '- ALL', 'readinessProbe:', 'livenessProbe:', 'requests:', 'limits:']) {
          assert.ok(text.includes(key), key);
        }
        assert.match(text, /image: \S+:\d[\w.-]*$/m, 'the image tag is pinned');
      });
    });
  }

  test('the DaemonSet tolerates the control-plane taint, with a comment saying why', () => {
    const text = fill(SNIPPETS['DaemonSet']!.body.join('\n'));
    assert.match(text, /# Control-plane nodes[^\n]*\n[^\n]*\n\s+tolerations:\n\s+- key: node-role\.kubernetes\.io\/control-plane/);
    assert.doesNotMatch(text, /replicas:/, 'a DaemonSet has no replicas');
  });

  test('the StatefulSet names its headless Service', () => {
    const [service, statefulSet] = parseAllDocuments(fill(SNIPPETS['StatefulSet with headless Service']!.body.join('\n'))).map((d) => d.toJS());
    assert.equal(service.spec.clusterIP, 'None');
    assert.equal(statefulSet.spec.serviceName, service.metadata.name);
    assert.deepEqual(service.spec.selector, statefulSet.spec.selector.matchLabels);
  });
});

describe('where the kind snippets are offered', () => {
  /** The site at `|` in the lines. */
  const at = (...lines: string[]): boolean => {
    const line = lines.findIndex((l) => l.includes('|'));
    return isKindSnippetSite(lines.map((l) => l.replace('|', '')), line, lines[line]!.indexOf('|'));
  };

  test('a word at the start of a line in an empty document, or after a --- in a stream', () => {
    assert.equal(at('|'), true);
    assert.equal(at('dep|'), true);
    assert.equal(at('# a comment', '', 'state|', '# another'), true);
    assert.equal(at('apiVersion: v1', 'kind: Service', '---', 'dae|', '---', 'kind: Deployment'), true);
  });

  test('never in value position, indented, or in a document that has content', () => {
    assert.equal(at('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      containers:', '        - imagePullPolicy: |'), false);
    assert.equal(at('imagePullPolicy: |'), false);
    assert.equal(at('  dep|'), false);
    assert.equal(at('apiVersion: apps/v1', 'dep|'), false);
    assert.equal(at('dep|', 'kind: Deployment'), false);
    assert.equal(at('dep|loyment: x'), false);
  });
});
