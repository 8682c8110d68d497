/**
 * Opening a large bundle over stdio: its first analysis runs a slice at a time, with progress the
 * editor can show, and the server answers other files meanwhile instead of freezing for seconds.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { DEFAULT_CAPABILITIES, PULL_CAPABILITIES, pullDiagnostics, startServer, type TestClient } from '../support/lspClient';
import { generateManifest } from '../bench/manifests';
import { SLICED_OPEN } from '../../server/src/lsp/serverHost';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { computeDiagnostics } from '../../server/src/core/features/diagnostics';
import { prepareDocument } from '../../server/src/core/features/prepareDocument';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';

const BIG = 'file:///big.yaml';
const SMALL = 'file:///small.yaml';
const BIG_TEXT = generateManifest(600, 3);

interface Progress {
  readonly token: string;
  readonly value: { readonly kind: 'begin' | 'report' | 'end'; readonly title?: string; readonly percentage?: number; readonly message?: string };
}

async function until(what: string, test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('opening a large bundle', () => {
  let client: TestClient;
  const created: string[] = [];
  const progress: Progress[] = [];
  before(async () => {
    client = await startServer({ ...DEFAULT_CAPABILITIES, window: { workDoneProgress: true } });
    client.connection.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
      created.push(p.token);
      return null;
    });
    client.connection.onNotification('$/progress', (p: Progress) => void progress.push(p));
  });
  after(() => client.shutdown());

  test('is analysed in slices: the editor is shown progress, and another file is answered meanwhile', async () => {
    assert.ok(BIG_TEXT.length > SLICED_OPEN, 'the bundle is large enough to be analysed in slices');
    const order: string[] = [];
    const bigDiagnostics = client.nextDiagnostics(BIG).then((d) => (order.push('big file diagnostics'), d));
    client.open(BIG, BIG_TEXT);
    await until('the analysis to begin', () => progress.some((p) => p.value.kind === 'begin'));

    client.open(SMALL, generateManifest(1, 7));
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: SMALL },
      position: { line: 4, character: 3 },
    })) as Hover | null;
    order.push('hover in another file');
    assert.ok(hover, 'the hover answers');
    const diagnostics: Diagnostic[] = await bigDiagnostics;
    assert.deepEqual(order, ['hover in another file', 'big file diagnostics']);

    const ofBig = progress.filter((p) => p.token === created[0]);
    assert.equal(created.length, 1, 'one progress, for the large file only');
    assert.equal(ofBig[0]?.value.kind, 'begin');
    assert.match(ofBig[0]!.value.title!, /analysing big\.yaml/);
    assert.equal(ofBig.at(-1)?.value.kind, 'end');
    const percentages = ofBig.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
    assert.ok(percentages.length >= 2, `reports on the way (${percentages.join(', ')})`);
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'percentages only grow');
    assert.match(ofBig[1]!.value.message!, /^\d+ of \d+ documents$/);

    // The same findings as a parse in one go.
    const whole = parseFile(TextDocument.create(BIG, 'yaml', 1, BIG_TEXT), { onDocument: (p) => prepareDocument(p, DEFAULT_SETTINGS) });
    const expected = computeDiagnostics(whole, DEFAULT_SETTINGS, { docsBase: 'x' });
    assert.ok(expected.length > 50);
    const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`;
    assert.deepEqual(diagnostics.map(key), expected.map(key));
  });

  test('closed while it is analysed: the pull waiting for it gets an empty report, the progress ends, nothing is analysed for it', async () => {
    const pulling = await startServer({ ...PULL_CAPABILITIES, window: { workDoneProgress: true } });
    try {
      const events: Progress[] = [];
      pulling.connection.onRequest('window/workDoneProgress/create', () => null);
      pulling.connection.onNotification('$/progress', (p: Progress) => void events.push(p));
      pulling.open(BIG, BIG_TEXT);
      const pulled = pullDiagnostics(pulling, BIG);
      await until('the analysis to begin', () => events.some((p) => p.value.kind === 'begin'));
      await pulling.connection.sendNotification('textDocument/didClose', { textDocument: { uri: BIG } });
      const report = await pulled;
      assert.deepEqual(report.items, [], 'nothing for a file the editor closed');
      await until('the progress to end', () => events.some((p) => p.value.kind === 'end'));
      const reports = events.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
      assert.ok(reports.every((p) => p < 100), `it stopped before the end (${reports.join(', ')})`);
      // The server goes on answering, and a reopened file is analysed afresh.
      pulling.open(BIG, BIG_TEXT, 2);
      const again = await pullDiagnostics(pulling, BIG);
      assert.ok(again.items!.length > 50);
    } finally {
      await pulling.shutdown();
    }
  });
});
