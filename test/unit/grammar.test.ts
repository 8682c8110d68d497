import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/lspClient';

// The injection grammar is tested with vscode-tmgrammar-test on syntaxes/test/*.test.yaml, over
// VS Code's own YAML grammars (syntaxes/test/vscode-yaml/, copied from the code-server we run).
const SYNTAXES = path.join(REPO_ROOT, 'syntaxes');
const TOOL = path.join(REPO_ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

function runGrammarTests(files: string[]) {
  return spawnSync(process.execPath, [TOOL, '--compact', '--config', path.join(SYNTAXES, 'test', 'grammars.json'), ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
}

describe('TextMate injection grammar', () => {
  test('package.json injects the shipped grammar into YAML', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const entry = pkg.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'kube-workloads.injection');
    assert.deepEqual(entry.injectTo, ['source.yaml']);
    const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, entry.path), 'utf8'));
    assert.equal(grammar.scopeName, 'kube-workloads.injection');
    assert.match(grammar.injectionSelector, /^L:source\.yaml\b/);
  });

  const cases = fs.readdirSync(path.join(SYNTAXES, 'test')).filter((f) => f.endsWith('.test.yaml'));

  test('there are grammar test files', () => assert.ok(cases.length >= 2, cases.join(', ')));

  for (const file of cases) {
    test(`scopes in ${file}`, () => {
      const result = runGrammarTests([path.join(SYNTAXES, 'test', file)]);
      assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    });
  }

  test('every kind-specific key the grammar scopes opens a level in the keys-after test', () => {
    const grammar = JSON.parse(fs.readFileSync(path.join(SYNTAXES, 'kube-workloads.injection.tmLanguage.json'), 'utf8'));
    const keys = /\(([\w|]+)\)/.exec(grammar.repository['workload-field'].match)![1]!.split('|');
    assert.ok(keys.length >= 9, keys.join(', '));
    const text = fs.readFileSync(path.join(SYNTAXES, 'test', 'keys-after-kind-specific.test.yaml'), 'utf8');
    for (const key of keys) assert.match(text, new RegExp(`^spec:\\n  ${key}:.*\\n(?:#.*\\n|    .*\\n)*  replicas: 3\\n`, 'm'), `${key} is followed by keys in the test`);
  });

  test('a wrong expectation fails (the runner really checks scopes)', () => {
    const tmp = fs.mkdtempSync(path.join(REPO_ROOT, 'out', 'grammar-'));
    try {
      const wrong = path.join(tmp, 'wrong.test.yaml');
      fs.writeFileSync(wrong, ['# SYNTAX TEST "source.yaml" "wrong"', 'kind: Service', '#     ^^^^^^^ entity.name.type.workload-kind.kube-workloads', ''].join('\n'));
      const result = runGrammarTests([wrong]);
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /missing required scopes/i);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
