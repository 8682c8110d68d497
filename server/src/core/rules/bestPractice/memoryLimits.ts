/**
 * memory-limits: without a memory limit one leaking container can exhaust its node.
 *
 *     - name: web                # ← Container "web" has no memory limit …
 *   after:
 *     - name: web
 *       resources: { limits: { memory: 256Mi } }
 */
import { resourceRule } from './resourceRule';

export const memoryLimits = resourceRule({
  id: 'memory-limits',
  section: 'limits',
  resource: 'memory',
  defaultSeverity: 'warning',
  why: 'so a leak cannot exhaust the node',
});
