/**
 * host-network, host-pid and host-ipc share one shape: a pod-spec boolean that puts the pod in
 * the node's namespace.
 */
import type { DocumentRule } from '../ruleTypes';
import { pairIn } from '../util/nodes';
import { pairRange, podRule, POD_SPEC_PATH, valueAt } from './util';

export function hostNamespaceRule(id: string, key: 'hostNetwork' | 'hostPID' | 'hostIPC', consequence: string): DocumentRule {
  return podRule({
    id,
    defaultSeverity: 'warning',
    description: `Pods should not set ${key}: true.`,
    check(ctx, pod) {
      if (valueAt(ctx.doc, pod, key) !== true) return;
      const range = pairRange(pairIn(pod, key)!);
      if (!range) return;
      ctx.report({
        start: range[0],
        end: range[1],
        message: `The pod shares the node's ${consequence}: remove "${key}: true" unless the workload must manage the node.`,
        data: { fieldPath: [...POD_SPEC_PATH, key] },
      });
    },
  });
}
