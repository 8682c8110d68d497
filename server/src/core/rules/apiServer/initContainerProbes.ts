/**
 * init-container-probes: a run-to-completion init container cannot have probes or lifecycle hooks.
 *
 *     initContainers:
 *       - name: migrate
 *         readinessProbe: { exec: { command: [true] } }   # → readinessProbe may not be set for init containers without restartPolicy Always.
 *
 * Init containers run one after the other and must exit, so nothing would act on a probe. A
 * sidecar (an init container with restartPolicy Always) keeps running and may use them all.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, isSet, isTemplated, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const FIELDS = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerProbes = apiServerRule({
  id: 'init-container-probes',
  kinds: POD_KINDS,
  description: 'Init containers without restartPolicy Always may not set probes or lifecycle.',
  check(ctx) {
    for (const c of podFacts(ctx.doc).containers) {
      const policy = child(c.map, 'restartPolicy');
      if (!c.init || jsonValue(policy) === 'Always' || isTemplated(ctx.doc, policy)) continue;
      for (const field of FIELDS) {
        if (!isSet(c.map, field)) continue;
        reportAt(ctx, pairIn(c.map, field)?.key, `${field} may not be set for init containers without restartPolicy Always: they run to completion before the app starts.`, {
          data: { path: pathToString([...c.path, field]), field, need: 'remove it, or restartPolicy: Always for a sidecar' },
        });
      }
    }
  },
});

