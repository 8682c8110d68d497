/**
 * textDocument/completion → core/features/completion.ts. Keys complete after a letter or on an
 * empty line (invoked), values after `: `, list items after `- `, flow items after `{`/`,`.
 */
import type { FeatureRegistration } from './serverHost';
import { completion } from '../core/features/completion';
import { documentUri, position } from './params';

export function createCompletionFeature(): FeatureRegistration {
  return {
    capabilities: () => ({ completionProvider: { triggerCharacters: [' ', ':', '-', '{', ','], resolveProvider: false } }),
    register(host) {
      host.connection.onCompletion((params) =>
        host.guard('completion', async () => {
          const at = position(params.position);
          const request = await host.request(documentUri(params));
          if (!request) return [];
          return completion(request.file, request.document.offsetAt(at), request.context);
        }),
      );
    },
  };
}
