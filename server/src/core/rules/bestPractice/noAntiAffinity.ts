/**
 * no-anti-affinity: with two or more replicas and nothing that spreads them, the scheduler may
 * put them all on one node, and that node's failure takes the whole workload down.
 *
 *     spec:
 *       replicas: 3              # ← … nothing spreads the 3 replicas across nodes
 *   after:
 *       template:
 *         spec:
 *           topologySpreadConstraints:
 *             - { maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: … }
 */
import { child, childAt, nodeRange, pairIn } from '../util/nodes';
import { mayRenderFields, pairRange, podRule, templatedAt, valueAt } from './util';

export const noAntiAffinity = podRule({
  id: 'no-anti-affinity',
  defaultSeverity: 'info',
  description: 'Workloads with two or more replicas should spread them with podAntiAffinity or topologySpreadConstraints.',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  check(ctx, pod) {
    const spec = child(ctx.doc.doc.contents, 'spec');
    const replicas = valueAt(ctx.doc, spec, 'replicas');
    if (typeof replicas !== 'number' || replicas < 2) return;
    if (childAt(pod, 'affinity', 'podAntiAffinity') || child(pod, 'topologySpreadConstraints')) return;
    if (templatedAt(ctx.doc, pod, 'affinity') || templatedAt(ctx.doc, pod, 'topologySpreadConstraints') || mayRenderFields(ctx.doc, pod)) return;
    const range = pairRange(pairIn(spec, 'replicas')!) ?? nodeRange(spec);
    if (!range) return;
    ctx.report({
      start: range[0],
      end: range[1],
      message: `Nothing spreads the ${replicas} replicas across nodes: add topologySpreadConstraints or a podAntiAffinity to the pod template.`,
      data: { podSpecPath: ['spec', 'template', 'spec'], replicas },
    });
  },
});
