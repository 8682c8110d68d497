import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { renderPanel, type PanelHandlers } from '../../client/webview/render';
import { KINDS, type Kind, type PanelStrings, type PanelView } from '../../client/webview/messages';

const STRINGS: PanelStrings = {
  title: 'Kinds',
  caption: 'Compared',
  aspect: 'Aspect',
  thisManifest: 'This manifest',
  noWorkload: 'No workload here',
  nothingSet: 'Nothing set',
  pickWorkload: 'Workload:',
  factsUnavailable: 'No facts',
  convertTo: 'Convert to {0}',
  actions: 'Convert',
  currentKind: 'Kind at the cursor',
  drops: 'Drops: {0}',
  dropsNothing: 'Drops nothing',
};

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function view(overrides: Partial<PanelView> = {}): PanelView {
  const values = Object.fromEntries(KINDS.map((k) => [k, `${k} scales with \`replicas\``])) as Record<Kind, string>;
  return {
    strings: STRINGS,
    rows: [{ id: 'scaling', label: 'Scaling', values }],
    workloads: [{ index: 0, kind: 'StatefulSet', name: 'db' }],
    selected: 0,
    manifest: [{ field: 'replicas', value: '3' }],
    conversions: [
      { kind: 'Deployment', dropped: ['serviceName db: a Deployment has no headless Service.', 'volumeClaimTemplates: each claim template became one shared claim.'] },
      { kind: 'DaemonSet', dropped: ['replicas 3: a DaemonSet runs one pod per eligible node.'] },
      { kind: 'ReplicaSet', dropped: undefined },
    ],
    status: '',
    ...overrides,
  };
}

function render(v: PanelView) {
  const window = new Window();
  const document = window.document as unknown as Document;
  const root = document.createElement('main');
  document.body.append(root);
  const calls: string[] = [];
  const handlers: PanelHandlers = {
    selectWorkload: (index) => calls.push(`select ${index}`),
    convert: (index, kind) => calls.push(`convert ${index} ${kind}`),
  };
  renderPanel(document, root, v, handlers);
  const q = (testid: string) => root.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  return { root, calls, q };
}

describe('comparison panel rendering', () => {
  test('four kind columns with header semantics; the selected kind comes first and is highlighted', () => {
    const { root, q } = render(view());
    const headers = Array.from(root.querySelectorAll('thead th')).map((th) => [th.textContent, th.getAttribute('scope')]);
    assert.deepEqual(headers, [['Aspect', 'col'], ...['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet'].map((k) => [k, 'col'])]);
    const cells = Array.from(q('fact-scaling')!.querySelectorAll('td'));
    assert.deepEqual(cells.map((td) => td.dataset.kind), ['StatefulSet', 'Deployment', 'DaemonSet', 'ReplicaSet']);
    assert.ok(cells[0]!.classList.contains('highlighted'));
    assert.ok(q('kind-column-StatefulSet')!.classList.contains('highlighted'));
    assert.equal(q('kind-column-StatefulSet')!.getAttribute('aria-current'), 'true');
    assert.equal(root.querySelectorAll('thead .highlighted').length, 1);
    assert.equal(root.querySelector('tbody th')!.getAttribute('scope'), 'row');
    assert.equal(root.querySelector('caption')!.textContent, 'Compared');
  });

  test('fact texts keep their code spans as <code>, nothing else as markup', () => {
    const { q } = render(view());
    const cell = q('fact-scaling')!.querySelectorAll('td')[1]!;
    assert.equal(cell.textContent, 'Deployment scales with replicas');
    assert.equal(cell.querySelector('code')!.textContent, 'replicas');
  });

  test('"this manifest" comes before the table, with the kind, the name and the document values', () => {
    const { root, q } = render(view());
    const manifest = q('this-manifest')!;
    assert.equal(manifest.compareDocumentPosition(q('comparison-table')!) & 4, 4, 'the table follows the manifest section');
    assert.equal(manifest.querySelector('h2')!.textContent, 'This manifest StatefulSet db');
    assert.equal(q('manifest-values')!.textContent, 'replicas3');
    assert.equal(root.querySelectorAll('tbody [data-testid="this-manifest"]').length, 0);
  });

  test('each convert button says what the conversion drops, with the reasons on hover', () => {
    const { q } = render(view());
    assert.equal(q('drops-Deployment')!.textContent, 'Drops: serviceName db, volumeClaimTemplates');
    assert.match(q('drops-Deployment')!.title, /headless Service[\s\S]*shared claim/);
    assert.equal(q('convert-Deployment')!.getAttribute('aria-describedby'), 'drops-Deployment');
    assert.equal(q('drops-DaemonSet')!.textContent, 'Drops: replicas 3');
    assert.equal(q('drops-ReplicaSet'), null, 'no claim when the preview failed');
    assert.equal(render(view({ conversions: [{ kind: 'Deployment', dropped: [] }] })).q('drops-Deployment')!.textContent, 'Drops nothing');
  });

  test('convert buttons for the other kinds call back with the workload and target', () => {
    const { q, calls } = render(view());
    assert.equal(q('convert-StatefulSet'), null, 'no button to convert to the same kind');
    const button = q('convert-DaemonSet')!;
    assert.equal(button.tagName, 'BUTTON');
    assert.equal(button.getAttribute('type'), 'button');
    assert.equal(button.textContent, 'Convert to DaemonSet');
    button.click();
    assert.deepEqual(calls, ['convert 0 DaemonSet']);
  });

  test('names and values containing HTML and <script> are shown as text', () => {
    const { root, q } = render(
      view({
        workloads: [
          { index: 0, kind: 'StatefulSet', name: HOSTILE },
          { index: 1, kind: 'Deployment', name: '</option><script>x</script>' },
        ],
        manifest: [{ field: 'serviceName', value: HOSTILE }],
        rows: [{ id: 'x"><script>', label: HOSTILE, values: Object.fromEntries(KINDS.map((k) => [k, HOSTILE])) as Record<Kind, string> }],
        status: HOSTILE,
      }),
    );
    assert.equal(root.querySelectorAll('script, img').length, 0, 'no element was created from document text');
    assert.equal(q('manifest-values')!.querySelector('dd')!.textContent, HOSTILE);
    assert.equal(root.querySelector('tbody th')!.textContent, HOSTILE);
    assert.equal(q('status')!.textContent, HOSTILE);
    const options = Array.from(q('workload-picker')!.querySelectorAll('option')).map((o) => o.textContent);
    assert.deepEqual(options, [`StatefulSet ${HOSTILE}`, 'Deployment </option><script>x</script>']);
    assert.ok(root.innerHTML.includes('&lt;script&gt;'));
  });

  test('a picker appears only when the file holds several workloads, and reports the choice', () => {
    assert.equal(render(view()).q('workload-picker'), null);
    const { q, calls, root } = render(view({ workloads: [{ index: 0, kind: 'StatefulSet', name: 'db' }, { index: 2, kind: 'DaemonSet', name: 'agent' }] }));
    const select = q('workload-picker') as HTMLSelectElement;
    assert.equal(root.querySelector('label')!.getAttribute('for'), select.id);
    select.value = '2';
    select.dispatchEvent(new select.ownerDocument.defaultView!.Event('change'));
    assert.deepEqual(calls, ['select 2']);
  });

  test('without a workload at the cursor nothing is highlighted and there are no convert buttons', () => {
    const { root, q } = render(view({ workloads: [], selected: undefined, manifest: [], conversions: [] }));
    assert.equal(root.querySelectorAll('.highlighted').length, 0);
    assert.equal(root.querySelectorAll('button').length, 0);
    assert.equal(q('this-manifest')!.querySelector('p')!.textContent, 'No workload here');
    assert.deepEqual(Array.from(root.querySelectorAll('thead th')).map((th) => th.textContent), ['Aspect', ...KINDS]);
  });

  test('a status region announces results politely', () => {
    const { q } = render(view({ status: 'Converted to Deployment.' }));
    assert.equal(q('status')!.getAttribute('role'), 'status');
    assert.equal(q('status')!.getAttribute('aria-live'), 'polite');
    assert.equal(q('status')!.textContent, 'Converted to Deployment.');
  });
});
