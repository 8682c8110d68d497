/**
 * textDocument/completion → core/features/completion.ts. Keys complete after a letter or on an
 * empty line (invoked), values after `: `, list items after `- `, flow items after `{`/`,`.
 */
import type { FeatureRegistration } from './serverHost';
import { completion } from '../core/features/completion';

export function createCompletionFeature(): FeatureRegistration {
  return {
    capabilities: () => ({ completionProvider: { triggerCharacters: [' ', ':', '-', '{', ','], resolveProvider: false } }),
    register(host) {
      host.connection.onCompletion((params) =>
        host.guard('completion', async () => {
          const request = await host.request(params.textDocument.uri);
          if (!request) return [];
          return completion(request.file, request.document.offsetAt(params.position), request.context);
        }),
      );
    },
  };
}
