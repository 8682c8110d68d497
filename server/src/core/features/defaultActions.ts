/**
 * "Write the API server's defaults": code actions at a mapping the server fills in, writing all
 * of its defaults, or one of them, into the file (defaultEdits.ts). Offered wherever the cursor
 * is inside such a mapping, whatever the inlay-hint setting shows.
 *
 *     - name: web                       - name: web
 *       image: nginx:1.27        →        image: nginx:1.27
 *                                         imagePullPolicy: IfNotPresent
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { toTextEdits } from '../edit/textEdits';
import { slotAt } from '../parse/navigate';
import type { ParsedFile } from '../parse/parseFile';
import type { Settings } from '../settings/settings';
import { defaultEdits } from './defaultEdits';
import { defaultsAt } from './documentDefaults';
import { entryText } from './inlayHints';

export const INSERT_DEFAULTS_KIND = `${CodeActionKind.RefactorRewrite}.kubeWorkloads.defaults`;

export function insertDefaultsActions(file: ParsedFile, offset: number, settings: Settings): CodeAction[] {
  const slot = slotAt(file, offset);
  if (!slot) return [];
  const mapping = defaultsAt(slot, offset - slot.start, settings.kubernetesVersion);
  const records = mapping?.records.filter((r) => !r.entry.quiet) ?? [];
  if (!mapping || records.length === 0) return [];
  const action = (title: string, chosen: typeof records): CodeAction => ({
    title,
    kind: INSERT_DEFAULTS_KIND,
    edit: { changes: { [file.document.uri]: toTextEdits(file.document, defaultEdits(slot, mapping, chosen)) } },
  });
  const actions = records.length > 1 ? [action(`Write the API server's ${records.length} defaults here (${records.map((r) => r.field).join(', ')})`, records)] : [];
  for (const record of records) actions.push(action(`Write \`${entryText(record)}\` (set by the API server)`, [record]));
  return actions;
}
