/**
 * kubeWorkloads/kindFacts → the rows of core/kinds/kindFacts.ts, for the comparison panel, so the
 * panel and the hover kind card show the same facts.
 */
import { KindFactsRequest } from '../protocol';
import { KIND_FACT_ROWS } from '../core/kinds/kindFacts';
import type { FeatureRegistration } from './serverHost';

export function kindFactsResult(): KindFactsRequest.Result {
  return { rows: KIND_FACT_ROWS.map((row) => ({ id: row.id, label: row.label, values: { ...row.values } })) };
}

export function createKindFactsFeature(): FeatureRegistration {
  return {
    capabilities: () => ({}),
    register(host) {
      host.connection.onRequest(KindFactsRequest.method, () => host.guard('kindFacts', kindFactsResult));
    },
  };
}
