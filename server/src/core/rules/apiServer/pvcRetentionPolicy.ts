/**
 * pvc-retention-policy: whenDeleted / whenScaled are Retain or Delete.
 *
 *     persistentVolumeClaimRetentionPolicy:
 *       whenDeleted: Remove     # → Unsupported value "Remove": supported values are "Retain" and "Delete".
 *
 * (invalid-enum leaves these two fields to this rule.)
 */
import { apiServerRule } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const PVC_POLICY_VALUES = ['Retain', 'Delete'];

export const pvcRetentionPolicy = apiServerRule({
  id: 'pvc-retention-policy',
  kinds: ['StatefulSet'],
  description: 'persistentVolumeClaimRetentionPolicy values must be Retain or Delete.',
  check(ctx) {
    const policy = child(podFacts(ctx.doc).spec, 'persistentVolumeClaimRetentionPolicy');
    for (const field of ['whenDeleted', 'whenScaled']) {
      const node = child(policy, field);
      const v = jsonValue(node);
      const r = node?.range;
      if (!r || typeof v !== 'string' || v === '' || PVC_POLICY_VALUES.includes(v) || isTemplated(ctx.doc, node)) continue;
      ctx.report({
        start: r[0],
        end: r[1],
        message: `Unsupported value "${v}" for ${field}: supported values are "Retain" and "Delete".`,
        data: { path: `spec.persistentVolumeClaimRetentionPolicy.${field}`, value: v, allowed: PVC_POLICY_VALUES },
      });
    }
  },
});
