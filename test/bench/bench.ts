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
import { formatInlayHints, measureInlayHints } from './inlayHintsBench';
import { measurePullRun, measureServerRun, type PullFigures, type RunFigures } from './serverRun';
import { formatStartup, measureStartup } from './startup';

const SEED = 42;

interface Options {
  readonly sizes: number[];
  readonly runs: number;
  /** `--startup`: only the start-up figures (time to first diagnostics), not the size table. */
  readonly startupOnly: boolean;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1,10,100,1000,5000').split(',').map(Number).filter((n) => n > 0);
  return { sizes, runs: Number(value('--runs') ?? 5), startupOnly: argv.includes('--startup') };
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

/** One size across the bench: its text, written once to a temp file, and what its runs measured. */
interface SizeRuns {
  readonly docs: number;
  readonly text: string;
  readonly file: string;
  readonly runs: number;
  readonly colds: number[];
  readonly floors: number[];
  readonly figures: RunFigures[];
  /** One run with a client that pulls diagnostics, as VS Code's does (first round only). */
  pull?: PullFigures;
}

function prepareSize(docs: number, runs: number, dir: string): SizeRuns {
  const text = generateManifest(docs, SEED);
  const file = path.join(dir, `bundle-${docs}.yaml`);
  fs.writeFileSync(file, text);
  // Huge bundles are slow to run many times; three runs still give a median.
  const n = docs >= 5000 ? Math.min(runs, 3) : runs;
  return { docs, text, file, runs: n, colds: [], floors: [], figures: [] };
}

/** Run `round` of one size: its floor right before its server run (see measureFloor). */
async function measureRun(size: SizeRuns, round: number): Promise<void> {
  const floor = measureFloor(size.file, size.docs >= 5000 ? 2 : 3);
  size.colds.push(floor.cold);
  size.floors.push(...floor.warm);
  size.figures.push(await measureServerRun(size.text, SEED + round));
  if (round === 0) size.pull = await measurePullRun(size.text);
}

function summarize(size: SizeRuns): SizeResult {
  const { docs, text, figures } = size;
  const med = (pickOne: (f: RunFigures) => number | undefined) => {
    const values = figures.map(pickOne).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  const switches = med((f) => f.hoverNonvoluntarySwitches);
  return {
    docs,
    lines: text.split('\n').length - 1,
    bytes: text.length,
    runs: size.runs,
    floorMs: median(size.floors),
    coldFloorMs: median(size.colds),
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
    statusBarMs: med((f) => f.statusBarMs)!,
    lensesMs: med((f) => f.lensesMs)!,
    pullEditMs: size.pull?.pullEditMs,
    pullUnchanged: size.pull?.pullUnchanged,
    pullEdits: size.pull?.pullEdits,
    codeActionCount: figures[0]!.codeActionCount,
    peakRssMb: med((f) => f.peakRssMb)!,
    hoverStealPct: med((f) => f.hoverStealPct),
    hoverIdlePct: med((f) => f.hoverIdlePct),
    hoverNonvoluntarySwitchesPer1000: switches === undefined ? undefined : (1000 * switches) / figures[0]!.hoverRequests,
  };
}

/**
 * The runs go round-robin over the sizes: round r gives every size that still needs one its run
 * r. This VM's speed drifts over minutes, and a slow stretch then touches one run of several
 * sizes rather than every run, and the median, of one size.
 */
/** The first generated documents that make at least `lines` lines: the start-up bench's file. */
function fileOfLines(lines: number, seed: number): string {
  for (let docs = 1; ; docs++) {
    const text = generateManifest(docs, seed);
    if (text.split('\n').length > lines) return text;
  }
}

async function startup(runs: number) {
  const first = fileOfLines(100, SEED);
  process.stderr.write(`bench: start-up, ${runs} run(s)…\n`);
  const figures = await measureStartup(first, fileOfLines(100, SEED + 1), runs);
  console.log(formatStartup(figures, first.split('\n').length - 1, runs));
  return figures;
}

function hints() {
  const figures = measureInlayHints(fileOfLines(200, SEED));
  console.log(formatInlayHints(figures));
  return figures;
}

async function main(): Promise<void> {
  if (process.argv.includes('--hints-only')) {
    hints();
    return;
  }
  const opts = options(process.argv.slice(2));
  if (opts.startupOnly) {
    await startup(opts.runs);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-'));
  let results: SizeResult[];
  try {
    const sizes = opts.sizes.map((docs) => prepareSize(docs, opts.runs, dir));
    const rounds = Math.max(0, ...sizes.map((s) => s.runs));
    for (let round = 0; round < rounds; round++) {
      for (const size of sizes) {
        if (round >= size.runs) continue;
        process.stderr.write(`bench: round ${round + 1}/${rounds}, ${size.docs} document(s)…\n`);
        await measureRun(size, round);
      }
    }
    results = sizes.map(summarize);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(formatTable(results));
  console.log('');
  const startupFigures = await startup(opts.runs);
  const inlayHintFigures = hints();
  const outDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const json = { date: new Date().toISOString(), node: process.version, seed: SEED, results, startup: startupFigures, inlayHints: inlayHintFigures };
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
}

const floorAt = process.argv.indexOf('--floor');
if (floorAt >= 0) floorChild(process.argv[floorAt + 1]!, Number(process.argv[floorAt + 2]));
else main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
