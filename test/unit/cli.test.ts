/**
 * The command-line checker as CI runs it: `node dist/cli.js check …` in a child process (dist/
 * is built before the tests run), with manifests written to a temporary folder.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/lspClient';
import { lines } from '../support/text';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

const CLEAN = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27.3',
  '        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}',
  '        securityContext:',
  '          runAsNonRoot: true',
  '          allowPrivilegeEscalation: false',
  '          readOnlyRootFilesystem: true',
  '          capabilities: {drop: [ALL]}',
);
const LATEST = CLEAN.replace('nginx:1.27.3', 'nginx:latest');
const SYNTAX_ERROR = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: [oops');

let dir: string;

function run(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-workloads-cli-'));
    fs.mkdirSync(path.join(dir, 'manifests', 'nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifests', 'clean.yaml'), CLEAN);
    fs.writeFileSync(path.join(dir, 'manifests', 'nested', 'latest.yml'), LATEST);
    fs.writeFileSync(path.join(dir, 'manifests', 'notes.txt'), 'not yaml');
    fs.writeFileSync(path.join(dir, 'broken.yaml'), SYNTAX_ERROR);
    fs.writeFileSync(path.join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    fs.writeFileSync(path.join(dir, 'quiet.json'), JSON.stringify({ kubeWorkloads: { rules: { 'latest-tag': 'off' } } }));
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ rules: ');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a clean manifest: exit 0 and a summary', () => {
    const r = run(['check', 'manifests/clean.yaml']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '1 file checked: 0 errors, 0 warnings, 0 info\n');
    assert.equal(r.stderr, '');
  });

  test('warnings only: compiler-style lines, exit 0', () => {
    const r = run(['check', 'manifests/nested/latest.yml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^manifests\/nested\/latest\.yml:11:16: warning latest-tag: Image "nginx:latest" .*pin a version tag/m);
    assert.match(r.stdout, /1 file checked: 0 errors, 1 warning, 0 info\n$/);
  });

  test('an error: exit 1', () => {
    const r = run(['check', 'broken.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^broken\.yaml:\d+:\d+: error yaml-syntax: /m);
  });

  test('a directory is searched recursively for .yaml and .yml files only', () => {
    const r = run(['check', 'manifests']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /2 files checked: 0 errors, 1 warning/);
  });

  test('globs expand; a glob that matches nothing is a usage error', () => {
    assert.match(run(['check', 'manifests/**/*.yml']).stdout, /^1 file checked/m);
    const r = run(['check', 'nothing/*.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No files match nothing\/\*\.yaml/);
  });

  test('--format json lists each file with rule, severity and 1-based positions', () => {
    const r = run(['check', '--format', 'json', 'manifests/nested/latest.yml', 'broken.yaml']);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string; severity: string; line: number; column: number }[] }[];
    const latest = json.find((f) => f.file.endsWith('latest.yml'))!;
    assert.deepEqual(latest.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]), [['latest-tag', 'warning', 11, 16]]);
    assert.ok(json.find((f) => f.file === 'broken.yaml')!.diagnostics.some((d) => d.rule === 'yaml-syntax' && d.severity === 'error'));
  });

  test('--format sarif writes SARIF 2.1.0 that code scanning accepts', () => {
    const r = run(['check', '--format=sarif', 'manifests', 'broken.yaml']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const run0 = sarif.runs[0];
    const rules = run0.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    assert.equal(run0.tool.driver.name, 'kube-workloads');
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text.length > 0, rule.id);
      assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
      assert.ok(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(rules.find((x) => x.id === 'cpu-limits')!.defaultConfiguration.level, 'none');
    const results = run0.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    const latest = results.find((x) => x.ruleId === 'latest-tag')!;
    assert.equal(rules[latest.ruleIndex]!.id, 'latest-tag');
    assert.equal(latest.level, 'warning');
    assert.match(latest.message.text, /pin a version tag/);
    const location = latest.locations[0]!.physicalLocation;
    assert.equal(location.artifactLocation.uri, 'manifests/nested/latest.yml');
    assert.deepEqual([location.region.startLine, location.region.startColumn], [11, 16]);
    assert.ok(results.some((x) => x.ruleId === 'yaml-syntax' && x.level === 'error'));
  });

  test('--config applies kubeWorkloads settings', () => {
    const r = run(['check', '--config', 'quiet.json', 'manifests/nested/latest.yml']);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /latest-tag/);
  });

  test('usage errors exit 2 with a message: unknown option, no files, missing file, bad version, bad config', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--colour', 'manifests'], /Unknown option "--colour"/],
      [['check'], /No files given/],
      [['lint', 'manifests'], /Unknown command "lint"/],
      [['check', 'missing.yaml'], /No such file or directory: missing\.yaml/],
      [['check', '--kubernetes-version', '1.29', 'manifests'], /--kubernetes-version must be one of 1\.30, .*1\.36; got "1\.29"/],
      [['check', '--format', 'xml', 'manifests'], /--format must be one of text, json, sarif/],
      [['check', '--config', 'bad.json', 'manifests'], /Config file "bad\.json" is not valid JSON/],
      [['check', 'manifests', '--format'], /--format needs a value/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: kube-workloads check/);
      assert.equal(r.stdout, '');
    }
  });

  test('a binary file is skipped with a note instead of a crash', () => {
    const r = run(['check', 'image.yaml', 'manifests/clean.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /image\.yaml: skipped: it is a binary file/);
    assert.match(r.stdout, /1 file checked/);
  });

  test('an unreadable input (a symlink cycle) is reported and exits 2, not a crash', () => {
    fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    const r = run(['check', 'loop.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cannot read loop\.yaml: ELOOP/);
    fs.unlinkSync(path.join(dir, 'loop.yaml'));
  });
});
