/**
 * readiness-probe: without a readiness probe a pod receives traffic as soon as it starts,
 * before it can answer, and keeps receiving it while it is overloaded.
 *
 *     - name: web                # ← Container "web" has no readinessProbe …
 *       ports: [{ containerPort: 8080 }]
 *   after:
 *     - name: web
 *       readinessProbe: { httpGet: { path: /ready, port: 8080 } }
 */
import { probeRule } from './probeRule';

export const readinessProbe = probeRule('readiness-probe', 'readinessProbe', 'so traffic reaches the pod only when it can answer');
