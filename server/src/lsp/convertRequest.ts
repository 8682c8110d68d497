/**
 * kubeWorkloads/convert: converts the workload at a position to another kind and answers with
 * the workspace edit plus what could not carry over, for the comparison panel and the command.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { ConvertRequest } from '../protocol';
import { slotAt } from '../core/parse/navigate';
import { ConversionError, convertWorkload } from '../core/convert/convertWorkload';
import type { FeatureRegistration } from './serverHost';
import { optionalCount, plainUri, position, workloadKind } from './params';

export function createConvertRequest(): FeatureRegistration {
  return {
    capabilities: () => ({}),
    register(host) {
      host.connection.onRequest(ConvertRequest.method, (params: ConvertRequest.Params) =>
        host.guard('convert', async (): Promise<ConvertRequest.Result | ResponseError<void>> => {
          const at = position(params.position);
          const targetKind = workloadKind(params.targetKind);
          const replicas = optionalCount(params.replicas, 'replicas');
          const request = await host.request(plainUri(params));
          if (!request) return new ResponseError(ErrorCodes.InvalidParams, `kube-workloads: ${params.uri} is not open.`);
          const slot = slotAt(request.file, request.document.offsetAt(at));
          if (!slot) return new ResponseError(ErrorCodes.InvalidParams, 'kube-workloads: no document at that position.');
          try {
            const result = convertWorkload(request.file, slot.index, targetKind, replicas === undefined ? {} : { replicas });
            return { edit: { changes: { [params.uri]: result.edits } }, dropped: result.dropped, notes: result.notes };
          } catch (error) {
            if (error instanceof ConversionError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
            throw error;
          }
        }),
      );
    },
  };
}
