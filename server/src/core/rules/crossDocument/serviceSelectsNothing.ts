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
 *
 * Performance (issue #8): the rule runs over the whole file on every edit, so workloads are
 * indexed by each of their pod labels and a Service only looks at the workloads that carry the
 * rarest of its selector labels, rather than at every workload of the file.
 */
import type { FileRule, RelatedInfo } from '../ruleTypes';
import { docFacts, sameNamespace, type WorkloadFacts } from '../util/fileFacts';

/** Enough pod labels to compare with; a list of thousands would only bury the message. */
const MAX_RELATED = 5;

type Indexed = readonly [number, WorkloadFacts];

export const serviceSelectsNothing: FileRule = {
  id: 'service-selects-nothing',
  scope: 'file',
  category: 'cross-document',
  defaultSeverity: 'warning',
  description: "A Service's selector should match the pod labels of a workload in the file.",
  check(ctx) {
    const workloads: Indexed[] = [];
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot.parsed);
      if (f.type === 'workload') workloads.push([slot.index, f.workload]);
    }
    // A workload whose labels a template produces could match anything: stay silent.
    if (workloads.length === 0 || workloads.some(([, w]) => !w.podLabels)) return;
    const byLabel = indexByLabel(workloads);
    for (const slot of ctx.file.docs) {
      const f = docFacts(slot.parsed);
      if (f.type !== 'service' || !f.service.selector || f.service.selector.size === 0 || !f.service.selectorRange) continue;
      const { selector, namespace } = f.service;
      if (selects(byLabel, selector, namespace)) continue;
      const related: RelatedInfo[] = [];
      for (const [docIndex, w] of workloads) {
        if (related.length === MAX_RELATED) break;
        if (w.labelsRange) related.push({ docIndex, start: w.labelsRange[0], end: w.labelsRange[1], message: `${w.kind} "${w.name ?? ''}" pod labels.` });
      }
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

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function indexByLabel(workloads: readonly Indexed[]): Map<string, WorkloadFacts[]> {
  const byLabel = new Map<string, WorkloadFacts[]>();
  for (const [, w] of workloads) {
    for (const [k, v] of w.podLabels!) {
      const key = labelKey(k, v);
      const list = byLabel.get(key);
      if (list) list.push(w);
      else byLabel.set(key, [w]);
    }
  }
  return byLabel;
}

/** Whether some workload in a matching namespace has every label of the selector. */
function selects(byLabel: ReadonlyMap<string, readonly WorkloadFacts[]>, selector: ReadonlyMap<string, string>, namespace: string | undefined): boolean {
  let candidates: readonly WorkloadFacts[] | undefined;
  for (const [k, v] of selector) {
    const list = byLabel.get(labelKey(k, v));
    if (!list) return false;
    if (!candidates || list.length < candidates.length) candidates = list;
  }
  return candidates!.some((w) => sameNamespace(w.namespace, namespace) && [...selector].every(([k, v]) => w.podLabels!.get(k) === v));
}
