/**
 * The messages between the extension host and the comparison panel, as discriminated unions,
 * with runtime checks for both directions. The webview is a trust boundary: whatever arrives over
 * postMessage is `unknown` until one of these guards says otherwise. This module is imported by
 * both sides, so it uses neither the DOM nor the vscode API.
 */

export const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;
export type Kind = (typeof KINDS)[number];

/** The panel's fixed texts, localised by the host (vscode.l10n) and sent with every view. */
export interface PanelStrings {
  readonly title: string;
  readonly caption: string;
  readonly aspect: string;
  readonly thisManifest: string;
  readonly noWorkload: string;
  readonly nothingSet: string;
  readonly pickWorkload: string;
  readonly factsUnavailable: string;
  /** "Convert to {0}", with {0} replaced by the webview. */
  readonly convertTo: string;
  readonly actions: string;
  readonly currentKind: string;
  /** "Drops: {0}", with {0} replaced by the fields a conversion removes. */
  readonly drops: string;
  readonly dropsNothing: string;
}

export const STRING_KEYS: readonly (keyof PanelStrings)[] = [
  'title', 'caption', 'aspect', 'thisManifest', 'noWorkload', 'nothingSet', 'pickWorkload', 'factsUnavailable', 'convertTo', 'actions', 'currentKind',
  'drops', 'dropsNothing',
];

export interface FactRow {
  readonly id: string;
  readonly label: string;
  readonly values: Readonly<Record<Kind, string>>;
}

export interface WorkloadChoice {
  /** Document index in the file. */
  readonly index: number;
  readonly kind: Kind;
  readonly name: string;
}

export interface ManifestValue {
  readonly field: string;
  readonly value: string;
}

/** A conversion the panel offers for the selected workload, and what it would drop. */
export interface ConversionPreview {
  readonly kind: Kind;
  /** The server's lines, `<field>[ value]: why`; undefined when the preview failed. */
  readonly dropped: readonly string[] | undefined;
}

/** Everything the panel shows; the webview renders it and keeps it as its state. */
export interface PanelView {
  readonly strings: PanelStrings;
  readonly rows: readonly FactRow[];
  readonly workloads: readonly WorkloadChoice[];
  /** Document index of the workload shown as "this manifest", if any. */
  readonly selected: number | undefined;
  readonly manifest: readonly ManifestValue[];
  /** One per other kind while a workload is selected, in KINDS order. */
  readonly conversions: readonly ConversionPreview[];
  /** A line for the status region (conversion result, errors); empty for none. */
  readonly status: string;
}

export type HostMessage = { readonly type: 'view'; readonly view: PanelView };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'selectWorkload'; readonly index: number }
  | { readonly type: 'convert'; readonly index: number; readonly targetKind: Kind };

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isKind(x: unknown): x is Kind {
  return typeof x === 'string' && (KINDS as readonly string[]).includes(x);
}

function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

function isStrings(x: unknown): x is PanelStrings {
  return isObj(x) && STRING_KEYS.every((k) => typeof x[k] === 'string');
}

function isFactRow(x: unknown): x is FactRow {
  return isObj(x) && typeof x.id === 'string' && typeof x.label === 'string' && isObj(x.values) && KINDS.every((k) => typeof (x.values as Obj)[k] === 'string');
}

function isChoice(x: unknown): x is WorkloadChoice {
  return isObj(x) && isIndex(x.index) && isKind(x.kind) && typeof x.name === 'string';
}

function isConversion(x: unknown): x is ConversionPreview {
  return isObj(x) && isKind(x.kind) && (x.dropped === undefined || (Array.isArray(x.dropped) && x.dropped.every((d) => typeof d === 'string')));
}

function isManifestValue(x: unknown): x is ManifestValue {
  return isObj(x) && typeof x.field === 'string' && typeof x.value === 'string';
}

export function isPanelView(x: unknown): x is PanelView {
  return (
    isObj(x) &&
    isStrings(x.strings) &&
    Array.isArray(x.rows) && x.rows.every(isFactRow) &&
    Array.isArray(x.workloads) && x.workloads.every(isChoice) &&
    (x.selected === undefined || isIndex(x.selected)) &&
    Array.isArray(x.manifest) && x.manifest.every(isManifestValue) &&
    Array.isArray(x.conversions) && x.conversions.every(isConversion) &&
    typeof x.status === 'string'
  );
}

export function isHostMessage(x: unknown): x is HostMessage {
  return isObj(x) && x.type === 'view' && isPanelView(x.view);
}

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'selectWorkload':
      return isIndex(x.index);
    case 'convert':
      return isIndex(x.index) && isKind(x.targetKind);
    default:
      return false;
  }
}

/** The kind of the selected workload, which the panel highlights. */
export function selectedKind(view: PanelView): Kind | undefined {
  return view.workloads.find((w) => w.index === view.selected)?.kind;
}

/** "serviceName web: a Deployment has no …" → "serviceName web": what a dropped line names, without the why. */
export function droppedField(line: string): string {
  return line.replace(/^spec\./, '').split(': ', 1)[0]!;
}
