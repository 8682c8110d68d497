/**
 * security-context-conflict: security settings that contradict each other.
 *
 *     securityContext:
 *       privileged: true
 *       allowPrivilegeEscalation: false    # → allowPrivilegeEscalation cannot be false when privileged is true.
 *
 * A privileged container always can escalate; and a pod sharing the host's PID namespace cannot
 * also share a process namespace of its own (shareProcessNamespace with hostPID).
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, jsonValue, pairIn } from '../util/nodes';
import { podFacts } from '../util/podFacts';

export const securityContextConflict = apiServerRule({
  id: 'security-context-conflict',
  kinds: POD_KINDS,
  description: 'allowPrivilegeEscalation false with privileged true; shareProcessNamespace with hostPID.',
  check(ctx) {
    const { podSpec, containers } = podFacts(ctx.doc);
    for (const c of containers) {
      const sc = child(c.map, 'securityContext');
      if (jsonValue(child(sc, 'privileged')) !== true || jsonValue(child(sc, 'allowPrivilegeEscalation')) !== false) continue;
      reportAt(ctx, child(sc, 'allowPrivilegeEscalation'), 'allowPrivilegeEscalation cannot be false when privileged is true: a privileged container can always escalate.', {
        data: { path: pathToString([...c.path, 'securityContext', 'allowPrivilegeEscalation']), need: 'drop privileged or allowPrivilegeEscalation' },
      });
    }
    if (jsonValue(child(podSpec, 'shareProcessNamespace')) === true && jsonValue(child(podSpec, 'hostPID')) === true) {
      reportAt(ctx, pairIn(podSpec, 'shareProcessNamespace')?.key, 'shareProcessNamespace and hostPID cannot both be enabled.', {
        data: { path: pathToString([...podFacts(ctx.doc).podSpecPath, 'shareProcessNamespace']), need: 'one of shareProcessNamespace and hostPID' },
      });
    }
  },
});
