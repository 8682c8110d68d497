/**
 * liveness-probe: without a liveness probe a hung process keeps its pod forever.
 *
 *     - name: web                # ← Container "web" has no livenessProbe …
 *       ports: [{ containerPort: 8080 }]
 *   after:
 *     - name: web
 *       ports: [{ containerPort: 8080 }]
 *       livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
 */
import { probeRule } from './probeRule';

export const livenessProbe = probeRule('liveness-probe', 'livenessProbe', 'so the kubelet restarts the container when it hangs');
