/**
 * Time to first diagnostics in a new session (issue 19: a user waited ~5.5 s for the first
 * squiggle). A fresh server per run, over stdio with the client's Node flags, broken down:
 *
 *   node start      spawning `node <flags> -e 0` until it exits: the floor any server pays
 *   → initialize    spawning the server until its initialize answer (Node, loading the bundle,
 *                   the initialize handler)
 *   → cold open     after `initialized`, didOpen of the first (100-line) file until its
 *                   diagnostics: pushed, and pulled the way VS Code's client pulls (didOpen, then
 *                   textDocument/diagnostic at once)
 *   → warm open     a second file in the same server, once the first has been answered
 *
 * The target is the cold open ≤ 300 ms from didOpen; the table prints it beside the figures.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { PULL_CAPABILITIES, pullDiagnostics, startServer } from '../support/lspClient';
import { median } from './report';

export const FIRST_DIAGNOSTICS_TARGET_MS = 300;

export interface StartupFigures {
  readonly nodeStartMs: number;
  readonly initializeMs: number;
  readonly coldOpenPushMs: number;
  readonly coldOpenPullMs: number;
  readonly warmOpenPushMs: number;
  readonly warmOpenPullMs: number;
  readonly diagnostics: number;
}

function nodeStartMs(): number {
  const t0 = performance.now();
  spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', '0']);
  return performance.now() - t0;
}

/** One fresh server: initialize, then the first file and a second one; `pull` as VS Code's client. */
async function session(first: string, second: string, pull: boolean): Promise<{ initializeMs: number; coldMs: number; warmMs: number; diagnostics: number }> {
  const t0 = performance.now();
  const client = await startServer(pull ? PULL_CAPABILITIES : undefined, {});
  const initializeMs = performance.now() - t0;
  try {
    const open = async (uri: string, text: string): Promise<{ ms: number; count: number }> => {
      const start = performance.now();
      if (pull) {
        client.open(uri, text);
        const report = await pullDiagnostics(client, uri);
        return { ms: performance.now() - start, count: report.items?.length ?? 0 };
      }
      const published = client.nextDiagnostics(uri, 1);
      client.open(uri, text);
      const items = await published;
      return { ms: performance.now() - start, count: items.length };
    };
    const cold = await open('file:///bench/first.yaml', first);
    const warm = await open('file:///bench/second.yaml', second);
    return { initializeMs, coldMs: cold.ms, warmMs: warm.ms, diagnostics: cold.count };
  } finally {
    await client.shutdown();
  }
}

export async function measureStartup(first: string, second: string, runs: number): Promise<StartupFigures> {
  const figures: StartupFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const node = nodeStartMs();
    const push = await session(first, second, false);
    const pulled = await session(first, second, true);
    figures.push({
      nodeStartMs: node,
      initializeMs: median([push.initializeMs, pulled.initializeMs]),
      coldOpenPushMs: push.coldMs,
      coldOpenPullMs: pulled.coldMs,
      warmOpenPushMs: push.warmMs,
      warmOpenPullMs: pulled.warmMs,
      diagnostics: push.diagnostics,
    });
  }
  const med = (pick: (f: StartupFigures) => number) => median(figures.map(pick));
  return {
    nodeStartMs: med((f) => f.nodeStartMs),
    initializeMs: med((f) => f.initializeMs),
    coldOpenPushMs: med((f) => f.coldOpenPushMs),
    coldOpenPullMs: med((f) => f.coldOpenPullMs),
    warmOpenPushMs: med((f) => f.warmOpenPushMs),
    warmOpenPullMs: med((f) => f.warmOpenPullMs),
    diagnostics: figures[0]!.diagnostics,
  };
}

export function formatStartup(f: StartupFigures, lines: number, runs: number): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const verdict = Math.max(f.coldOpenPushMs, f.coldOpenPullMs) <= FIRST_DIAGNOSTICS_TARGET_MS ? 'met' : 'NOT met';
  return [
    `Start-up, a new server per run (${lines}-line file, ${f.diagnostics} diagnostics, median of ${runs}):`,
    `  node start (node -e 0)           ${ms(f.nodeStartMs)}`,
    `  spawn → initialize answered      ${ms(f.initializeMs)}`,
    `  cold: didOpen → diagnostics      ${ms(f.coldOpenPushMs)} pushed, ${ms(f.coldOpenPullMs)} pulled   (target ≤ ${FIRST_DIAGNOSTICS_TARGET_MS} ms: ${verdict})`,
    `  warm: didOpen → diagnostics      ${ms(f.warmOpenPushMs)} pushed, ${ms(f.warmOpenPullMs)} pulled (a second file)`,
    `  spawn → first diagnostics        ${ms(f.initializeMs + f.coldOpenPushMs)} pushed, ${ms(f.initializeMs + f.coldOpenPullMs)} pulled`,
  ].join('\n');
}
