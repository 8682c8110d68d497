/**
 * Builds the comparison panel's DOM from a PanelView. Every text that comes from a document or
 * from the server goes in through textContent (or an attribute set with setAttribute), never as
 * markup, so a workload named `<script>…` shows as those characters. The functions take the
 * `document` to build with, so tests can run them against happy-dom.
 */
import { KINDS, selectedKind, type FactRow, type Kind, type PanelView } from './messages';

export interface PanelHandlers {
  selectWorkload(index: number): void;
  convert(index: number, targetKind: Kind): void;
}

/** Replaces the contents of `root` with the panel for `view`. */
export function renderPanel(doc: Document, root: HTMLElement, view: PanelView, handlers: PanelHandlers): void {
  const heading = el(doc, 'h1', view.strings.title);
  const parts: Node[] = [heading];
  if (view.workloads.length > 1) parts.push(renderPicker(doc, view, handlers));
  parts.push(renderTable(doc, view, handlers));
  const status = el(doc, 'p', view.status);
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.dataset.testid = 'status';
  parts.push(status);
  root.replaceChildren(...parts);
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fact texts are short Markdown; only `code spans` are honoured, the rest stays plain text. */
export function inlineCode(doc: Document, text: string): Node[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? el(doc, 'code', part) : doc.createTextNode(part)));
}

function renderPicker(doc: Document, view: PanelView, handlers: PanelHandlers): HTMLElement {
  const wrap = el(doc, 'div');
  wrap.className = 'picker';
  const label = el(doc, 'label', view.strings.pickWorkload);
  const select = el(doc, 'select');
  select.id = 'workload-picker';
  select.dataset.testid = 'workload-picker';
  label.htmlFor = select.id;
  for (const w of view.workloads) {
    const option = el(doc, 'option', `${w.kind} ${w.name}`.trim());
    option.value = String(w.index);
    option.selected = w.index === view.selected;
    select.append(option);
  }
  select.addEventListener('change', () => handlers.selectWorkload(Number(select.value)));
  wrap.append(label, select);
  return wrap;
}

function renderTable(doc: Document, view: PanelView, handlers: PanelHandlers): HTMLTableElement {
  const active = selectedKind(view);
  const table = el(doc, 'table');
  table.dataset.testid = 'comparison-table';
  table.append(el(doc, 'caption', view.strings.caption));
  const head = el(doc, 'thead');
  const headRow = el(doc, 'tr');
  headRow.append(headerCell(doc, view.strings.aspect, 'col'));
  for (const kind of KINDS) {
    const th = headerCell(doc, kind, 'col');
    th.dataset.testid = `kind-column-${kind}`;
    if (kind === active) markActive(th, view.strings.currentKind);
    headRow.append(th);
  }
  head.append(headRow);
  const body = el(doc, 'tbody');
  if (view.rows.length === 0) body.append(messageRow(doc, view.strings.factsUnavailable));
  for (const row of view.rows) body.append(factRow(doc, row, active));
  body.append(manifestRow(doc, view, active), actionRow(doc, view, active, handlers));
  table.append(head, body);
  return table;
}

function headerCell(doc: Document, text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const th = el(doc, 'th', text);
  th.scope = scope;
  return th;
}

function markActive(cell: HTMLElement, label: string): void {
  cell.classList.add('highlighted');
  cell.setAttribute('aria-current', 'true');
  if (cell.tagName === 'TH') cell.title = label;
}

function messageRow(doc: Document, text: string): HTMLTableRowElement {
  const tr = el(doc, 'tr');
  const td = el(doc, 'td', text);
  td.colSpan = KINDS.length + 1;
  tr.append(td);
  return tr;
}

function factRow(doc: Document, row: FactRow, active: Kind | undefined): HTMLTableRowElement {
  const tr = el(doc, 'tr');
  tr.dataset.testid = `fact-${row.id}`;
  tr.append(headerCell(doc, row.label, 'row'));
  for (const kind of KINDS) {
    const td = el(doc, 'td');
    td.append(...inlineCode(doc, row.values[kind]));
    if (kind === active) markActive(td, '');
    tr.append(td);
  }
  return tr;
}

/** "This manifest": the selected document's own values, in its kind's column. */
function manifestRow(doc: Document, view: PanelView, active: Kind | undefined): HTMLTableRowElement {
  const tr = el(doc, 'tr');
  tr.className = 'manifest';
  tr.dataset.testid = 'this-manifest';
  tr.append(headerCell(doc, view.strings.thisManifest, 'row'));
  for (const kind of KINDS) {
    const td = el(doc, 'td');
    if (kind === active) {
      markActive(td, '');
      td.append(view.manifest.length ? manifestList(doc, view) : doc.createTextNode(view.strings.nothingSet));
    } else if (!active && kind === KINDS[0]) {
      td.textContent = view.strings.noWorkload;
    }
    tr.append(td);
  }
  return tr;
}

function manifestList(doc: Document, view: PanelView): HTMLDListElement {
  const dl = el(doc, 'dl');
  dl.dataset.testid = 'manifest-values';
  for (const { field, value } of view.manifest) {
    const dt = el(doc, 'dt');
    dt.append(el(doc, 'code', field));
    dl.append(dt, el(doc, 'dd', value));
  }
  return dl;
}

function actionRow(doc: Document, view: PanelView, active: Kind | undefined, handlers: PanelHandlers): HTMLTableRowElement {
  const tr = el(doc, 'tr');
  tr.className = 'actions';
  tr.append(headerCell(doc, view.strings.actions, 'row'));
  const selected = view.selected;
  for (const kind of KINDS) {
    const td = el(doc, 'td');
    if (active && kind !== active && selected !== undefined) {
      const button = el(doc, 'button', view.strings.convertTo.replace('{0}', kind));
      button.type = 'button';
      button.dataset.testid = `convert-${kind}`;
      button.addEventListener('click', () => handlers.convert(selected, kind));
      td.append(button);
      // What this conversion drops, under its button (text only: it comes from the manifest).
      const drops = view.drops[kind];
      if (drops) {
        const note = el(doc, 'div', drops);
        note.className = 'drops';
        note.dataset.testid = `drops-${kind}`;
        button.title = drops;
        td.append(note);
      }
    }
    if (kind === active) markActive(td, '');
    tr.append(td);
  }
  return tr;
}
