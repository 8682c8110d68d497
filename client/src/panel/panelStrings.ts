/**
 * The panel's fixed texts, localised in the extension host (the webview has no vscode.l10n) and
 * sent to the webview with every view.
 */
import * as vscode from 'vscode';
import type { PanelStrings } from '../../webview/messages';

export function panelStrings(): PanelStrings {
  return {
    title: vscode.l10n.t('Kubernetes Workload Kinds'),
    caption: vscode.l10n.t('Deployment, StatefulSet, DaemonSet and ReplicaSet compared'),
    aspect: vscode.l10n.t('Aspect'),
    thisManifest: vscode.l10n.t('This manifest'),
    noWorkload: vscode.l10n.t('Place the cursor in a Deployment, StatefulSet, DaemonSet or ReplicaSet to see its values here.'),
    nothingSet: vscode.l10n.t('Sets none of the compared fields (the defaults apply).'),
    pickWorkload: vscode.l10n.t('Workload in this file:'),
    factsUnavailable: vscode.l10n.t('The language server did not provide the comparison facts.'),
    convertTo: vscode.l10n.t('Convert to {0}', '{0}'),
    actions: vscode.l10n.t('Convert'),
    currentKind: vscode.l10n.t('The kind of the workload at the cursor'),
    drops: vscode.l10n.t('Drops: {0}', '{0}'),
    dropsNothing: vscode.l10n.t('Drops nothing'),
  };
}
