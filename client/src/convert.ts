/**
 * Converting a workload to another kind, from the command, a CodeLens, a hover link or the panel:
 * the server computes the edit and says what would be lost; the user confirms in a modal that
 * lists it; only then is the edit applied (one undo step).
 */
import * as vscode from 'vscode';
import type { WorkloadKindName } from '../../server/src/protocol';
import type { ServerApi } from './serverApi';

export interface ConvertOutcome {
  readonly applied: boolean;
  /** One line for the panel's status region. */
  readonly message: string;
}

export async function convertWorkload(
  api: ServerApi,
  uri: vscode.Uri,
  position: vscode.Position | { line: number; character: number },
  targetKind: WorkloadKindName,
): Promise<ConvertOutcome> {
  let result;
  try {
    result = await api.convert(uri, position, targetKind);
  } catch (error) {
    const message = vscode.l10n.t('Could not convert to {0}: {1}', targetKind, error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(message);
    return { applied: false, message };
  }
  const convert = vscode.l10n.t('Convert');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Convert this workload to {0}?', targetKind),
    { modal: true, detail: confirmationDetail(result.dropped, result.notes) },
    convert,
  );
  if (choice !== convert) return { applied: false, message: vscode.l10n.t('Conversion to {0} cancelled.', targetKind) };
  const edit = await api.asWorkspaceEdit(result.edit);
  const applied = await vscode.workspace.applyEdit(edit);
  const message = applied
    ? vscode.l10n.t('Converted to {0}.', targetKind)
    : vscode.l10n.t('The conversion to {0} could not be applied (the file changed meanwhile?).', targetKind);
  if (!applied) void vscode.window.showErrorMessage(message);
  return { applied, message };
}

/** The modal's body: what is dropped, then the notes, one bullet each. */
export function confirmationDetail(dropped: readonly string[], notes: readonly string[]): string {
  const parts: string[] = [];
  parts.push(dropped.length ? [vscode.l10n.t('Dropped:'), ...dropped.map((d) => `• ${d}`)].join('\n') : vscode.l10n.t('Nothing is dropped.'));
  if (notes.length) parts.push([vscode.l10n.t('Notes:'), ...notes.map((n) => `• ${n}`)].join('\n'));
  return parts.join('\n\n');
}
