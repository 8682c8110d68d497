/**
 * The extension's custom requests to the language server, typed once through protocol.ts. Every
 * other client module asks the server through these functions.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConvertRequest, DocumentInfoRequest, KindFactsRequest, type WorkloadKindName } from '../../server/src/protocol';

export interface ServerApi {
  readonly client: LanguageClient;
  documentInfo(uri: vscode.Uri | string, position?: { line: number; character: number }): Promise<DocumentInfoRequest.Result>;
  kindFacts(): Promise<KindFactsRequest.Result>;
  convert(uri: vscode.Uri | string, position: { line: number; character: number }, targetKind: WorkloadKindName): Promise<ConvertRequest.Result>;
}

export function createServerApi(client: LanguageClient): ServerApi {
  const asString = (uri: vscode.Uri | string) => (typeof uri === 'string' ? uri : uri.toString());
  const asPosition = (p: { line: number; character: number }) => ({ line: p.line, character: p.character });
  return {
    client,
    documentInfo: (uri, position) =>
      client.sendRequest<DocumentInfoRequest.Result>(DocumentInfoRequest.method, {
        uri: asString(uri),
        ...(position ? { position: asPosition(position) } : {}),
      } satisfies DocumentInfoRequest.Params),
    kindFacts: () => client.sendRequest<KindFactsRequest.Result>(KindFactsRequest.method, {} satisfies KindFactsRequest.Params),
    convert: (uri, position, targetKind) =>
      client.sendRequest<ConvertRequest.Result>(ConvertRequest.method, {
        uri: asString(uri),
        position: asPosition(position),
        targetKind,
      } satisfies ConvertRequest.Params),
  };
}
