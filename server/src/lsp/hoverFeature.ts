/**
 * textDocument/hover → core/features/hover.ts.
 */
import type { FeatureRegistration } from './serverHost';
import { hover } from '../core/features/hover';
import { documentUri, position } from './params';

export function createHoverFeature(): FeatureRegistration {
  return {
    capabilities: () => ({ hoverProvider: true }),
    register(host) {
      host.connection.onHover((params) =>
        host.guard('hover', async () => {
          const at = position(params.position);
          const request = await host.request(documentUri(params));
          if (!request) return null;
          return hover(request.file, request.document.offsetAt(at), request.context);
        }),
      );
    },
  };
}
