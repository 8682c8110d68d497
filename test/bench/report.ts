/**
 * Statistics and the printed table of the benchmark. Each figure is shown next to the parse
 * floor (yaml's parseAllDocuments on the same text) with the ratio, and checked against the
 * targets of issue #8.
 */

export interface SizeResult {
  readonly docs: number;
  readonly lines: number;
  readonly bytes: number;
  readonly runs: number;
  readonly floorMs: number;
  /** yaml's first parse of the text in a fresh process: the floor as a new server meets it. */
  readonly coldFloorMs: number;
  readonly firstDiagnosticsMs: number;
  readonly diagnosticsCount: number;
  readonly editMs: number;
  readonly hoverP50Ms: number | undefined;
  readonly hoverP95Ms: number | undefined;
  readonly hoverEditedP95Ms: number | undefined;
  /** The no-op round trip's p95 between the hovers in the edited document. */
  readonly roundTripEditedP95Ms: number | undefined;
  readonly roundTripP50Ms: number | undefined;
  readonly roundTripP95Ms: number | undefined;
  readonly hoverAnswered: number;
  readonly codeActionMs: number | undefined;
  readonly codeActionCount: number;
  readonly peakRssMb: number;
  readonly statusBarMs: number;
  readonly lensesMs: number;
  /** Edit → diagnostics pulled as VS Code pulls them (one run), and how many answers were "unchanged". */
  readonly pullEditMs?: number | undefined;
  readonly pullUnchanged?: number | undefined;
  readonly pullEdits?: number | undefined;
  /** Over the hover phases, medians over the runs (undefined without /proc): see serverRun.ts. */
  readonly hoverStealPct?: number | undefined;
  readonly hoverIdlePct?: number | undefined;
  /** The server's non-voluntary context switches per 1,000 hover requests (warm-up included). */
  readonly hoverNonvoluntarySwitchesPer1000?: number | undefined;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)!;
}

/** Nearest-rank percentile; undefined for no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

const ms = (v: number | undefined) => (v === undefined ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (v: number | undefined, floor: number) => (v === undefined ? '' : ` (${(v / floor).toFixed(2)}×)`);

const HEADER = ['docs', 'lines', 'MB', 'runs', 'parse floor ms (first in a process)', 'open→diags ms (×floor)', 'edit→diags ms (×floor)', 'hover p50/p95 ms', 'hover p95 edited doc (round trip)', 'round trip p50/p95', 'codeAction ms', 'peak RSS MB'];

function row(r: SizeResult): string[] {
  const hover = `${ms(r.hoverP50Ms)} / ${ms(r.hoverP95Ms)}${r.hoverAnswered === 0 ? ' (null)' : ''}`;
  return [
    String(r.docs),
    String(r.lines),
    (r.bytes / 1024 / 1024).toFixed(2),
    String(r.runs),
    `${ms(r.floorMs)} (${ms(r.coldFloorMs)})`,
    `${ms(r.firstDiagnosticsMs)}${ratio(r.firstDiagnosticsMs, r.floorMs)} [${r.diagnosticsCount}]`,
    `${ms(r.editMs)}${ratio(r.editMs, r.floorMs)}`,
    hover,
    `${ms(r.hoverEditedP95Ms)} (${ms(r.roundTripEditedP95Ms)})`,
    `${ms(r.roundTripP50Ms)} / ${ms(r.roundTripP95Ms)}`,
    `${ms(r.codeActionMs)} [${r.codeActionCount}]`,
    r.peakRssMb.toFixed(0),
  ];
}

/** Targets from issue #8, checked on the sizes they name. */
function verdicts(results: readonly SizeResult[]): string[] {
  const at = (n: number) => results.find((r) => r.docs === n);
  const out: string[] = [];
  const check = (label: string, ok: boolean | undefined) => {
    if (ok !== undefined) out.push(`${ok ? 'PASS' : 'MISS'}  ${label}`);
  };
  const k1 = at(1000);
  const k5 = at(5000);
  check(`open→diagnostics ≤ 2× parse floor at 1,000 docs (${k1 && (k1.firstDiagnosticsMs / k1.floorMs).toFixed(2)}×)`, k1 && k1.firstDiagnosticsMs <= 2 * k1.floorMs);
  if (k1) out.push(`      (${(k1.firstDiagnosticsMs / k1.coldFloorMs).toFixed(2)}× yaml's first parse in a fresh process, which is what a new server does)`);
  check(`edit→diagnostics ≤ 30 ms at 5,000 docs (${k5 && ms(k5.editMs)} ms)`, k5 && k5.editMs <= 30);
  const p95 = Math.max(...results.map((r) => r.hoverP95Ms ?? 0));
  check(`hover p95 ≤ 2 ms at every size, random lines (worst ${ms(p95)} ms)`, results.length > 0 ? p95 <= 2 : undefined);
  const edited = Math.max(...results.map((r) => r.hoverEditedP95Ms ?? 0));
  check(`hover p95 ≤ 2 ms at every size, in the edited document (worst ${ms(edited)} ms)`, results.length > 0 ? edited <= 2 : undefined);
  const trip = Math.max(...results.flatMap((r) => [r.roundTripP95Ms ?? 0, r.roundTripEditedP95Ms ?? 0]));
  if (results.length > 0) out.push(`      (a request answered without work, between the same hovers: p95 up to ${ms(trip)} ms)`);
  check(`peak RSS ≤ 200 MB at 5,000 docs (${k5?.peakRssMb.toFixed(0)} MB)`, k5 && k5.peakRssMb <= 200);
  return out;
}

/** Under the table, one line per figure, a size after another: what the machine did during the hovers, and the documentInfo requests. */
function notesBelowTable(results: readonly SizeResult[]): string[] {
  const docs = (n: number) => `${n} doc${n === 1 ? '' : 's'}`;
  const pct = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)}%`;
  const out: string[] = [];
  const cpu = results.filter((r) => r.hoverStealPct !== undefined);
  if (cpu.length > 0) {
    const cell = (r: SizeResult) => `${docs(r.docs)} ${pct(r.hoverStealPct!)}${r.hoverIdlePct === undefined ? '' : ` (idle ${pct(r.hoverIdlePct)})`}`;
    out.push(`CPU steal during hovers: ${cpu.map(cell).join(', ')}`);
  }
  const switches = results.filter((r) => r.hoverNonvoluntarySwitchesPer1000 !== undefined);
  if (switches.length > 0) {
    const cell = (r: SizeResult) => `${docs(r.docs)} ${r.hoverNonvoluntarySwitchesPer1000!.toFixed(0)}`;
    out.push(`server preempted (non-voluntary context switches) per 1,000 hovers: ${switches.map(cell).join(', ')}`);
  }
  const pulled = results.filter((r) => r.pullEditMs !== undefined);
  if (pulled.length > 0) {
    out.push(`edit→diags pulled as VS Code does (one run; "unchanged" answers): ${pulled.map((r) => `${docs(r.docs)} ${ms(r.pullEditMs)} ms (${r.pullUnchanged} of ${r.pullEdits})`).join(', ')}`);
  }
  out.push(`documentInfo, status bar (one workload) / lenses (every kind line), ms: ${results.map((r) => `${docs(r.docs)} ${ms(r.statusBarMs)} / ${ms(r.lensesMs)}`).join(', ')}`);
  return out;
}

export function formatTable(results: readonly SizeResult[]): string {
  const rows = [HEADER, ...results.map(row)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  const text = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const conditions = notesBelowTable(results);
  if (conditions.length > 0) text.push('', ...conditions);
  text.push('', '[n] = diagnostics published at open / code actions listed; (null) = hover returned nothing.', ...verdicts(results));
  return text.join('\n');
}
