/**
 * The comparison panel's logic, free of the vscode API so it can be tested on its own: which
 * document and workload the panel shows, what the webview asked for, and the view it gets back.
 * comparisonPanel.ts wires it to a real WebviewPanel and the language server.
 */
import type { DocumentInfoRequest, KindFactsRequest } from '../../../server/src/protocol';
import {
  KINDS,
  isKind,
  isWebviewMessage,
  type ConversionPreview,
  type HostMessage,
  type Kind,
  type ManifestValue,
  type PanelStrings,
  type PanelView,
  type WorkloadChoice,
} from '../../webview/messages';

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Where the panel looks: a document and the cursor in it. */
export interface PanelTarget {
  readonly uri: string;
  readonly position: Position;
}

/** What the panel needs from the server (and, for convert, from the user). */
export interface PanelBackend {
  documentInfo(target: PanelTarget): Promise<DocumentInfoRequest.Result | undefined>;
  kindFacts(): Promise<KindFactsRequest.Result | undefined>;
  /** Asks, converts and applies; answers with a line for the status region. */
  convert(uri: string, position: Position, targetKind: Kind): Promise<string>;
  /** What converting would drop (the server's `dropped` lines), without applying anything. */
  dropped(uri: string, position: Position, targetKind: Kind): Promise<readonly string[]>;
}

export class PanelController {
  private target: PanelTarget | undefined;
  /** Document index the user picked in the panel; cleared when the cursor moves. */
  private picked: number | undefined;
  private facts: KindFactsRequest.Result | undefined;
  private info: DocumentInfoRequest.Result | undefined;
  private conversions: ConversionPreview[] = [];
  private status = '';
  private generation = 0;

  constructor(
    private readonly backend: PanelBackend,
    private readonly post: (message: HostMessage) => unknown,
    private readonly strings: PanelStrings,
  ) {}

  get currentTarget(): PanelTarget | undefined {
    return this.target;
  }

  /** The editor or cursor moved: show the workload there. */
  async follow(target: PanelTarget): Promise<void> {
    this.target = target;
    this.picked = undefined;
    this.status = '';
    await this.refresh();
  }

  /** A message from the webview; anything that does not validate is ignored. */
  async handle(raw: unknown): Promise<void> {
    if (!isWebviewMessage(raw)) return;
    switch (raw.type) {
      case 'ready':
        return this.refresh();
      case 'selectWorkload':
        this.picked = raw.index;
        return this.refresh();
      case 'convert':
        return this.convert(raw.index, raw.targetKind);
    }
  }

  /** Asks the server again and posts the resulting view. A later refresh wins over an earlier one. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const [facts, info] = await Promise.all([this.loadFacts(), this.target ? this.backend.documentInfo(this.target).catch(() => undefined) : undefined]);
    if (generation !== this.generation) return;
    this.facts = facts;
    this.info = info;
    const conversions = await this.previewConversions();
    if (generation !== this.generation) return;
    this.conversions = conversions;
    this.post({ type: 'view', view: this.view() });
  }

  /** For the selected workload, what converting to each other kind would drop (the buttons say it). */
  private async previewConversions(): Promise<ConversionPreview[]> {
    const workload = this.selectedWorkload();
    const target = this.target;
    if (!workload || !target || !isKind(workload.kind)) return [];
    const from = workload.kind;
    return Promise.all(
      KINDS.filter((kind) => kind !== from).map(async (kind) => ({
        kind,
        dropped: await this.backend.dropped(target.uri, workload.kindRange.start, kind).catch(() => undefined),
      })),
    );
  }

  /** The facts do not change while the extension runs: ask once, again only after a failure. */
  private async loadFacts(): Promise<KindFactsRequest.Result | undefined> {
    if (this.facts) return this.facts;
    return this.backend.kindFacts().catch(() => undefined);
  }

  private selectedWorkload(): DocumentInfoRequest.Workload | undefined {
    const workloads = this.info?.workloads ?? [];
    const picked = workloads.find((w) => w.index === this.picked);
    return picked ?? workloads[this.info?.active ?? 0];
  }

  view(): PanelView {
    const selected = this.selectedWorkload();
    const rows = (this.facts?.rows ?? []).filter((r) => hasEveryKind(r.values));
    return {
      strings: this.strings,
      rows: rows.map((r) => ({ id: r.id, label: r.label, values: r.values })),
      workloads: toChoices(this.info?.workloads ?? []),
      selected: selected?.index,
      manifest: selected ? manifestValues(selected.values) : [],
      conversions: selected ? this.conversions : [],
      status: this.status,
    };
  }

  private async convert(index: number, targetKind: Kind): Promise<void> {
    const workload = this.info?.workloads.find((w) => w.index === index);
    if (!workload || !this.target || workload.kind === targetKind) return;
    this.status = await this.backend.convert(this.target.uri, workload.kindRange.start, targetKind);
    await this.refresh();
  }
}

/** A row the server sent without a value for some kind would leave a hole; it is left out. */
function hasEveryKind(values: Readonly<Record<string, unknown>>): boolean {
  return KINDS.every((k) => typeof values[k] === 'string');
}

function toChoices(workloads: readonly DocumentInfoRequest.Workload[]): WorkloadChoice[] {
  return workloads.flatMap((w) => (isKind(w.kind) ? [{ index: w.index, kind: w.kind, name: w.name ?? '' }] : []));
}

/** "spec.replicas" → "replicas": every field shown lives under spec. */
export function manifestValues(values: Readonly<Record<string, string>>): ManifestValue[] {
  return Object.entries(values).map(([field, value]) => ({ field: field.replace(/^spec\./, ''), value }));
}
