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

function run(args: string[], cwd = dir, as: { uid?: number; gid?: number; cli?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  // The timeout only stops a CLI that blocks (a FIFO read); it is not a speed check.
  const r = spawnSync(process.execPath, [as.cli ?? CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, uid: as.uid, gid: as.gid });
  assert.equal(r.signal, null, `the CLI ended by itself (not killed after blocking): ${args.join(' ')}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace, no internal error: what a crash would print. */
function assertNoCrash(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |TypeError|RangeError|Error: /);
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

  test('a binary file is not analysed: exit 3 unless --skip-unanalysable', () => {
    const r = run(['check', 'image.yaml', 'manifests/clean.yaml']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /image\.yaml: not analysed: it is a binary file, not YAML\n/);
    assert.match(r.stderr, /1 input was not analysed; the run fails \(--skip-unanalysable lets it pass\)/);
    assert.match(r.stdout, /1 file checked/);
    const skipped = run(['check', '--skip-unanalysable', 'image.yaml', 'manifests/clean.yaml']);
    assert.equal(skipped.code, 0);
    assert.match(skipped.stderr, /image\.yaml: not analysed: it is a binary file, not YAML \(skipped: --skip-unanalysable\)/);
  });

  test('a broken manifest padded past maxFileSize fails the run (exit 3), not passes it', () => {
    fs.writeFileSync(path.join(dir, 'small-limit.json'), JSON.stringify({ kubeWorkloads: { maxFileSize: 2000 } }));
    // The padding comes first, so the file does not even look like Kubernetes at its start.
    fs.writeFileSync(path.join(dir, 'padded.yaml'), `# ${'x'.repeat(3000)}\n${SYNTAX_ERROR}`);
    const r = run(['check', '--config', 'small-limit.json', 'padded.yaml', 'manifests/clean.yaml']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /padded\.yaml: not analysed: it is 0\.0 MB, above the 0\.0 MB limit; raise maxFileSize/);
    const skipped = run(['check', '--config', 'small-limit.json', '--skip-unanalysable', 'padded.yaml', 'broken.yaml']);
    assert.equal(skipped.code, 1, 'with the opt-out, the errors of the files it analysed still fail the run');
    // One document padded past the size a document may have (1.5 MB) fails the same way.
    fs.writeFileSync(path.join(dir, 'padded-document.yaml'), `${SYNTAX_ERROR}# ${'x'.repeat(1_600_000)}\n`);
    const document = run(['check', 'padded-document.yaml']);
    assert.equal(document.code, 3);
    assert.match(document.stderr, /padded-document\.yaml: not analysed: a document is larger than 1\.5 MB/);
    assert.match(document.stdout, /warning yaml-syntax: This document was not analysed: it is 1\.5 MB/);
    // Far above the limit, the file is refused from its size alone.
    const huge = run(['check', '--config', 'small-limit.json', 'manifests/nested/latest.yml', 'padded.yaml']);
    assert.equal(huge.code, 3);
  });

  test('text output escapes control characters: no forged workflow command line', () => {
    const forged = 'x\n::error file=good.yaml,line=1::forged';
    fs.mkdirSync(path.join(dir, 'forge'));
    fs.writeFileSync(path.join(dir, 'forge', 'value.yaml'), CLEAN.replace('- name: web', `- name: ${JSON.stringify(forged)}`));
    fs.writeFileSync(path.join(dir, 'forge', `name\n::error file=good.yaml::forged\u2028.yaml`), SYNTAX_ERROR);
    const r = run(['check', 'forge']);
    assert.equal(r.code, 1);
    for (const output of [r.stdout, r.stderr]) {
      for (const line of output.split('\n')) assert.ok(!line.startsWith('::'), `a line of its own: ${line}`);
    }
    assert.match(r.stdout, /forge\/value\.yaml:\d+:\d+: error container-name: Invalid container name "x\\n::error file=good\.yaml,line=1::forged"/);
    assert.match(r.stdout, /^forge\/name\\n::error file=good\.yaml::forged\\u2028\.yaml:\d+:\d+: error yaml-syntax/m);
    // JSON keeps the value exact.
    const json = JSON.parse(run(['check', '--format', 'json', 'forge/value.yaml']).stdout) as { diagnostics: { message: string }[] }[];
    assert.ok(json[0]!.diagnostics.some((d) => d.message.includes(forged)));
  });

  test('symbolic links inside a folder are followed once; loops end; a broken link is reported (exit 2)', () => {
    const tree = path.join(dir, 'linked');
    fs.mkdirSync(path.join(tree, 'real'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'outside.yaml'), LATEST);
    fs.symlinkSync(path.join(dir, 'outside.yaml'), path.join(tree, 'link-to-file.yaml'));
    fs.writeFileSync(path.join(tree, 'real', 'inner.yaml'), CLEAN);
    fs.symlinkSync('..', path.join(tree, 'real', 'up')); // a loop: linked/real/up → linked
    fs.symlinkSync('real', path.join(tree, 'again')); // the same folder under a second name
    const r = run(['check', 'linked']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^linked\/link-to-file\.yaml:11:16: warning latest-tag/m);
    assert.match(r.stdout, /2 files checked/, 'each real file once');
    assert.equal(r.stderr, '');
    fs.symlinkSync('gone.yaml', path.join(tree, 'broken.yaml'));
    fs.symlinkSync('self.yaml', path.join(tree, 'self.yaml'));
    const broken = run(['check', 'linked']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /linked\/broken\.yaml: cannot read it: a broken symbolic link/);
    assert.match(broken.stderr, /linked\/self\.yaml: cannot read it: a symbolic link loop/);
    assert.match(broken.stdout, /2 files checked/, 'the readable files are still checked');
    assertNoCrash(broken.stderr);
  });

  test('a FIFO is refused without blocking, named or found in a folder (exit 2)', () => {
    const fifoDir = path.join(dir, 'fifo');
    fs.mkdirSync(fifoDir);
    const made = spawnSync('mkfifo', [path.join(fifoDir, 'pipe.yaml')]);
    assert.equal(made.status, 0, 'mkfifo works here');
    fs.writeFileSync(path.join(fifoDir, 'clean.yaml'), CLEAN);
    const named = run(['check', 'fifo/pipe.yaml']);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /fifo\/pipe\.yaml: refused: it is a FIFO, not a regular file/);
    const walked = run(['check', 'fifo']);
    assert.equal(walked.code, 2);
    assert.match(walked.stderr, /fifo\/pipe\.yaml: refused: it is a FIFO, not a regular file/);
    assert.match(walked.stdout, /1 file checked/);
    assert.equal(run(['check', '--skip-unanalysable', 'fifo']).code, 0);
    // A device named on the command line is refused the same way.
    const device = run(['check', '/dev/zero']);
    assert.equal(device.code, 2);
    assert.match(device.stderr, /\/dev\/zero: refused: it is a character device/);
  });

  test('a folder it cannot read is reported (exit 2), never a stack trace; the rest is checked', () => {
    // Root reads a chmod 000 folder anyway (CI runs as root): then the CLI runs as "nobody",
    // from a copy that user can read, so the folder is unreadable for every runner.
    const asRoot = process.getuid?.() === 0;
    const place = asRoot ? fs.mkdtempSync(path.join(os.tmpdir(), 'kube-workloads-perm-')) : path.join(dir, 'perm');
    fs.mkdirSync(path.join(place, 'tree', 'locked'), { recursive: true });
    fs.writeFileSync(path.join(place, 'tree', 'ok.yaml'), CLEAN);
    fs.writeFileSync(path.join(place, 'tree', 'locked', 'hidden.yaml'), SYNTAX_ERROR);
    const as = asRoot ? { uid: 65534, gid: 65534, cli: path.join(place, 'cli.js') } : {};
    if (asRoot) {
      fs.copyFileSync(CLI, as.cli!);
      for (const p of [place, path.join(place, 'tree')]) fs.chmodSync(p, 0o755);
      for (const p of [as.cli!, path.join(place, 'tree', 'ok.yaml')]) fs.chmodSync(p, 0o644);
    }
    fs.chmodSync(path.join(place, 'tree', 'locked'), 0o000);
    try {
      const r = run(['check', 'tree'], place, as);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /tree\/locked: cannot read the folder: permission denied/);
      assertNoCrash(r.stderr);
      assert.match(r.stdout, /1 file checked/);
      const skipped = run(['check', '--skip-unanalysable', 'tree'], place, as);
      assert.equal(skipped.code, 0);
    } finally {
      fs.chmodSync(path.join(place, 'tree', 'locked'), 0o755);
      if (asRoot) fs.rmSync(place, { recursive: true, force: true });
    }
  });

  test('an unreadable input (a symlink cycle) is reported and exits 2, not a crash', () => {
    fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    const r = run(['check', 'loop.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Cannot read loop\.yaml: ELOOP/);
    fs.unlinkSync(path.join(dir, 'loop.yaml'));
  });
});
