/**
 * YAML aliases and merge keys: the rules read the values kubectl sends (the anchored node, the
 * merged pairs with explicit keys winning); an alias to no anchor and an alias bomb are errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkAnnotated, diagnose } from '../../../support/annotations';
import { lines } from '../../../support/text';

const RULES = ['yaml-syntax', 'selector-mismatch', 'selector-empty', 'invalid-label', 'missing-required', 'unknown-field', 'resources-request-exceeds-limit'];

function check(text: string): void {
  assert.equal(checkAnnotated(text, { rules: RULES }), text);
}

const HEAD = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:'];

describe('aliases and merge keys', () => {
  test('template labels that alias the selector match it', () => {
    check(lines(...HEAD, '  selector:', '    matchLabels: &sel', '      app: web', '  template:', '    metadata:', '      labels: *sel', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27'));
  });

  test('a selector that aliases labels is not empty', () => {
    check(lines(...HEAD, '  template:', '    metadata:', '      labels: &labels {app: web}', '    spec:', '      containers: [{name: web, image: "nginx:1.27"}]', '  selector:', '    matchLabels: *labels'));
  });

  test('merged labels count, the << key is not a label, and an explicit key overrides a merged one', () => {
    check(
      lines(
        ...HEAD,
        '  selector:',
        '    matchLabels: &sel',
        '      app: web',
        '      tier: front',
        '  template:',
        '    metadata:',
        '      labels:',
        '#     ^^^^^^ error selector-mismatch: `selector` does not match template `labels`: the template\'s labels do not satisfy tier=front.',
        '        <<: *sel',
        '        tier: back',
        '    spec:',
        '      containers:',
        '        - <<: &base {name: web, image: "nginx:1.27"}',
        '          resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}',
        '#                                     ^^^ error resources-request-exceeds-limit: cpu request 2 must be less than or equal to the cpu limit of 1.',
      ),
    );
  });

  test('an alias to an anchor that is not defined is a YAML error', () => {
    check(
      lines(
        ...HEAD,
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          resources: *limits',
        '#                    ^^^^^^^ error yaml-syntax: Unknown alias *limits: no anchor &limits is defined before it.',
      ),
    );
  });

  test('an alias bomb under labels is answered with one error, without expanding it', () => {
    const bomb = ['  labels: {a: b}', '  annotations:', '    l0: &l0 "lol"'];
    for (let i = 1; i <= 9; i++) bomb.push(`    l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const text = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', ...bomb, 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata:', '      labels: *l9', '    spec:', '      containers: [{name: web, image: "nginx:1.27"}]');
    const errors = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error && d.code === 'yaml-syntax');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]!.message), /^The aliases of this document expand to about [\d,]+ nodes \(\*l9 alone to [\d,]+\): the API server refuses a document with excessive aliasing\.$/);
    assert.equal(errors[0]!.range.start.line, text.split('\n').indexOf('      labels: *l9'));
  });
});
