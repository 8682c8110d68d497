/**
 * kubeWorkloads/documentInfo: the workloads of an open file, for lenses, the status bar and the
 * comparison panel. A file the server does not have open answers with no workloads.
 */
import { DocumentInfoRequest } from '../protocol';
import { computeDocumentInfo, computeKindLines } from '../core/features/documentInfo';
import type { FeatureRegistration } from './serverHost';
import { plainUri, position } from './params';

const EMPTY: DocumentInfoRequest.Result = { workloads: [], active: undefined };

export function createDocumentInfoFeature(): FeatureRegistration {
  return {
    capabilities: () => ({}),
    register(host) {
      host.connection.onRequest(DocumentInfoRequest.method, (params: DocumentInfoRequest.Params) =>
        host.guard('documentInfo', async (): Promise<DocumentInfoRequest.Result | DocumentInfoRequest.KindLinesResult> => {
          // The position is optional (the lenses send none); one that is sent must be valid.
          const at = params.position == null ? undefined : position(params.position);
          const request = await host.request(plainUri(params));
          if (!request) return EMPTY;
          if (params.scope === 'kindLines') return { workloads: computeKindLines(request.file) };
          const offset = at ? request.document.offsetAt(at) : undefined;
          return computeDocumentInfo(request.file, offset, params.scope === 'active' ? 'active' : 'all');
        }),
      );
    },
  };
}
