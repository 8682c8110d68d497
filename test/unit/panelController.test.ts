import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PanelController, type PanelBackend, type PanelTarget } from '../../client/src/panel/panelController';
import { contentSecurityPolicy, createNonce, escapeHtml, panelHtml } from '../../client/src/panel/panelHtml';
import { KINDS, isHostMessage, isWebviewMessage, type HostMessage, type PanelStrings } from '../../client/webview/messages';
import type { DocumentInfoRequest, KindFactsRequest } from '../../server/src/protocol';

const STRINGS = Object.fromEntries(
  ['title', 'caption', 'aspect', 'thisManifest', 'noWorkload', 'nothingSet', 'pickWorkload', 'factsUnavailable', 'convertTo', 'actions', 'currentKind', 'drops', 'dropsNothing'].map((k) => [k, k]),
) as unknown as PanelStrings;

const FACTS: KindFactsRequest.Result = {
  rows: [
    { id: 'scaling', label: 'Scaling', values: { Deployment: 'd', StatefulSet: 's', DaemonSet: 'n', ReplicaSet: 'r' } },
    // A row missing a kind is not shown rather than rendered with a hole.
    { id: 'broken', label: 'Broken', values: { Deployment: 'd' } as never },
  ],
};

function workload(index: number, kind: DocumentInfoRequest.Workload['kind'], name: string, line: number): DocumentInfoRequest.Workload {
  const at = { line, character: 0 };
  return { index, kind, apiVersion: 'apps/v1', name, range: { start: at, end: at }, kindRange: { start: { line: line + 1, character: 0 }, end: at }, values: { 'spec.replicas': '3' } };
}

const FILE: DocumentInfoRequest.Result = { workloads: [workload(0, 'StatefulSet', 'db', 0), workload(2, 'DaemonSet', 'agent', 20)], active: 1 };

function setup(info: DocumentInfoRequest.Result = FILE) {
  const posted: HostMessage[] = [];
  const calls: string[] = [];
  let factsCalls = 0;
  const backend: PanelBackend = {
    documentInfo: async (t) => (calls.push(`info ${t.uri} ${t.position.line}`), info),
    kindFacts: async () => (factsCalls++, FACTS),
    convert: async (uri, position, kind) => (calls.push(`convert ${uri} ${position.line} ${kind}`), `Converted to ${kind}.`),
    dropped: async (uri, position, kind) => {
      calls.push(`dropped ${uri} ${position.line} ${kind}`);
      if (kind === 'ReplicaSet') throw new Error('no preview');
      return kind === 'Deployment' ? ['updateStrategy: a Deployment has strategy instead.'] : [];
    },
  };
  const controller = new PanelController(backend, (m) => posted.push(m), STRINGS);
  const last = () => posted[posted.length - 1]!.view;
  return { controller, posted, calls, last, factsCalls: () => factsCalls };
}

const TARGET: PanelTarget = { uri: 'file:///a.yaml', position: { line: 22, character: 3 } };

describe('panel controller', () => {
  test('following the cursor posts a valid view of the workload there', async () => {
    const { controller, posted, last } = setup();
    await controller.follow(TARGET);
    assert.equal(posted.length, 1);
    assert.ok(isHostMessage(posted[0]), 'the host sends only messages its own validator accepts');
    assert.equal(last().selected, 2);
    assert.deepEqual(last().workloads.map((w) => w.name), ['db', 'agent']);
    assert.deepEqual(last().manifest, [{ field: 'replicas', value: '3' }]);
    assert.deepEqual(last().rows.map((r) => r.id), ['scaling']);
  });

  test('the view says what converting the selected workload to each other kind drops, applying nothing', async () => {
    const { controller, calls, last } = setup();
    await controller.follow(TARGET);
    assert.deepEqual(calls.filter((c) => c.startsWith('dropped')).sort(), ['dropped file:///a.yaml 21 Deployment', 'dropped file:///a.yaml 21 ReplicaSet', 'dropped file:///a.yaml 21 StatefulSet']);
    assert.equal(calls.filter((c) => c.startsWith('convert')).length, 0);
    assert.deepEqual(last().conversions, [
      { kind: 'Deployment', dropped: ['updateStrategy: a Deployment has strategy instead.'] },
      { kind: 'StatefulSet', dropped: [] },
      { kind: 'ReplicaSet', dropped: undefined },
    ]);
  });

  test('the webview picks another workload; moving the cursor takes over again', async () => {
    const { controller, last } = setup();
    await controller.follow(TARGET);
    await controller.handle({ type: 'selectWorkload', index: 0 });
    assert.equal(last().selected, 0);
    await controller.follow({ ...TARGET, position: { line: 23, character: 0 } });
    assert.equal(last().selected, 2);
  });

  test('outside any workload the first one of the file is shown', async () => {
    const { controller, last } = setup({ ...FILE, active: undefined });
    await controller.follow(TARGET);
    assert.equal(last().selected, 0);
  });

  test('convert asks the backend at the workload kind line and reports the outcome', async () => {
    const { controller, calls, last } = setup();
    await controller.follow(TARGET);
    await controller.handle({ type: 'convert', index: 2, targetKind: 'Deployment' });
    assert.deepEqual(calls.filter((c) => c.startsWith('convert')), ['convert file:///a.yaml 21 Deployment']);
    assert.equal(last().status, 'Converted to Deployment.');
  });

  test('invalid or forged messages are ignored', async () => {
    const { controller, posted, calls } = setup();
    await controller.follow(TARGET);
    for (const bad of [null, 'ready', { type: 'convert', index: 2, targetKind: 'Pod' }, { type: 'convert', index: -1, targetKind: 'Deployment' }, { type: 'eval', code: 'x' }, { type: 'selectWorkload', index: '0' }]) {
      await controller.handle(bad);
    }
    assert.equal(posted.length, 1);
    assert.equal(calls.filter((c) => c.startsWith('convert')).length, 0);
  });

  test('converting to the kind it already is does nothing', async () => {
    const { controller, calls } = setup();
    await controller.follow(TARGET);
    await controller.handle({ type: 'convert', index: 2, targetKind: 'DaemonSet' });
    assert.equal(calls.filter((c) => c.startsWith('convert')).length, 0);
  });

  test('the facts are asked for once', async () => {
    const { controller, factsCalls } = setup();
    await controller.follow(TARGET);
    await controller.handle({ type: 'ready' });
    await controller.refresh();
    assert.equal(factsCalls(), 1);
  });

  test('a server failure shows the panel without facts instead of failing', async () => {
    const { posted } = setup();
    const controller = new PanelController(
      { documentInfo: () => Promise.reject(new Error('down')), kindFacts: () => Promise.reject(new Error('down')), convert: async () => '', dropped: async () => [] },
      (m) => posted.push(m),
      STRINGS,
    );
    await controller.follow(TARGET);
    assert.deepEqual(posted[0]!.view.rows, []);
    assert.deepEqual(posted[0]!.view.workloads, []);
  });

  test('a slow answer does not overwrite a newer one', async () => {
    const posted: HostMessage[] = [];
    let release: (() => void) | undefined;
    const slow = new Promise<void>((r) => (release = r));
    const controller = new PanelController(
      {
        documentInfo: async (t) => {
          if (t.position.line === 1) await slow;
          return { workloads: [workload(0, t.position.line === 1 ? 'ReplicaSet' : 'Deployment', 'x', 0)], active: 0 };
        },
        kindFacts: async () => FACTS,
        convert: async () => '',
        dropped: async () => [],
      },
      (m) => posted.push(m),
      STRINGS,
    );
    const first = controller.follow({ uri: 'file:///a', position: { line: 1, character: 0 } });
    await controller.follow({ uri: 'file:///a', position: { line: 2, character: 0 } });
    release!();
    await first;
    assert.deepEqual(posted.map((m) => m.view.workloads[0]!.kind), ['Deployment']);
  });
});

describe('message validation', () => {
  test('webview messages', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'convert', index: 0, targetKind: 'StatefulSet' }));
    assert.ok(!isWebviewMessage({ type: 'convert', index: 0.5, targetKind: 'StatefulSet' }));
    assert.ok(!isWebviewMessage({ type: 'selectWorkload' }));
    assert.ok(!isWebviewMessage([{ type: 'ready' }]));
  });

  test('host messages: a view with a missing string or a wrong kind is rejected', () => {
    const view = { strings: STRINGS, rows: [], workloads: [{ index: 0, kind: 'Deployment', name: 'x' }], selected: 0, manifest: [], conversions: [{ kind: 'DaemonSet', dropped: ['replicas 3: why'] }], status: '' };
    assert.ok(isHostMessage({ type: 'view', view }));
    assert.ok(!isHostMessage({ type: 'view', view: { ...view, conversions: [{ kind: 'Pod', dropped: [] }] } }));
    assert.ok(!isHostMessage({ type: 'view', view: { ...view, conversions: [{ kind: 'DaemonSet', dropped: [1] }] } }));
    assert.ok(!isHostMessage({ type: 'view', view: { ...view, strings: { ...STRINGS, title: 1 } } }));
    assert.ok(!isHostMessage({ type: 'view', view: { ...view, workloads: [{ index: 0, kind: 'Pod', name: 'x' }] } }));
    assert.ok(!isHostMessage({ type: 'view', view: { ...view, rows: [{ id: 'a', label: 'b', values: { Deployment: 'x' } }] } }));
    assert.equal(KINDS.length, 4);
  });
});

describe('panel host page', () => {
  const html = panelHtml({ cspSource: 'vscode-resource:', nonce: 'abc123==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/panel.css', title: 'T <b>', lang: 'en' });

  test('a strict CSP: nothing by default, scripts only with the nonce', () => {
    assert.equal(contentSecurityPolicy('vscode-resource:', 'n'), "default-src 'none'; script-src 'nonce-n'; style-src vscode-resource:; img-src vscode-resource:; font-src vscode-resource:");
    assert.ok(html.includes(`content="default-src &#39;none&#39;; script-src &#39;nonce-abc123==&#39;`));
  });

  test('one script, from dist/, carrying the nonce; no inline script or handlers', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]![1], '', 'the script element has no inline code');
    assert.match(scripts[0]![0], /nonce="abc123=="/);
    assert.match(scripts[0]![0], /src="https:\/\/x\/dist\/webview\.js"/);
    assert.doesNotMatch(html, /\son\w+=/);
    assert.ok(html.includes('T &#60;b&#62;'));
  });

  test('nonces are random and long enough', () => {
    const a = createNonce();
    assert.notEqual(a, createNonce());
    assert.ok(Buffer.from(a, 'base64').length >= 16);
    assert.equal(escapeHtml(`"'<>&`), '&#34;&#39;&#60;&#62;&#38;');
  });
});
