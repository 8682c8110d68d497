/**
 * Inlay hints: after each mapping the API server fills in, one compact hint with what it sets,
 * e.g. `strategy: RollingUpdate (maxSurge 25%, maxUnavailable 25%) +2` after a Deployment's
 * `spec:`, `imagePullPolicy: IfNotPresent +2` after a container's `image:`. The tooltip (the full
 * list, "set by the API server") and the edits that write them (double-click) are filled in on
 * resolve when the client can resolve them.
 *
 * `kubeWorkloads.inlayHints`: `surprising` (the default) shows only the defaults that change how
 * a workload runs in ways people do not expect — pull policy, rollout strategy, grace period,
 * probe timings — since terminationMessagePath and the like on every container bury them;
 * `on` shows every default; `off` none.
 */
import type { InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { formatValue, describeDefault } from '../defaults/catalog';
import type { DefaultRecord } from '../defaults/applyDefaults';
import { toTextEdits } from '../edit/textEdits';
import { pathToString, type YamlPath } from '../parse/navigate';
import type { DocumentSlot, ParsedFile } from '../parse/parseFile';
import type { Settings } from '../settings/settings';
import { defaultEdits } from './defaultEdits';
import { documentDefaults, type MappingDefaults } from './documentDefaults';

/** What a hint carries to its resolve. */
export interface InlayHintData {
  readonly uri: string;
  readonly index: number;
  readonly path: YamlPath;
}

const LABEL_WIDTH = 60;

/** The records a hint shows, per the setting: not the quiet ones; in `surprising`, only those. */
export function shownRecords(mapping: MappingDefaults, settings: Settings): DefaultRecord[] {
  if (settings.inlayHints === 'off') return [];
  return mapping.records.filter((r, i) => !r.entry.quiet && (settings.inlayHints === 'on' || mapping.surprising[i]));
}

/** Hints for the documents overlapping [start, end) (offsets into the file). */
export function inlayHints(file: ParsedFile, start: number, end: number, settings: Settings, eager: boolean): InlayHint[] {
  if (!file.isKubernetes || settings.inlayHints === 'off') return [];
  const hints: InlayHint[] = [];
  for (const slot of file.docs) {
    if (slot.start + slot.parsed.text.length < start || slot.start > end) continue;
    for (const mapping of documentDefaults(slot, settings.kubernetesVersion)) {
      const at = slot.start + mapping.hintAt;
      if (at < start || at > end) continue;
      const records = shownRecords(mapping, settings);
      if (records.length === 0) continue;
      const data: InlayHintData = { uri: file.document.uri, index: slot.index, path: mapping.path };
      const hint: InlayHint = { position: file.document.positionAt(at), label: label(records), paddingLeft: true, data };
      hints.push(eager ? resolved(file, slot, mapping, hint, settings) : hint);
    }
  }
  return hints;
}

/** Fills a hint's tooltip and edits; a hint whose mapping is gone comes back as it was. */
export function resolveInlayHint(file: ParsedFile, hint: InlayHint, settings: Settings): InlayHint {
  const data = hint.data as InlayHintData;
  const slot = file.docs.find((d) => d.index === data.index);
  if (!slot) return hint;
  const id = pathToString(data.path);
  const mapping = documentDefaults(slot, settings.kubernetesVersion).find((m) => pathToString(m.path) === id);
  return mapping ? resolved(file, slot, mapping, hint, settings) : hint;
}

function resolved(file: ParsedFile, slot: DocumentSlot, mapping: MappingDefaults, hint: InlayHint, settings: Settings): InlayHint {
  const records = shownRecords(mapping, settings);
  const tooltip: MarkupContent = { kind: 'markdown', value: tooltipText(records, settings.kubernetesVersion) };
  return { ...hint, tooltip, textEdits: toTextEdits(file.document, defaultEdits(slot, mapping, records)) };
}

/** `field: value` pairs while they fit, then `+N`. */
export function label(records: readonly DefaultRecord[]): string {
  let text = '';
  let shown = 0;
  for (const record of records) {
    const part = entryText(record);
    const next = text ? `${text}, ${part}` : part;
    if (shown > 0 && next.length > LABEL_WIDTH) break;
    text = next;
    shown++;
  }
  return shown < records.length ? `${text} +${records.length - shown}` : text;
}

export function entryText(record: DefaultRecord): string {
  return `${record.field}: ${formatValue(record.value)}${record.replaced ? ' (0 is replaced)' : ''}`;
}

function tooltipText(records: readonly DefaultRecord[], version: string): string {
  const lines = records.map((r) => `- \`${entryText(r)}\`${r.entry.describe ? ` — ${describeDefault(r.entry)}` : ''}`);
  return [`**Set by the API server** (Kubernetes ${version}) when the manifest leaves ${records.length === 1 ? 'it' : 'them'} out:`, '', ...lines, '', 'Double-click the hint to write them into the file.'].join('\n');
}
