/**
 * memory-requests: a container without a memory request is the first to be evicted under
 * memory pressure, and the scheduler may overcommit its node.
 *
 *     - name: web                # ← Container "web" has no memory request …
 *   after:
 *     - name: web
 *       resources: { requests: { memory: 128Mi } }
 */
import { resourceRule } from './resourceRule';

export const memoryRequests = resourceRule({
  id: 'memory-requests',
  section: 'requests',
  resource: 'memory',
  defaultSeverity: 'warning',
  why: 'so the scheduler reserves memory for it',
});
