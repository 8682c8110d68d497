/**
 * textDocument/hover → core/features/hover.ts.
 */
import type { FeatureRegistration } from './serverHost';
import { hover } from '../core/features/hover';

export function createHoverFeature(): FeatureRegistration {
  return {
    capabilities: () => ({ hoverProvider: true }),
    register(host) {
      host.connection.onHover((params) =>
        host.guard('hover', async () => {
          const request = await host.request(params.textDocument.uri);
          if (!request) return null;
          return hover(request.file, request.document.offsetAt(params.position), request.context);
        }),
      );
    },
  };
}
