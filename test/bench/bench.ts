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
import { REPO_ROOT } from '../support/lspClient';
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

/** The floor: median wall time of yaml's parseAllDocuments over the full text. */
function parseFloor(text: string, runs: number): number {
  parseAllDocuments(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseAllDocuments(text);
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function measureSize(docs: number, runs: number): Promise<SizeResult> {
  const text = generateManifest(docs, SEED);
  // Huge bundles are slow to run many times; three runs still give a median.
  const n = docs >= 5000 ? Math.min(runs, 3) : runs;
  const floorMs = parseFloor(text, Math.max(n, 5));
  const figures: RunFigures[] = [];
  for (let i = 0; i < n; i++) figures.push(await measureServerRun(text, SEED + i));
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
