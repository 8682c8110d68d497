/**
 * The palette commands of the extension's user interface: Show Kind Comparison, Convert Workload
 * To… and Insert Workload…. Hover links and CodeLenses call the first two with arguments
 * ({ uri, position, targetKind }); from the palette they work on the active editor and ask.
 */
import * as vscode from 'vscode';
import type { DocumentInfoRequest, WorkloadKindName } from '../../server/src/protocol';
import { KINDS, isKind } from '../webview/messages';
import { convertWorkload } from './convert';
import { insertWorkload } from './insertWorkload';
import { editorTarget, showComparisonPanel } from './panel/comparisonPanel';
import type { ServerApi } from './serverApi';

/** Arguments from hover command links and CodeLenses; JSON, so the uri may be a string. */
export interface WorkloadCommandArgs {
  readonly uri?: string | vscode.Uri;
  readonly position?: { readonly line: number; readonly character: number };
  readonly targetKind?: string;
}

export function registerCommands(context: vscode.ExtensionContext, api: ServerApi): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('kubeWorkloads.showComparison', (args?: WorkloadCommandArgs) => {
      const target = argsTarget(args) ?? editorTarget(vscode.window.activeTextEditor);
      showComparisonPanel(context, api, target);
    }),
    vscode.commands.registerCommand('kubeWorkloads.convertTo', (args?: WorkloadCommandArgs) => convertTo(api, args)),
    vscode.commands.registerCommand('kubeWorkloads.insertWorkload', () => insertWorkload(context)),
  ];
}

function argsTarget(args: WorkloadCommandArgs | undefined): { uri: string; position: { line: number; character: number } } | undefined {
  if (!args?.uri || !isPosition(args.position)) return undefined;
  return { uri: args.uri.toString(), position: { line: args.position.line, character: args.position.character } };
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const o = p as { line?: unknown; character?: unknown } | undefined;
  return typeof o?.line === 'number' && typeof o.character === 'number';
}

async function convertTo(api: ServerApi, args: WorkloadCommandArgs | undefined): Promise<void> {
  const target = argsTarget(args) ?? editorTarget(vscode.window.activeTextEditor);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes workload manifest to convert it.'));
    return;
  }
  const info = await api.documentInfo(target.uri, target.position);
  const workload = await chooseWorkload(info);
  if (!workload) return;
  const targetKind = isKind(args?.targetKind) ? args.targetKind : await chooseKind(api, target.uri, workload);
  if (!targetKind || targetKind === workload.kind) return;
  await convertWorkload(api, vscode.Uri.parse(target.uri), workload.kindRange.start, targetKind);
}

/** The workload at the cursor; else the only one; else ask. */
async function chooseWorkload(info: DocumentInfoRequest.Result): Promise<DocumentInfoRequest.Workload | undefined> {
  if (info.active !== undefined) return info.workloads[info.active];
  if (info.workloads.length <= 1) {
    if (!info.workloads.length) void vscode.window.showInformationMessage(vscode.l10n.t('This file has no Deployment, StatefulSet, DaemonSet or ReplicaSet.'));
    return info.workloads[0];
  }
  const picked = await vscode.window.showQuickPick(
    info.workloads.map((w) => ({ label: w.name ?? vscode.l10n.t('(no name)'), description: w.kind, detail: vscode.l10n.t('line {0}', w.kindRange.start.line + 1), workload: w })),
    { title: vscode.l10n.t('Convert Workload'), placeHolder: vscode.l10n.t('Which workload?') },
  );
  return picked?.workload;
}

/** The target kind, each listed with what converting to it drops (the server works it out). */
async function chooseKind(api: ServerApi, uri: string, workload: DocumentInfoRequest.Workload): Promise<WorkloadKindName | undefined> {
  const from = workload.kind;
  const items = KINDS.filter((k) => k !== from).map(async (k) => {
    try {
      const { summary } = await api.convert(uri, workload.kindRange.start, k);
      return { label: k, description: summary || vscode.l10n.t('drops nothing') };
    } catch (error) {
      return { label: k, description: error instanceof Error ? error.message : String(error) };
    }
  });
  const picked = await vscode.window.showQuickPick(Promise.all(items), { title: vscode.l10n.t('Convert {0} To…', from), placeHolder: vscode.l10n.t('Target kind') });
  return picked && isKind(picked.label) ? picked.label : undefined;
}
