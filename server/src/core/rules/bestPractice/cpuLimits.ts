/**
 * cpu-limits (off by default): CPU limits throttle a container even when the node is idle, so
 * many teams deliberately leave them out; turn the rule on where a policy requires them.
 *
 *     - name: web                # ← Container "web" has no CPU limit …
 *   after:
 *     - name: web
 *       resources: { limits: { cpu: "1" } }
 */
import { resourceRule } from './resourceRule';

export const cpuLimits = resourceRule({
  id: 'cpu-limits',
  section: 'limits',
  resource: 'cpu',
  defaultSeverity: 'off',
  why: 'if your policy caps CPU per container',
});
