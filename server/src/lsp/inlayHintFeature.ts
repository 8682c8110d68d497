/**
 * textDocument/inlayHint and inlayHint/resolve → core/features/inlayHints.ts. Announced only to
 * clients that declare inlay hint support; tooltips and edits wait for resolve when the client
 * can resolve them.
 */
import { InlayHintRefreshRequest, type ClientCapabilities, type InlayHint } from 'vscode-languageserver';
import { inlayHints, resolveInlayHint, type InlayHintData } from '../core/features/inlayHints';
import type { FeatureRegistration } from './serverHost';
import { documentUri, InvalidParamsError, range } from './params';

export function createInlayHintFeature(): FeatureRegistration {
  let supported = false;
  let lazy = false;
  let refresh = false;
  return {
    capabilities(client: ClientCapabilities) {
      const caps = client.textDocument?.inlayHint;
      supported = !!caps;
      const properties = caps?.resolveSupport?.properties ?? [];
      lazy = properties.includes('tooltip') && properties.includes('textEdits');
      refresh = !!client.workspace?.inlayHint?.refreshSupport;
      return supported ? { inlayHintProvider: { resolveProvider: true } } : {};
    },
    // Handlers are registered before initialize says what the client supports; a client that
    // did not announce inlay hints is not offered them, and so does not ask.
    register(host) {
      host.connection.languages.inlayHint.on((params) =>
        host.guard('inlayHint', async () => {
          const at = range(params.range);
          const request = await host.request(documentUri(params));
          if (!request || request.file.tooLarge) return [];
          const { document, file, context } = request;
          return inlayHints(file, document.offsetAt(at.start), document.offsetAt(at.end), context.settings, !lazy);
        }),
      );
      host.connection.languages.inlayHint.resolve((hint: InlayHint) =>
        host.guard('inlayHint/resolve', async () => {
          const data = hint?.data as Partial<InlayHintData> | undefined;
          if (typeof data?.uri !== 'string' || !Number.isInteger(data.index) || !Array.isArray(data.path)) throw new InvalidParamsError('data must be the { uri, index, path } of a hint this server made');
          const request = await host.request(data.uri);
          return request ? resolveInlayHint(request.file, hint, request.context.settings) : hint;
        }),
      );
      // New settings (the hint mode, the Kubernetes version) change every hint.
      host.onSettingsChanged.push(() => {
        if (supported && refresh) void host.connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
      });
    },
  };
}
