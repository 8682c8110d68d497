/**
 * The extension's custom requests to the language server, typed once through protocol.ts. Every
 * other client module asks the server through these functions.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConvertRequest, DocumentInfoRequest, EffectiveManifestRequest, KindFactsRequest, type WorkloadKindName } from '../../server/src/protocol';

export interface ServerApi {
  /** Converts a protocol WorkspaceEdit (from convert) into a VS Code one. */
  asWorkspaceEdit(edit: ConvertRequest.Result['edit']): Promise<vscode.WorkspaceEdit>;
  /** Every workload of a file with its values, and the one at `position`. */
  documentInfo(uri: vscode.Uri | string, position?: { line: number; character: number }): Promise<DocumentInfoRequest.Result>;
  /** Only the workload at `position` (as `workloads[0]`), without a pass over the others. */
  activeWorkload(uri: vscode.Uri | string, position: { line: number; character: number }): Promise<DocumentInfoRequest.Result>;
  /** Every workload's kind line, without its values. */
  kindLines(uri: vscode.Uri | string): Promise<DocumentInfoRequest.KindLinesResult>;
  kindFacts(): Promise<KindFactsRequest.Result>;
  convert(uri: vscode.Uri | string, position: { line: number; character: number }, targetKind: WorkloadKindName): Promise<ConvertRequest.Result>;
  /** The file as the API server will hold its objects (every default filled in). */
  effectiveManifest(uri: vscode.Uri | string): Promise<EffectiveManifestRequest.Result>;
}

export function createServerApi(ready: Promise<LanguageClient>): ServerApi {
  const request = async <R>(method: string, params: object): Promise<R> => (await ready).sendRequest<R>(method, params);
  const asString = (uri: vscode.Uri | string) => (typeof uri === 'string' ? uri : uri.toString());
  const asPosition = (p: { line: number; character: number }) => ({ line: p.line, character: p.character });
  return {
    asWorkspaceEdit: async (edit) => (await ready).protocol2CodeConverter.asWorkspaceEdit(edit),
    documentInfo: (uri, position) =>
      request<DocumentInfoRequest.Result>(DocumentInfoRequest.method, {
        uri: asString(uri),
        ...(position ? { position: asPosition(position) } : {}),
      } satisfies DocumentInfoRequest.Params),
    activeWorkload: (uri, position) =>
      request<DocumentInfoRequest.Result>(DocumentInfoRequest.method, {
        uri: asString(uri),
        position: asPosition(position),
        scope: 'active',
      } satisfies DocumentInfoRequest.Params),
    kindLines: (uri) =>
      request<DocumentInfoRequest.KindLinesResult>(DocumentInfoRequest.method, {
        uri: asString(uri),
        scope: 'kindLines',
      } satisfies DocumentInfoRequest.Params),
    kindFacts: () => request<KindFactsRequest.Result>(KindFactsRequest.method, {} satisfies KindFactsRequest.Params),
    convert: (uri, position, targetKind) =>
      request<ConvertRequest.Result>(ConvertRequest.method, {
        uri: asString(uri),
        position: asPosition(position),
        targetKind,
      } satisfies ConvertRequest.Params),
    effectiveManifest: (uri) => request<EffectiveManifestRequest.Result>(EffectiveManifestRequest.method, { uri: asString(uri) } satisfies EffectiveManifestRequest.Params),
  };
}
