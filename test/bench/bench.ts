/**
 * The benchmark: drives the built server (`node dist/server.js --stdio`) the way an editor does
 * and compares every figure with the floor, the `yaml` package's own `parseAllDocuments` on the
 * same text in this process. Run with `npm run bench`; see test/bench/README.md.
 *
 *   npm run bench -- --sizes 1,10,100 --runs 3
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { REPO_ROOT } from '../support/lspClient';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { generateManifest } from './manifests';
import { formatTable, median, type SizeResult } from './report';
import { measureServerRun, type RunFigures } from './serverRun';

const SEED = 42;

interface Options {
  readonly sizes: number[];
  readonly runs: number;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1,10,100,1000,5000').split(',').map(Number).filter((n) => n > 0);
  return { sizes, runs: Number(value('--runs') ?? 5) };
}

/**
 * The floor: wall times of yaml's parseAllDocuments over the full text, `runs` of them after a
 * warm-up parse. Called before each server run, so that the floor and the server are measured
 * in the same stretch of time: this VM's speed drifts by a third over minutes.
 */
function parseFloorSamples(text: string, runs: number): number[] {
  parseAllDocuments(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseAllDocuments(text);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * The floor as a fresh server meets it: yaml's first parse of the text in a new process (with the
 * server's Node flags), before the JIT has seen any YAML. Median over `runs` processes.
 */
function coldParseFloor(text: string, runs: number): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-')), 'bundle.yaml');
  fs.writeFileSync(file, text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, __filename, '--cold-floor', file], { encoding: 'utf8' });
    const ms = Number(child.stdout.trim());
    if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold parse floor failed: ${child.stderr}`);
    times.push(ms);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return median(times);
}

/** `--cold-floor <file>`: parse the file once and print the milliseconds (run by coldParseFloor). */
function coldFloorChild(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  parseAllDocuments(text);
  console.log(String(performance.now() - t0));
}

async function measureSize(docs: number, runs: number): Promise<SizeResult> {
  const text = generateManifest(docs, SEED);
  // Huge bundles are slow to run many times; three runs still give a median.
  const n = docs >= 5000 ? Math.min(runs, 3) : runs;
  const coldFloorMs = coldParseFloor(text, n);
  const floors: number[] = [];
  const figures: RunFigures[] = [];
  for (let i = 0; i < n; i++) {
    floors.push(...parseFloorSamples(text, docs >= 5000 ? 2 : 3));
    figures.push(await measureServerRun(text, SEED + i));
  }
  const floorMs = median(floors);
  const med = (pickOne: (f: RunFigures) => number | undefined) => {
    const values = figures.map(pickOne).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  return {
    docs,
    lines: text.split('\n').length - 1,
    bytes: text.length,
    runs: n,
    floorMs,
    coldFloorMs,
    firstDiagnosticsMs: med((f) => f.firstDiagnosticsMs)!,
    diagnosticsCount: figures[0]!.diagnosticsCount,
    editMs: med((f) => f.editMs)!,
    hoverP50Ms: med((f) => f.hoverP50Ms),
    hoverP95Ms: med((f) => f.hoverP95Ms),
    hoverEditedP95Ms: med((f) => f.hoverEditedP95Ms),
    roundTripP50Ms: med((f) => f.roundTripP50Ms),
    roundTripP95Ms: med((f) => f.roundTripP95Ms),
    hoverAnswered: figures[0]!.hoverAnswered,
    codeActionMs: med((f) => f.codeActionMs),
    codeActionCount: figures[0]!.codeActionCount,
    peakRssMb: med((f) => f.peakRssMb)!,
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const results: SizeResult[] = [];
  for (const docs of opts.sizes) {
    process.stderr.write(`bench: ${docs} document(s)…\n`);
    results.push(await measureSize(docs, opts.runs));
  }
  console.log(formatTable(results));
  const outDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const json = { date: new Date().toISOString(), node: process.version, seed: SEED, results };
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
}

const coldFloorAt = process.argv.indexOf('--cold-floor');
if (coldFloorAt >= 0) coldFloorChild(process.argv[coldFloorAt + 1]!);
else main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
