/**
 * cpu-requests: a container without a CPU request is scheduled as if it needed none.
 *
 *     - name: web                # ← Container "web" has no CPU request …
 *       image: nginx:1.27
 *   after:
 *     - name: web
 *       resources: { requests: { cpu: 100m } }
 */
import { resourceRule } from './resourceRule';

export const cpuRequests = resourceRule({
  id: 'cpu-requests',
  section: 'requests',
  resource: 'cpu',
  defaultSeverity: 'warning',
  why: 'so the scheduler reserves CPU for it',
});
