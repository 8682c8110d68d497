/**
 * active-deadline-forbidden: activeDeadlineSeconds has no place in a workload's pod template.
 *
 *     template:
 *       spec:
 *         activeDeadlineSeconds: 600   # → activeDeadlineSeconds is not supported in a Deployment's pod template …
 *
 * A deadline would kill pods the controller then recreates; it is for Jobs.
 */
import { apiServerRule } from '../util/defineRule';
import { isSet, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const activeDeadlineForbidden = apiServerRule({
  id: 'active-deadline-forbidden',
  description: 'activeDeadlineSeconds is forbidden in a workload pod template.',
  check(ctx) {
    const pair = pairIn(podFacts(ctx.doc).podSpec, 'activeDeadlineSeconds');
    const r = pair?.key?.range;
    if (!r || !isSet(podFacts(ctx.doc).podSpec, 'activeDeadlineSeconds')) return;
    // The API server names ReplicaSet for Deployments too: a Deployment's pods belong to ReplicaSets.
    const owner = ctx.kind === 'Deployment' ? 'ReplicaSet' : ctx.kind;
    ctx.report({
      start: r[0],
      end: r[1],
      message: `activeDeadlineSeconds is not supported in a ${ctx.kind}'s pod template (the API server: "activeDeadlineSeconds in ${owner} is not Supported"). Remove it; use a Job for pods with a deadline.`,
      data: { path: 'spec.template.spec.activeDeadlineSeconds' },
    });
  },
});
