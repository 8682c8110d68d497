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
 * The floor: yaml's parseAllDocuments over the full text, in a fresh process with the server's
 * Node flags, as the server meets it. The first parse (`cold`) is what a new server does, before
 * the JIT has seen any YAML; the `warm` ones follow it. Measured right before each server run, so
 * that floor and server share the same stretch of time (this VM's speed drifts by a third over
 * minutes), and in a child so that its garbage does not pause the bench's client during the run.
 */
function measureFloor(file: string, warmParses: number): { cold: number; warm: number[] } {
  const child = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, __filename, '--floor', file, String(warmParses)], { encoding: 'utf8' });
  const times = child.status === 0 ? (JSON.parse(child.stdout) as number[]) : [];
  if (times.length !== warmParses + 1 || !times.every(Number.isFinite)) throw new Error(`parse floor failed: ${child.stderr}`);
  return { cold: times[0]!, warm: times.slice(1) };
}

/** `--floor <file> <n>`: parses the file 1 + n times and prints the milliseconds as JSON (run by measureFloor). */
function floorChild(file: string, warmParses: number): void {
  const text = fs.readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i <= warmParses; i++) {
    const t0 = performance.now();
    parseAllDocuments(text);
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
}

async function measureSize(docs: number, runs: number): Promise<SizeResult> {
  const text = generateManifest(docs, SEED);
  // Huge bundles are slow to run many times; three runs still give a median.
  const n = docs >= 5000 ? Math.min(runs, 3) : runs;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-')), 'bundle.yaml');
  fs.writeFileSync(file, text);
  const colds: number[] = [];
  const floors: number[] = [];
  const figures: RunFigures[] = [];
  for (let i = 0; i < n; i++) {
    const floor = measureFloor(file, docs >= 5000 ? 2 : 3);
    colds.push(floor.cold);
    floors.push(...floor.warm);
    figures.push(await measureServerRun(text, SEED + i));
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const floorMs = median(floors);
  const coldFloorMs = median(colds);
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
    roundTripEditedP95Ms: med((f) => f.roundTripEditedP95Ms),
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

const floorAt = process.argv.indexOf('--floor');
if (floorAt >= 0) floorChild(process.argv[floorAt + 1]!, Number(process.argv[floorAt + 2]));
else main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
