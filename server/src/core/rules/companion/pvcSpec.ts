/**
 * pvc-spec: a PersistentVolumeClaim's spec as the API server validates it
 * (ValidatePersistentVolumeClaimSpec).
 *
 *     spec:
 *       accessModes: [ReadWriteOncePod, ReadWriteOnce]   # → ReadWriteOncePod cannot be combined …
 *       resources:
 *         limits: { storage: 1Gi }                       # → A claim needs resources.requests.storage …
 *
 * At least one access mode, ReadWriteOncePod alone; a storage request greater than zero; a
 * storageClassName that is empty or a DNS subdomain.
 */
import { apiServerRule, reportAt } from '../util/defineRule';
import { asSeq, child, childAt, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { dnsSubdomainProblem } from '../util/names';
import { parseQuantity, QUANTITY_RE } from '../util/quantity';

export const pvcSpec = apiServerRule({
  id: 'pvc-spec',
  kinds: ['PersistentVolumeClaim'],
  description: 'A claim needs access modes (ReadWriteOncePod alone), a storage request above zero and a valid storage class name.',
  check(ctx) {
    const specPair = pairIn(ctx.doc.doc.contents, 'spec');
    const spec = specPair?.value;
    if (!spec || isTemplated(ctx.doc, spec)) return;
    const modesPair = pairIn(spec, 'accessModes');
    const modes = asSeq(modesPair?.value);
    if (!isTemplated(ctx.doc, modesPair?.value) && (modes?.items.length ?? 0) === 0 && (modes || !modesPair || jsonValue(modesPair.value) === null)) {
      reportAt(ctx, modesPair?.key ?? specPair.key, 'A claim needs at least one access mode (such as ReadWriteOnce).', { data: { path: 'spec.accessModes', need: 'an access mode' } });
    }
    const values = modes?.items.map((n) => jsonValue(n)) ?? [];
    if (values.includes('ReadWriteOncePod') && values.length > 1) {
      reportAt(ctx, modesPair?.value, 'ReadWriteOncePod cannot be combined with other access modes.', { data: { path: 'spec.accessModes' } });
    }
    const resourcesPair = pairIn(spec, 'resources');
    const storageNode = childAt(resourcesPair?.value, 'requests', 'storage');
    const storage = jsonValue(storageNode);
    if (!isTemplated(ctx.doc, resourcesPair?.value)) {
      if (storageNode === undefined) {
        reportAt(ctx, resourcesPair?.key ?? specPair.key, 'A claim needs resources.requests.storage, the size it asks for.', { data: { path: 'spec.resources.requests.storage', need: 'a storage request' } });
      } else if ((typeof storage === 'number' || (typeof storage === 'string' && QUANTITY_RE.test(storage))) && !isTemplated(ctx.doc, storageNode)) {
        const size = parseQuantity(storage);
        if (size !== undefined && size <= 0) reportAt(ctx, storageNode, `The storage request must be greater than zero, got ${String(storage)}.`, { data: { path: 'spec.resources.requests.storage', value: storage } });
      }
    }
    const classNode = child(spec, 'storageClassName');
    const storageClass = jsonValue(classNode);
    if (typeof storageClass === 'string' && storageClass !== '' && !isTemplated(ctx.doc, classNode)) {
      const problem = dnsSubdomainProblem(storageClass);
      if (problem) reportAt(ctx, classNode, `Invalid storageClassName "${storageClass}": ${problem}.`, { data: { path: 'spec.storageClassName', value: storageClass } });
    }
  },
});
