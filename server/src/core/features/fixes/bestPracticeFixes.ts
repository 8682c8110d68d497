/**
 * Fixes for best-practice findings, where Polaris-style tooling offers one: resource and probe
 * skeletons to fill in, and the container security settings.
 *
 *     - name: web                        - name: web
 *       image: nginx:1.27        →         image: nginx:1.27
 *                                          securityContext:
 *                                            allowPrivilegeEscalation: false
 *
 * Settings that can stop an image from starting (run as non-root, read-only root filesystem)
 * and guessed resource values are offered but never preferred, so fix-all leaves them alone.
 */
import { isMap, isSeq } from 'yaml';
import { nodeAtPath, type PathSegment } from '../../parse/navigate';
import { toData } from '../../convert/convertContext';
import { appendIn, compact, makeFix, parsePath, setIn, type FixContext, type FixProvider } from './fixTypes';

/** Starting values to edit, not recommendations. */
const RESOURCE_PLACEHOLDERS: Record<string, string> = {
  'requests.cpu': '100m',
  'requests.memory': '128Mi',
  'limits.cpu': '500m',
  'limits.memory': '256Mi',
};

const resources: FixProvider = (ctx) => {
  const section = String(ctx.data['section']);
  const resource = String(ctx.data['resource']);
  const base = parsePath(ctx.data['resourcesPath']);
  const placeholder = RESOURCE_PLACEHOLDERS[`${section}.${resource}`];
  if (!placeholder || base.length === 0) return [];
  // A request above its limit is rejected: beside an existing counterpart, the placeholder is
  // that value (request = limit, the Guaranteed pattern), never a guess on the wrong side of it.
  const other = section === 'limits' ? 'requests' : section === 'requests' ? 'limits' : undefined;
  const counterpart = other && toData(nodeAtPath(ctx.slot.parsed, [...base.slice(0, -1), other, resource]));
  const value = typeof counterpart === 'string' || typeof counterpart === 'number' ? counterpart : placeholder;
  const why = value === placeholder ? 'adjust to the workload' : `the ${other === 'limits' ? 'limit' : 'request'}; adjust to the workload`;
  return compact([makeFix(ctx.slot, `Add resources.${section}.${resource}: ${String(value)} (${why})`, (e) => void setIn(e, [...base, resource], value))]);
};

/** A probe on the container's first port, or an exec placeholder when it declares none. */
function probeSkeleton(ctx: FixContext, container: PathSegment[]): Record<string, unknown> {
  const ports = nodeAtPath(ctx.slot.parsed, [...container, 'ports']);
  const first = isSeq(ports) ? (toData(ports.items[0]) as Record<string, unknown> | null) : null;
  const port = first?.['name'] ?? first?.['containerPort'];
  const handler = port !== undefined ? { tcpSocket: { port } } : { exec: { command: ['true'] } };
  return { ...handler, initialDelaySeconds: 5, periodSeconds: 10 };
}

const probe: FixProvider = (ctx) => {
  const key = String(ctx.data['probe']);
  const container = parsePath(ctx.data['containerPath']);
  if (!isMap(nodeAtPath(ctx.slot.parsed, container))) return [];
  return compact([makeFix(ctx.slot, `Add a ${key} skeleton`, (e) => void setIn(e, [...container, key], probeSkeleton(ctx, container)))]);
};

function securitySetting(value: boolean, preferred: boolean): FixProvider {
  return (ctx) => {
    const path = parsePath(ctx.data['fieldPath']);
    const field = path[path.length - 1];
    if (typeof field !== 'string' || field === 'runAsUser') return [];
    return compact([makeFix(ctx.slot, `Set securityContext.${field}: ${String(value)}`, (e) => void setIn(e, path, value), preferred)]);
  };
}

const dropNetRaw: FixProvider = (ctx) => {
  const path = parsePath(ctx.data['fieldPath']);
  if (path.length === 0) return [];
  return compact([makeFix(ctx.slot, 'Drop the NET_RAW capability', (e) => void appendIn(e, path, 'NET_RAW'), true)]);
};

/** Replaces a floating tag by a placeholder the user must edit: the point is to pick a version. */
const latestTag: FixProvider = (ctx) => {
  const container = parsePath(ctx.data['containerPath']);
  const image = ctx.data['image'];
  const node = nodeAtPath(ctx.slot.parsed, [...container, 'image']);
  if (typeof image !== 'string' || !node || !('range' in node)) return [];
  const repo = image.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
  return compact([makeFix(ctx.slot, 'Pin the image to a version (placeholder tag to edit)', (e) => e.replaceScalar(node, `${repo}:PIN-A-VERSION`))]);
};

export const BEST_PRACTICE_FIXES: Readonly<Record<string, FixProvider>> = {
  'cpu-requests': resources,
  'memory-requests': resources,
  'cpu-limits': resources,
  'memory-limits': resources,
  'liveness-probe': probe,
  'readiness-probe': probe,
  'run-as-non-root': securitySetting(true, false),
  'read-only-root-filesystem': securitySetting(true, false),
  'allow-privilege-escalation': securitySetting(false, true),
  'drop-net-raw': dropNetRaw,
  'latest-tag': latestTag,
};
