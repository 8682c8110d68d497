/**
 * kubeWorkloads/documentInfo: the workloads of an open file, for lenses, the status bar and the
 * comparison panel. A file the server does not have open answers with no workloads.
 */
import { DocumentInfoRequest } from '../protocol';
import { computeDocumentInfo, computeKindLines } from '../core/features/documentInfo';
import type { FeatureRegistration } from './serverHost';
import { InvalidParamsError, plainUri, position } from './params';

const SCOPES: readonly unknown[] = ['all', 'active', 'kindLines'];
const EMPTY: DocumentInfoRequest.Result = { workloads: [], active: undefined };

export function createDocumentInfoFeature(): FeatureRegistration {
  return {
    capabilities: () => ({}),
    register(host) {
      host.connection.onRequest(DocumentInfoRequest.method, (params: DocumentInfoRequest.Params) =>
        host.guard('documentInfo', async (): Promise<DocumentInfoRequest.Result | DocumentInfoRequest.KindLinesResult> => {
          // The position is optional (the lenses send none); one that is sent must be valid.
          const at = params.position == null ? undefined : position(params.position);
          if (params.scope != null && !SCOPES.includes(params.scope)) throw new InvalidParamsError(`scope must be one of ${SCOPES.join(', ')} when given`);
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
