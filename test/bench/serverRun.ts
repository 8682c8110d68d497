/**
 * One benchmark run against a fresh server process: open the file, edit one value in the last
 * document a few times, hover over many keys and values, list code actions, read the peak RSS.
 * Every figure is a wall-clock round trip seen from the client, as an editor would see it.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, pullDiagnostics, startServer, type TestClient } from '../support/lspClient';
import { int, prng } from './manifests';
import { median, percentile } from './report';

export interface RunFigures {
  readonly firstDiagnosticsMs: number;
  readonly diagnosticsCount: number;
  readonly editMs: number;
  readonly hoverP50Ms: number | undefined;
  readonly hoverP95Ms: number | undefined;
  /** p95 of hovers inside the document just edited: the one the user is working in. */
  readonly hoverEditedP95Ms: number | undefined;
  /** p95 of the no-op request sent between those hovers. */
  readonly roundTripEditedP95Ms: number | undefined;
  /** p50/p95 of a request the server answers without work, sent between the hovers. */
  readonly roundTripP50Ms: number | undefined;
  readonly roundTripP95Ms: number | undefined;
  /** How many hovers returned something (0 while the hover feature is not registered). */
  readonly hoverAnswered: number;
  readonly codeActionMs: number | undefined;
  readonly codeActionCount: number;
  readonly peakRssMb: number;
  /** kubeWorkloads/documentInfo as the status bar asks it on a cursor move (one workload): median ms. */
  readonly statusBarMs: number;
  /** The same request as the lenses ask it after an edit (every kind line): median ms. */
  readonly lensesMs: number;
  /**
   * Over both hover phases (the random lines and the edited document, with their no-op round
   * trips): the share of the machine's CPU time that the hypervisor gave to someone else (steal)
   * and that no one used (idle + iowait), from /proc/stat's aggregate `cpu` line, in percent.
   * Undefined where /proc cannot be read.
   */
  readonly hoverStealPct: number | undefined;
  readonly hoverIdlePct: number | undefined;
  /** The server process's non-voluntary context switches (preempted) over the same interval. */
  readonly hoverNonvoluntarySwitches: number | undefined;
  /** Hover requests sent in that interval, warm-up included: the denominator for the switches. */
  readonly hoverRequests: number;
}

const URI = 'file:///bench/bundle.yaml';
const EDITS = 7;
/** Hovers per figure, after WARM_UP more: the JIT compiles the request path over the first few hundred requests. */
const HOVERS = 400;
const WARM_UP = 200;
const CODE_ACTIONS = 20;
const STATUS_BAR_REQUESTS = 20;
const LENS_REQUESTS = 5;
/** Large enough for the 5,000-document bundle (about 10 MB), which the default 5 MB would refuse. */
const SETTINGS = { maxFileSize: 64 * 1024 * 1024 };

export async function measureServerRun(text: string, seed: number): Promise<RunFigures> {
  const client = await startServer(undefined, SETTINGS);
  try {
    const t0 = performance.now();
    const first = client.nextDiagnostics(URI, 1);
    client.open(URI, text, 1);
    const diagnostics = await first;
    const firstDiagnosticsMs = performance.now() - t0;
    const editMs = await measureEdits(client, text, async (version, send) => {
      const published = client.nextDiagnostics(URI, version);
      await send();
      await published;
    });
    const pid = client.child.pid!;
    const cpuBefore = readCpuTimes();
    const switchesBefore = readNonvoluntarySwitches(pid);
    const hovers = await measureHovers(client, text, seed);
    const edited = await measureHovers(client, text, seed, text.lastIndexOf('\napiVersion:') + 1);
    const switchesAfter = readNonvoluntarySwitches(pid);
    const cpu = cpuShares(cpuBefore, readCpuTimes());
    const actions = await measureCodeActions(client, text, diagnostics);
    const info = await measureDocumentInfo(client, text, seed);
    return {
      firstDiagnosticsMs,
      diagnosticsCount: diagnostics.length,
      editMs,
      ...hovers,
      hoverEditedP95Ms: edited.hoverP95Ms,
      roundTripEditedP95Ms: edited.roundTripP95Ms,
      ...actions,
      ...info,
      peakRssMb: peakRssMb(pid),
      hoverStealPct: cpu?.stealPct,
      hoverIdlePct: cpu?.idlePct,
      hoverNonvoluntarySwitches: switchesBefore !== undefined && switchesAfter !== undefined ? switchesAfter - switchesBefore : undefined,
      hoverRequests: 2 * (WARM_UP + HOVERS),
    };
  } finally {
    await client.shutdown();
  }
}

export interface PullFigures {
  /** didChange, then textDocument/diagnostic naming the last report, until the answer: median ms. */
  readonly pullEditMs: number;
  /** How many of those answers were "unchanged" (the edit left every diagnostic as it was). */
  readonly pullUnchanged: number;
  readonly pullEdits: number;
}

/**
 * The edits again as VS Code makes them: it pulls diagnostics after every change, naming the last
 * report it got, instead of waiting for them to be pushed. A fresh server that only opens the file
 * and edits it.
 */
export async function measurePullRun(text: string): Promise<PullFigures> {
  const client = await startServer(PULL_CAPABILITIES, SETTINGS);
  try {
    const pull = (previousResultId?: string) => pullDiagnostics(client, URI, previousResultId);
    client.open(URI, text, 1);
    let last = (await pull()).resultId;
    let unchanged = 0;
    const pullEditMs = await measureEdits(client, text, async (_version, send) => {
      await send();
      const report = await pull(last);
      if (report.kind === 'unchanged') unchanged++;
      else last = report.resultId;
    });
    return { pullEditMs, pullUnchanged: unchanged, pullEdits: EDITS };
  } finally {
    await client.shutdown();
  }
}

/**
 * didChange of one value in the last document (an incremental change event), until the client
 * has the diagnostics: `deliver` sends the change and waits for them as the client would.
 */
async function measureEdits(client: TestClient, text: string, deliver: (version: number, send: () => Promise<void>) => Promise<void>): Promise<number> {
  const doc = TextDocument.create(URI, 'yaml', 1, text);
  const match = /memory: (\d+)Mi\n(?![\s\S]*memory: \d+Mi)/.exec(text);
  if (!match) throw new Error('bench manifest has no memory value to edit');
  const start = doc.positionAt(match.index + 'memory: '.length);
  let length = match[1]!.length;
  const times: number[] = [];
  for (let v = 2; v < 2 + EDITS; v++) {
    const value = String(600 + v);
    const end: Position = { line: start.line, character: start.character + length };
    const t0 = performance.now();
    await deliver(v, () =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version: v },
        contentChanges: [{ range: { start, end }, text: value }],
      }),
    );
    times.push(performance.now() - t0);
    length = value.length;
  }
  return median(times);
}

/**
 * Hover over seeded random lines, alternating between a key and its value: over the whole file,
 * or over the lines from offset `from` (the last document). In a large bundle most random lines
 * fall in documents whose trees the tree budget has dropped, which answer from their outlines;
 * the last document is the one just edited, so its tree is held, as the tree of the document a
 * user works in is.
 */
async function measureHovers(client: TestClient, text: string, seed: number, from = 0) {
  const lines = text.split('\n');
  const firstLine = text.slice(0, from).split('\n').length - 1;
  const random = prng(seed);
  const positions: Position[] = [];
  while (positions.length < WARM_UP + HOVERS) {
    const line = int(random, firstLine, lines.length - 2);
    const content = lines[line]!;
    const colon = content.indexOf(': ');
    const keyStart = content.search(/[A-Za-z]/);
    if (colon < 0 || keyStart < 0 || content.trimStart().startsWith('#')) continue;
    const onValue = positions.length % 2 === 1;
    positions.push({ line, character: onValue ? colon + 3 : keyStart + 1 });
  }
  const times: number[] = [];
  const roundTrips: number[] = [];
  let answered = 0;
  for (let i = 0; i < positions.length; i++) {
    const t0 = performance.now();
    const result = await client.connection
      .sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: positions[i] })
      .catch(() => null);
    const t1 = performance.now();
    // The transport's own share: a method the server does not have is answered with an error
    // straight away, through the same reading, dispatching and writing as a hover.
    await client.connection.sendRequest('kubeWorkloads/benchRoundTrip', {}).catch(() => null);
    // The first requests warm the model and the JIT (a few hundred, measured: the no-op's p95
    // drops by a third to a half over them); an editor pays them once per session.
    if (i >= WARM_UP) {
      times.push(t1 - t0);
      roundTrips.push(performance.now() - t1);
    }
    if (result) answered++;
  }
  return {
    hoverP50Ms: percentile(times, 50),
    hoverP95Ms: percentile(times, 95),
    hoverAnswered: answered,
    roundTripP50Ms: percentile(roundTrips, 50),
    roundTripP95Ms: percentile(roundTrips, 95),
  };
}

/** Code actions for the last document's range, with the diagnostics published for it. */
async function measureCodeActions(client: TestClient, text: string, diagnostics: Diagnostic[]) {
  const doc = TextDocument.create(URI, 'yaml', 1, text);
  const lastStart = doc.positionAt(text.lastIndexOf('\napiVersion:') + 1);
  const end = doc.positionAt(text.length);
  const range = { start: lastStart, end };
  const inRange = diagnostics.filter((d) => d.range.start.line >= lastStart.line);
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < CODE_ACTIONS; i++) {
    const t0 = performance.now();
    const result = await client.connection
      .sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: inRange } })
      .catch(() => null);
    times.push(performance.now() - t0);
    count = Array.isArray(result) ? result.length : 0;
  }
  return { codeActionMs: median(times), codeActionCount: count };
}

/**
 * The extension's own request for the workloads of a file, in the two forms the editor sends
 * while the user works: the status bar's (the workload under the cursor, on every cursor move)
 * and the lenses' (every workload's kind line, after every edit).
 */
async function measureDocumentInfo(client: TestClient, text: string, seed: number) {
  const lines = text.split('\n').length;
  const random = prng(seed);
  const time = async (params: object) => {
    const t0 = performance.now();
    await client.connection.sendRequest('kubeWorkloads/documentInfo', { uri: URI, ...params });
    return performance.now() - t0;
  };
  const statusBar: number[] = [];
  for (let i = 0; i < STATUS_BAR_REQUESTS; i++) statusBar.push(await time({ scope: 'active', position: { line: int(random, 0, lines - 1), character: 2 } }));
  const lenses: number[] = [];
  for (let i = 0; i < LENS_REQUESTS; i++) lenses.push(await time({ scope: 'kindLines' }));
  return { statusBarMs: median(statusBar), lensesMs: median(lenses) };
}

/** VmHWM: the peak resident set size of the server process, in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The aggregate `cpu` line of /proc/stat (jiffies of all CPUs), or undefined without /proc. */
function readCpuTimes(): number[] | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith('cpu '));
    const values = line?.trim().split(/\s+/).slice(1).map(Number);
    return values && values.length >= 8 && values.every(Number.isFinite) ? values : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Steal and idle as percentages of the jiffies between two readings. The total is user, nice,
 * system, idle, iowait, irq, softirq and steal: guest time is already counted in user and nice.
 */
function cpuShares(before: number[] | undefined, after: number[] | undefined): { stealPct: number; idlePct: number } | undefined {
  if (!before || !after) return undefined;
  const delta = (i: number) => after[i]! - before[i]!;
  let total = 0;
  for (let i = 0; i < 8; i++) total += delta(i);
  if (total <= 0) return undefined;
  return { stealPct: (100 * delta(7)) / total, idlePct: (100 * (delta(3) + delta(4))) / total };
}

/** `nonvoluntary_ctxt_switches` of a process: the times the scheduler took its CPU away. */
function readNonvoluntarySwitches(pid: number): number | undefined {
  try {
    const match = /nonvoluntary_ctxt_switches:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
