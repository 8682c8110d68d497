/**
 * template-restart-policy: a workload's pod template must use restartPolicy Always.
 *
 *     template:
 *       spec:
 *         restartPolicy: OnFailure   # → Unsupported value "OnFailure": a Deployment's pod template must use …
 *
 * Workload controllers replace pods that exit; Never and OnFailure are for Jobs and bare Pods.
 */
import { apiServerRule } from '../util/defineRule';
import { child, isTemplated, jsonValue } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const templateRestartPolicy = apiServerRule({
  id: 'template-restart-policy',
  description: 'A workload pod template must use restartPolicy Always.',
  check(ctx) {
    const node = child(podFacts(ctx.doc).podSpec, 'restartPolicy');
    const v = jsonValue(node);
    const r = node?.range;
    if (!r || typeof v !== 'string' || v === 'Always' || v === '' || isTemplated(ctx.doc, node)) return;
    ctx.report({
      start: r[0],
      end: r[1],
      message: `Unsupported value "${v}": a ${ctx.kind}'s pod template must use restartPolicy "Always" (use a Job for pods that should finish).`,
      data: { path: 'spec.template.spec.restartPolicy', value: v, allowed: ['Always'] },
    });
  },
});
