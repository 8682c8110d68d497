/**
 * One huge document, as a hostile or generated manifest makes it: how long until its diagnostics,
 * how many, how large the message, the server's peak memory, and how long another file's hovers
 * wait while it is analysed (a hover every 20 ms from the open until the diagnostics arrive).
 *
 *   node test/bench/largeDocument.mjs                 # both cases
 *   node test/bench/largeDocument.mjs --case json     # the 34,797-container single-line JSON
 *
 * Cases: 8,000 containers with one port each in block style (0.9 MB), and a single-line 4.8 MB
 * JSON Deployment with 34,797 containers. Figures depend on the machine and its load.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-types';
import { startServer, type TestClient } from '../support/lspClient';
import { lines } from '../support/text';

interface Case {
  readonly name: string;
  readonly text: string;
}

export function blockContainers(count: number): string {
  const out = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: big', 'spec:', '  selector:', '    matchLabels: {app: big}', '  template:', '    metadata:', '      labels: {app: big}', '    spec:', '      containers:'];
  for (let i = 0; i < count; i++) out.push(`        - name: c${i}`, '          image: nginx:1.27', '          ports:', `            - containerPort: ${1024 + (i % 60_000)}`);
  return out.join('\n') + '\n';
}

export function jsonContainers(count: number): string {
  const containers = [];
  for (let i = 0; i < count; i++) containers.push({ name: `c${i}`, image: 'registry.example.com/team/app', ports: [{ containerPort: 8080, hostPort: 8080 }], env: [{ name: 'A', value: '1' }] });
  const spec = { selector: { matchLabels: { app: 'big' } }, template: { metadata: { labels: { app: 'big' } }, spec: { containers } } };
  return JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'big' }, spec });
}

export const SMALL = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: small', 'spec:', '  replicas: 2', '  selector: {matchLabels: {app: s}}', '  template:', '    metadata: {labels: {app: s}}', '    spec:', '      containers:', '        - name: s', '          image: nginx:1.27');

function peakRssMb(client: TestClient): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function measure(c: Case): Promise<Record<string, number | string | undefined>> {
  const client = await startServer(undefined, { maxFileSize: 64 * 1024 * 1024 });
  const small = 'file:///small.yaml';
  const ready = client.nextDiagnostics(small);
  client.open(small, SMALL);
  await ready;
  const hover = () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 5, character: 4 } });
  for (let i = 0; i < 50; i++) await hover();
  const t0 = performance.now();
  const published = client.nextDiagnostics('file:///big.yaml');
  client.open('file:///big.yaml', c.text);
  let done = false;
  let diagnostics: Diagnostic[] = [];
  const openToDiagnostics = published.then((d) => {
    diagnostics = d;
    done = true;
    return performance.now() - t0;
  });
  const waits: number[] = [];
  while (!done) {
    const h0 = performance.now();
    await hover();
    waits.push(performance.now() - h0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const ms = await openToDiagnostics;
  waits.sort((a, b) => a - b);
  const rss = peakRssMb(client);
  await client.shutdown();
  return {
    case: c.name,
    sizeMB: (c.text.length / 1024 / 1024).toFixed(2),
    openToDiagnosticsMs: Math.round(ms),
    diagnostics: diagnostics.length,
    messageMB: (JSON.stringify(diagnostics).length / 1024 / 1024).toFixed(2),
    hoversDuringAnalysis: waits.length,
    hoverP50Ms: Math.round(waits[Math.floor(waits.length / 2)] ?? 0),
    hoverMaxMs: Math.round(waits[waits.length - 1] ?? 0),
    peakRssMB: rss === undefined ? undefined : Math.round(rss),
  };
}

async function main(): Promise<void> {
  const only = process.argv.indexOf('--case') >= 0 ? process.argv[process.argv.indexOf('--case') + 1] : undefined;
  const cases: Case[] = [];
  if (!only || only === 'block') cases.push({ name: '8,000 containers, block', text: blockContainers(8000) });
  if (!only || only === 'json') cases.push({ name: '34,797 containers, one JSON line', text: jsonContainers(34_797) });
  const rows = [];
  for (const c of cases) {
    const row = await measure(c);
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
