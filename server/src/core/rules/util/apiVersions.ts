/**
 * The removed apiVersions of the workload kinds, as the apiVersion rules need them. The facts
 * themselves live in kinds/apiVersions.ts, which hover reads too.
 */
import type { WorkloadKind } from '../../parse/parseFile';
import { API_VERSION_FACTS } from '../../kinds/apiVersions';

export { CURRENT_API_VERSION } from '../../kinds/apiVersions';

export interface RemovedVersion {
  readonly apiVersion: string;
  readonly kinds: readonly WorkloadKind[];
  /** Release that stopped serving it by default. */
  readonly stoppedServing: string;
  /** Release whose API server can no longer serve it at all. */
  readonly removed: string;
}

export const REMOVED_VERSIONS: readonly RemovedVersion[] = API_VERSION_FACTS.flatMap((f) =>
  f.stoppedServingIn && f.removedIn
    ? [{ apiVersion: f.apiVersion, kinds: f.kinds, stoppedServing: f.stoppedServingIn, removed: f.removedIn }]
    : [],
);

export function removedVersion(apiVersion: string): RemovedVersion | undefined {
  return REMOVED_VERSIONS.find((r) => r.apiVersion === apiVersion);
}
