import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO_ROOT } from '../support/lspClient';
import { lines } from '../support/text';

/** `kube-workloads mcp` driven by the MCP SDK's own client over stdio, as an agent would. */
const MANIFEST = lines(
  '# the web front end',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicass: 2 # two is enough',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: nginx:1.27',
);

interface Finding {
  index: number;
  rule: string;
  severity: string;
  range: { start: { line: number; character: number } };
  message: string;
  fixes: { title: string; preferred: boolean }[];
}

describe('kube-workloads mcp over stdio (the MCP SDK client)', () => {
  let client: Client;
  let root: string;
  let outside: string;
  const stderr: string[] = [];

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-mcp-root-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-mcp-outside-'));
    fs.mkdirSync(path.join(root, 'k8s'));
    fs.writeFileSync(path.join(root, 'k8s', 'web.yaml'), MANIFEST);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), MANIFEST);
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'k8s', 'link.yaml'));
    const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(REPO_ROOT, 'dist', 'cli.js'), 'mcp'], cwd: root, stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    client = new Client({ name: 'kube-workloads-tests', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    assert.deepEqual(stderr, [], 'nothing on stderr');
  });

  async function call(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> {
    const result = (await client.callTool({ name, arguments: args })) as { content: { type: string; text: string }[]; isError?: boolean };
    return { text: result.content.map((c) => c.text).join(''), isError: !!result.isError };
  }
  const findingsOf = async (args: Record<string, unknown>) => (JSON.parse((await call('check', args)).text) as { findings: Finding[] }).findings;

  test('lists the four tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check', 'convert', 'explain', 'fix']);
    const convert = tools.find((t) => t.name === 'convert')!;
    assert.deepEqual((convert.inputSchema.properties as Record<string, { enum?: string[] }>)['targetKind']?.enum, ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
  });

  test('check: a file under the root and the same text give the finding with rule, range, message and fixes', async () => {
    const byPath = await findingsOf({ path: 'k8s/web.yaml' });
    const unknown = byPath.find((f) => f.rule === 'unknown-field')!;
    assert.equal(unknown.severity, 'error');
    assert.deepEqual(unknown.range.start, { line: 6, character: 2 });
    assert.match(unknown.message, /Unknown field "replicass".*Did you mean "replicas"\?/);
    assert.deepEqual(unknown.fixes[0], { title: 'Rename "replicass" to "replicas"', preferred: true });
    assert.deepEqual(await findingsOf({ text: MANIFEST }), byPath);
    const strict = await findingsOf({ text: MANIFEST, settings: { preset: 'api-only' } });
    assert.ok(strict.length < byPath.length && strict.every((f) => f.severity === 'error'), 'settings are applied');
  });

  test('check reads nothing outside the root: a parent path, an absolute path, a symbolic link out', async () => {
    for (const p of ['../' + path.basename(outside) + '/secret.yaml', path.join(outside, 'secret.yaml'), 'k8s/link.yaml', '/etc/passwd']) {
      const answer = await call('check', { path: p });
      assert.ok(answer.isError, `${p} is refused`);
      assert.match(answer.text, /is outside the folder this server may read/);
    }
    const missing = await call('check', { path: 'k8s/none.yaml' });
    assert.ok(missing.isError);
    assert.match(missing.text, /No such file/);
    const neither = await call('check', {});
    assert.match(neither.text, /Give either "path" or "text"/);
  });

  test('explain: a field path of a kind, and a position in the text, answer the hover', async () => {
    const field = await call('explain', { kind: 'StatefulSet', field: 'spec.template.spec.containers[0].livenessProbe' });
    assert.match(field.text, /spec\.template\.spec\.containers\[0\]\.livenessProbe/);
    assert.match(field.text, /Periodic probe of container liveness/);
    const sameWithoutIndex = await call('explain', { kind: 'StatefulSet', field: 'spec.template.spec.containers.livenessProbe' });
    assert.equal(sameWithoutIndex.text, field.text);
    const atImage = await call('explain', { text: MANIFEST, line: 15, character: 9 });
    assert.match(atImage.text, /Container image name/);
    const unknown = await call('explain', { kind: 'Deployment', field: 'spec.replicass' });
    assert.ok(unknown.isError);
    assert.match(unknown.text, /"replicass" is not a field at spec of a Deployment/);
  });

  test('fix: one finding\'s preferred fix, then every safe fix; comments survive', async () => {
    const findings = await findingsOf({ text: MANIFEST });
    const index = findings.findIndex((f) => f.rule === 'unknown-field');
    const one = JSON.parse((await call('fix', { text: MANIFEST, finding: index })).text) as { text: string; applied: string[]; remaining: Record<string, number> };
    assert.deepEqual(one.applied, ['Rename "replicass" to "replicas"']);
    assert.match(one.text, /^ {2}replicas: 2 # two is enough$/m);
    assert.equal(one.remaining['unknown-field'], undefined);
    assert.equal(one.text.replace('replicas:', 'replicass:'), MANIFEST, 'only the key changed');
    const all = JSON.parse((await call('fix', { text: MANIFEST, all: true })).text) as { text: string; remaining: Record<string, number> };
    const before = findings.length;
    const after = Object.values(all.remaining).reduce((a, b) => a + b, 0);
    assert.ok(after < before, `fewer findings after fixing all (${before} → ${after})`);
    assert.match(all.text, /# the web front end/);
    const tooFar = await call('fix', { text: MANIFEST, finding: 99 });
    assert.ok(tooFar.isError);
    assert.match(tooFar.text, new RegExp(`There is no finding 99: check lists ${before}`));
  });

  test('convert: the new text and what was dropped', async () => {
    const result = JSON.parse((await call('convert', { path: 'k8s/web.yaml', targetKind: 'DaemonSet' })).text) as { text: string; dropped: string[]; notes: string[] };
    assert.match(result.text, /^kind: DaemonSet$/m);
    assert.match(result.text, /# the web front end/);
    assert.doesNotMatch(result.text, /kind: Deployment/);
    const fromFixed = JSON.parse((await call('convert', { text: MANIFEST.replace('replicass', 'replicas'), targetKind: 'DaemonSet' })).text) as { text: string; dropped: string[] };
    assert.ok(fromFixed.dropped.some((d) => /replicas/.test(d)), `replicas is said to be dropped: ${fromFixed.dropped.join(' | ')}`);
    assert.doesNotMatch(fromFixed.text, /replicas:/);
    const wrong = await call('convert', { text: 'apiVersion: v1\nkind: Service\n', targetKind: 'StatefulSet' });
    assert.ok(wrong.isError);
    assert.match(wrong.text, /holds no Deployment, StatefulSet, DaemonSet or ReplicaSet/);
  });
});
