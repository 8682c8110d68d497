/**
 * Builds the comparison panel's DOM from a PanelView. Every text that comes from a document or
 * from the server goes in through textContent (or an attribute set with setAttribute), never as
 * markup, so a workload named `<script>…` shows as those characters. The functions take the
 * `document` to build with, so tests can run them against happy-dom.
 */
import { KINDS, droppedField, selectedKind, type ConversionPreview, type FactRow, type Kind, type PanelView } from './messages';

export interface PanelHandlers {
  selectWorkload(index: number): void;
  convert(index: number, targetKind: Kind): void;
}

/**
 * Replaces the contents of `root` with the panel for `view`: the selected workload first (its
 * values and the conversions, each saying what it drops), so they are seen without scrolling in
 * a narrow split; then the facts table, the current kind's column first.
 */
export function renderPanel(doc: Document, root: HTMLElement, view: PanelView, handlers: PanelHandlers): void {
  const heading = el(doc, 'h1', view.strings.title);
  const parts: Node[] = [heading];
  if (view.workloads.length > 1) parts.push(renderPicker(doc, view, handlers));
  parts.push(renderManifest(doc, view, handlers), renderTable(doc, view));
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

/** The kinds in column order: the selected workload's kind first. */
function columnOrder(active: Kind | undefined): Kind[] {
  return active ? [active, ...KINDS.filter((k) => k !== active)] : [...KINDS];
}

function renderTable(doc: Document, view: PanelView): HTMLTableElement {
  const active = selectedKind(view);
  const kinds = columnOrder(active);
  const table = el(doc, 'table');
  table.dataset.testid = 'comparison-table';
  table.append(el(doc, 'caption', view.strings.caption));
  const head = el(doc, 'thead');
  const headRow = el(doc, 'tr');
  headRow.append(headerCell(doc, view.strings.aspect, 'col'));
  for (const kind of kinds) {
    const th = headerCell(doc, kind, 'col');
    th.dataset.testid = `kind-column-${kind}`;
    if (kind === active) markActive(th, view.strings.currentKind);
    headRow.append(th);
  }
  head.append(headRow);
  const body = el(doc, 'tbody');
  if (view.rows.length === 0) body.append(messageRow(doc, view.strings.factsUnavailable));
  for (const row of view.rows) body.append(factRow(doc, row, kinds, active));
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

function factRow(doc: Document, row: FactRow, kinds: readonly Kind[], active: Kind | undefined): HTMLTableRowElement {
  const tr = el(doc, 'tr');
  tr.dataset.testid = `fact-${row.id}`;
  tr.append(headerCell(doc, row.label, 'row'));
  for (const kind of kinds) {
    const td = el(doc, 'td');
    // Narrow panels show each cell as a line of its own, introduced by its kind (panel.css).
    td.dataset.kind = kind;
    td.append(...inlineCode(doc, row.values[kind]));
    if (kind === active) markActive(td, '');
    tr.append(td);
  }
  return tr;
}

/** "This manifest": the selected workload's own values, and a button per conversion with what it drops. */
function renderManifest(doc: Document, view: PanelView, handlers: PanelHandlers): HTMLElement {
  const section = el(doc, 'section');
  section.className = 'manifest';
  section.dataset.testid = 'this-manifest';
  const active = selectedKind(view);
  const name = view.workloads.find((w) => w.index === view.selected)?.name;
  const title = el(doc, 'h2', view.strings.thisManifest);
  if (active) {
    const kind = el(doc, 'span', ` ${active}${name ? ` ${name}` : ''}`);
    kind.className = 'highlighted';
    kind.dataset.testid = 'manifest-kind';
    title.append(kind);
  }
  section.append(title);
  if (!active) {
    section.append(el(doc, 'p', view.strings.noWorkload));
    return section;
  }
  section.append(view.manifest.length ? manifestList(doc, view) : el(doc, 'p', view.strings.nothingSet));
  const selected = view.selected;
  if (selected !== undefined && view.conversions.length) {
    const actions = el(doc, 'div');
    actions.className = 'conversions';
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', view.strings.actions);
    for (const conversion of view.conversions) actions.append(conversionButton(doc, view, conversion, () => handlers.convert(selected, conversion.kind)));
    section.append(actions);
  }
  return section;
}

function conversionButton(doc: Document, view: PanelView, conversion: ConversionPreview, onClick: () => void): HTMLElement {
  const wrap = el(doc, 'div');
  wrap.className = 'conversion';
  const button = el(doc, 'button', view.strings.convertTo.replace('{0}', conversion.kind));
  button.type = 'button';
  button.dataset.testid = `convert-${conversion.kind}`;
  button.addEventListener('click', onClick);
  wrap.append(button);
  if (conversion.dropped) {
    const drops = conversion.dropped.length
      ? el(doc, 'span', view.strings.drops.replace('{0}', conversion.dropped.map(droppedField).join(', ')))
      : el(doc, 'span', view.strings.dropsNothing);
    drops.className = 'drops';
    drops.id = `drops-${conversion.kind}`;
    drops.dataset.testid = `drops-${conversion.kind}`;
    // The full lines (with why) on hover; the button is described by the short list.
    if (conversion.dropped.length) drops.title = conversion.dropped.join('\n');
    button.setAttribute('aria-describedby', drops.id);
    wrap.append(drops);
  }
  return wrap;
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
