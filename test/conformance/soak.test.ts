/**
 * The random-edit soak, for a bounded time (60 s; KW_SOAK_SECONDS changes it): real manifests
 * from the shared corpus in one file, edited at random offsets through the built server over
 * stdio, each edit followed by a request of every kind the server answers (hover, completion,
 * code actions and their resolve, documentInfo). Every request must be answered (liveness: within
 * 30 s, else the server hangs), none with an internal error, and every few edits the pushed
 * diagnostics of the current version must equal a fresh analysis of the same text. Prints its
 * figures.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { DocumentInfoRequest } from '../../server/src/protocol';
import { int, pick, prng, type Random } from '../bench/manifests';
import { loadCorpus } from '../fuzz/fuzzRun';
import { startServer, type TestClient } from '../support/lspClient';

const SECONDS = Number(process.env.KW_SOAK_SECONDS ?? 60);
const SEED = 20261203;
const LIVENESS_MS = 30_000;
const COMPARE_EVERY = 10;
const CONTENT_MODIFIED = -32801;
const URI = 'file:///soak.yaml';

/** Text an edit inserts: YAML's structural characters, keys and values the rules look at. */
const PIECES = ['\n', '  ', ': ', '- ', '---\n', '#', '"', "'", '{', '}', '[', ']', ',', 'x', '0', 'replicas: 3', 'kind: StatefulSet', 'image: nginx:latest', 'cpu: 500m', '&a ', '*a', '\t', 'é'];

function randomEdit(text: string, random: Random): { start: number; end: number; insert: string } {
  const start = int(random, 0, text.length);
  const remove = random() < 0.5 ? int(random, 0, Math.min(40, text.length - start)) : 0;
  const insert = random() < 0.7 ? pick(random, PIECES) : '';
  return { start, end: start + remove, insert };
}

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity} ${String(d.message)}`;
}

function within<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`liveness: ${what} not answered within ${LIVENESS_MS / 1000} s`)), LIVENESS_MS)));
  return Promise.race([request, hang]).finally(() => clearTimeout(timer));
}

describe('random-edit soak through the server', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0, 'the server is alive at the end and exits cleanly');
    assert.deepEqual(client.stderr, []);
  });

  test(`${SECONDS} s of edits interleaved with every request; incremental diagnostics equal a fresh analysis`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const random = prng(SEED);
    const corpus = loadCorpus();
    // A file of a dozen real manifests, so edits cross documents, and the file stays small enough
    // for many edits per second.
    let text = Array.from({ length: 12 }, () => pick(random, corpus)).join('\n---\n');
    let version = 1;
    const opened = client.nextDiagnostics(URI, version);
    client.open(URI, text, version);
    await within('the first diagnostics', opened);
    const figures = { edits: 0, requests: 0, resolves: 0, contentModified: 0, comparisons: 0, slowestMs: 0 };
    const mismatches: string[] = [];
    const failures: string[] = [];
    const request = async <T>(method: string, params: unknown): Promise<T | undefined> => {
      const t0 = performance.now();
      figures.requests++;
      try {
        return await within(method, client.connection.sendRequest(method, params) as Promise<T>);
      } catch (error) {
        const code = (error as { code?: number }).code;
        if (code === CONTENT_MODIFIED && method === 'codeAction/resolve') figures.contentModified++;
        else failures.push(`${method} at version ${version}: ${(error as Error).message}`);
        return undefined;
      } finally {
        figures.slowestMs = Math.max(figures.slowestMs, performance.now() - t0);
      }
    };
    let stale: CodeAction | undefined;
    const started = performance.now();
    while (performance.now() - started < SECONDS * 1000 && failures.length === 0) {
      const edit = randomEdit(text, random);
      const doc = TextDocument.create(URI, 'yaml', version, text);
      const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
      text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
      version++;
      figures.edits++;
      const compare = figures.edits % COMPARE_EVERY === 0;
      const published = compare ? client.nextDiagnostics(URI, version) : undefined;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range, text: edit.insert }] });
      const now = TextDocument.create(URI, 'yaml', version, text);
      const position = now.positionAt(int(random, 0, text.length));
      const textDocument = { uri: URI };
      switch (figures.edits % 5) {
        case 0:
          await request('textDocument/hover', { textDocument, position });
          break;
        case 1:
          await request('textDocument/completion', { textDocument, position });
          break;
        case 2: {
          const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
          // Resolve one offered now, and the one offered an edit ago (stale: content modified).
          const offered = actions?.find((a) => a.data !== undefined);
          for (const action of [offered, stale]) {
            if (!action) continue;
            figures.resolves++;
            await request('codeAction/resolve', action);
          }
          stale = offered;
          break;
        }
        case 3:
          await request(DocumentInfoRequest.method, { uri: URI, position, scope: 'active' });
          break;
        default:
          await request(DocumentInfoRequest.method, { uri: URI, scope: 'kindLines' });
      }
      if (published) {
        const incremental = (await within(`diagnostics of version ${version}`, published)).map(key).sort();
        const fresh = computeDiagnostics(parseFile(TextDocument.create('file:///fresh.yaml', 'yaml', version, text)), DEFAULT_SETTINGS, { docsBase: '' }).map(key).sort();
        figures.comparisons++;
        if (incremental.join('\n') !== fresh.join('\n')) mismatches.push(`version ${version}: ${incremental.length} incremental vs ${fresh.length} fresh`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `soak: ${seconds.toFixed(0)} s, ${figures.edits} edits, ${figures.requests} requests (${figures.resolves} resolves, ${figures.contentModified} answered "content modified"), ` +
        `${figures.comparisons} comparisons with a fresh analysis, slowest answer ${figures.slowestMs.toFixed(0)} ms, ${(figures.edits / seconds).toFixed(0)} edits/s`,
    );
    assert.deepEqual(failures.slice(0, 5), [], 'every request answered, none with an error');
    assert.deepEqual(mismatches.slice(0, 5), [], 'incremental diagnostics equal a fresh analysis');
    assert.ok(figures.comparisons >= 10, `enough comparisons to mean something: ${figures.comparisons}`);
  });
});
