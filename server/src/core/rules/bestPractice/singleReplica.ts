/**
 * single-replica (off by default): a Deployment with one replica is down during every rollout
 * that cannot surge and every node drain.
 *
 *     spec:
 *       replicas: 1              # ← … runs a single replica
 *   after:
 *       replicas: 2
 */
import { child, pairIn } from '../util/nodes';
import { pairRange, podRule, templatedAt, valueAt } from './util';

export const singleReplica = podRule({
  id: 'single-replica',
  defaultSeverity: 'off',
  description: 'Deployments should run at least two replicas.',
  kinds: ['Deployment'],
  check(ctx) {
    const root = ctx.doc.doc.contents;
    const spec = child(root, 'spec');
    if (templatedAt(ctx.doc, spec, 'replicas')) return;
    const replicas = valueAt(ctx.doc, spec, 'replicas');
    // An absent replicas field defaults to 1; 0 is a deliberate scale-down; an HPA may own it.
    if (replicas !== undefined && replicas !== 1) return;
    const pair = pairIn(spec, 'replicas') ?? pairIn(root, 'spec');
    const range = pair ? pairRange(pair) : undefined;
    if (!pair || !range) return;
    const end = pair.value === spec ? range[0] + 'spec'.length : range[1];
    ctx.report({
      start: range[0],
      end,
      message: `The Deployment runs a single replica${replicas === undefined ? ' (replicas defaults to 1)' : ''}: set replicas to 2 or more so it survives a node drain.`,
      data: { fieldPath: ['spec', 'replicas'], replicas: replicas ?? null },
    });
  },
});
