/**
 * service-selects-nothing: a Service whose selector matches no workload's pods in the file.
 *
 *     kind: Service
 *     spec:
 *       selector: { app: web }     # → This Service selects no pods of the workloads in this file …
 *     ---
 *     kind: Deployment
 *     spec:
 *       template:
 *         metadata:
 *           labels: { app: frontend }
 *
 * Only checked when the file holds at least one workload: otherwise the pods live elsewhere.
 */
import type { FileRule, RelatedInfo } from '../ruleTypes';
import { docFacts, sameNamespace, type WorkloadFacts } from '../util/fileFacts';

export const serviceSelectsNothing: FileRule = {
  id: 'service-selects-nothing',
  scope: 'file',
  category: 'cross-document',
  defaultSeverity: 'warning',
  description: "A Service's selector should match the pod labels of a workload in the file.",
  check(ctx) {
    const workloads: [number, WorkloadFacts][] = [];
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot);
      if (f.type === 'workload') workloads.push([slot.index, f.workload]);
    }
    // A workload whose labels a template produces could match anything: stay silent.
    if (workloads.length === 0 || workloads.some(([, w]) => !w.podLabels)) return;
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot);
      if (f.type !== 'service' || !f.service.selector || f.service.selector.size === 0 || !f.service.selectorRange) continue;
      const { selector, namespace } = f.service;
      const hit = workloads.some(([, w]) => sameNamespace(w.namespace, namespace) && [...selector].every(([k, v]) => w.podLabels!.get(k) === v));
      if (hit) continue;
      const related: RelatedInfo[] = workloads
        .filter(([, w]) => w.labelsRange)
        .map(([docIndex, w]) => ({ docIndex, start: w.labelsRange![0], end: w.labelsRange![1], message: `${w.kind} "${w.name ?? ''}" pod labels.` }));
      const wanted = [...selector].map(([k, v]) => `${k}=${v}`).join(', ');
      ctx.report(slot.index, {
        start: f.service.selectorRange[0],
        end: f.service.selectorRange[1],
        message: `This Service selects no pods of the workloads in this file: no pod template has the labels ${wanted}.`,
        data: { selector: Object.fromEntries(selector) },
        related,
      });
    }
  },
};
