/**
 * pod-fields: fields a Pod's spec validates that the other rules do not cover
 * (ValidatePodSpec, Kubernetes 1.36).
 *
 *     spec:
 *       activeDeadlineSeconds: 0      # → activeDeadlineSeconds must be at least 1, got 0.
 *       hostUsers: false
 *       hostNetwork: true             # → hostNetwork cannot be used when hostUsers is false: …
 *
 * activeDeadlineSeconds is at least 1; a pod in its own user namespace (hostUsers: false) cannot
 * share the node's network, PID or IPC namespaces; readiness gate condition types and scheduling
 * gate names are qualified names.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { qualifiedNameProblem } from '../util/qualifiedName';
import { checkBounds } from './nonNegative';

export const podOnlyFields = apiServerRule({
  id: 'pod-fields',
  kinds: POD_KINDS.filter((k) => k === 'Pod' || k === 'Job' || k === 'CronJob'),
  description: 'activeDeadlineSeconds ≥ 1, hostUsers: false without host namespaces, valid readiness and scheduling gate names.',
  check(ctx) {
    const { podSpec, podSpecPath } = podFacts(ctx.doc);
    if (!podSpec || isTemplated(ctx.doc, podSpec)) return;
    checkBounds(ctx, podSpec, podSpecPath, 'activeDeadlineSeconds', 1);
    if (jsonValue(child(podSpec, 'hostUsers')) === false) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
        const node = child(podSpec, field);
        if (jsonValue(node) === true) {
          reportAt(ctx, node, `${field} cannot be used when hostUsers is false: a pod in its own user namespace cannot share the node's namespaces.`, { data: { path: pathToString([...podSpecPath, field]) } });
        }
      }
    }
    for (const { index, map } of mapItems(child(podSpec, 'readinessGates'))) checkName(ctx, child(map, 'conditionType'), [...podSpecPath, 'readinessGates', index, 'conditionType'], 'readiness gate conditionType');
    for (const { index, map } of mapItems(child(podSpec, 'schedulingGates'))) checkName(ctx, child(map, 'name'), [...podSpecPath, 'schedulingGates', index, 'name'], 'scheduling gate name');
  },
});

function checkName(ctx: Parameters<typeof podOnlyFields.check>[0], node: ReturnType<typeof child>, path: (string | number)[], what: string): void {
  const v = jsonValue(node);
  if (typeof v !== 'string' || isTemplated(ctx.doc, node)) return;
  const problem = qualifiedNameProblem(v);
  if (problem) reportAt(ctx, node, `Invalid ${what} "${v}": ${problem}.`, { data: { path: pathToString(path), value: v } });
}
