/**
 * kubeWorkloads/effectiveManifest → core/features/effectiveManifest.ts: the open file as the API
 * server will hold its objects, for the client's read-only view and diff (any LSP editor can ask).
 */
import { EffectiveManifestRequest } from '../protocol';
import { effectiveManifest } from '../core/features/effectiveManifest';
import type { FeatureRegistration } from './serverHost';
import { plainUri } from './params';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export function createEffectiveManifestRequest(): FeatureRegistration {
  return {
    capabilities: () => ({}),
    register(host) {
      host.connection.onRequest(EffectiveManifestRequest.method, (params: EffectiveManifestRequest.Params) =>
        host.guard('effectiveManifest', async (): Promise<EffectiveManifestRequest.Result | ResponseError<void>> => {
          const uri = plainUri(params);
          const request = await host.request(uri);
          if (!request) return new ResponseError(ErrorCodes.InvalidParams, `kube-workloads: effectiveManifest: ${uri} is not open.`);
          if (request.file.tooLarge) return new ResponseError(ErrorCodes.InvalidParams, `kube-workloads: effectiveManifest: ${uri} is larger than kubeWorkloads.maxFileSize.`);
          const version = request.context.settings.kubernetesVersion;
          return { ...effectiveManifest(request.file, version), kubernetesVersion: version };
        }),
      );
    },
  };
}
