/**
 * To a StatefulSet: `serviceName` and the headless Service it names (research §4.4.1).
 *
 *     kind: StatefulSet                    kind: StatefulSet
 *     metadata: {name: db}                 …
 *     spec:                        →       spec:
 *       selector: {matchLabels: {app: db}}   serviceName: db
 *                                          ---
 *                                          kind: Service    (clusterIP: None, selector app: db)
 *
 * A Service already in the file whose selector picks the pods is reused instead.
 */
import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap } from 'yaml';
import type { DocumentSlot } from '../parse/parseFile';
import { pairOf } from '../parse/navigate';
import { docFacts, sameNamespace, type ServiceFacts } from '../rules/util/fileFacts';
import { mapAt, podSpecOf, scalarAt, toData, type ConvertContext } from './convertContext';

export function addServiceName(ctx: ConvertContext): void {
  if (pairOf(ctx.spec, 'serviceName')) return;
  const metadata = mapAt(ctx.root, 'metadata');
  const name = String(scalarAt(metadata, 'name') ?? 'workload');
  const namespace = scalarAt(metadata, 'namespace');
  const labels = podLabels(ctx);
  // The Services' facts are kept with the parse, so no Service's tree is parsed again for this.
  const services = ctx.file.docs
    .flatMap((d) => (d === ctx.slot ? [] : serviceOf(d)))
    .filter((s) => sameNamespace(s.namespace, typeof namespace === 'string' ? namespace : undefined));
  const selecting = services.filter((s) => selectsPods(s, labels));
  const headless = selecting.find((s) => s.headless && s.name);
  if (headless) {
    insertServiceName(ctx, String(headless.name));
    ctx.notes.push(`serviceName set to the existing headless Service "${String(headless.name)}".`);
    return;
  }
  const base = serviceNameFor(name);
  const taken = (n: string) => services.some((s) => s.name === n);
  const svc = !taken(base) && base === name ? base : uniqueName(`${base.slice(0, 54)}-headless`, taken);
  insertServiceName(ctx, svc);
  ctx.editor.insertDocumentAfter(headlessService(ctx.spec, svc, labels, namespace));
  ctx.notes.push(`Added the headless Service "${svc}" that gives the pods stable DNS names (<pod>.${svc}).`);
  const plain = selecting.find((s) => s.name);
  if (plain) {
    ctx.notes.push(`The Service "${String(plain.name)}" also selects these pods; it is not headless (clusterIP: None), so it stays as it is for load balancing and the new headless Service names the pods.`);
  }
  if (mapAt(ctx.spec, 'selector') && pairOf(mapAt(ctx.spec, 'selector'), 'matchExpressions')) {
    ctx.notes.push('The selector uses matchExpressions, which a Service cannot express; check the new Service selector.');
  }
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    ctx.notes.push(`Rename the workload: "${name}" is not a DNS label (lowercase letters, digits and '-'), which a StatefulSet name must be because its pods are named <name>-<ordinal>.`);
  }
  if (name.length > 52) ctx.notes.push(`The name "${name}" is longer than 52 characters, the limit for a StatefulSet (pods get a "-<ordinal>" suffix and a revision label).`);
}

/**
 * `serviceName` where a person writes it: after `replicas`, else after `selector` (the keys
 * that say which pods and how many), quoted like the workload's own name.
 */
function insertServiceName(ctx: ConvertContext, svc: string): void {
  const after = pairOf(ctx.spec, 'replicas') ?? pairOf(ctx.spec, 'selector');
  const nameNode = pairOf(mapAt(ctx.root, 'metadata'), 'name')?.value;
  const value = isScalar(nameNode) && nameNode.type !== Scalar.PLAIN ? quoted(svc, nameNode.type) : svc;
  if (after && !ctx.spec.flow) ctx.editor.insertPairAfter(ctx.spec, after as never, 'serviceName', value);
  else ctx.editor.insertPair(ctx.spec, 'serviceName', value);
}

/** A string rendered with a given quoting style. */
function quoted(value: string, type: Scalar.Type | undefined): Scalar {
  const scalar = new Scalar(value);
  scalar.type = type;
  return scalar;
}

/** `base`, or `base-2`, `base-3` … when a Service of that name is already in the file. */
function uniqueName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** A DNS-1035 label derived from the workload name (a Service name must be one). */
function serviceNameFor(name: string): string {
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 54).replace(/-+$/, '');
  return label || 'workload';
}

/** The pods' labels: the selector's matchLabels (what a Service must select). */
export function podLabels(ctx: { readonly spec: YAMLMap }): Record<string, unknown> {
  const matchLabels = toData(mapAt(mapAt(ctx.spec, 'selector'), 'matchLabels'));
  if (matchLabels && typeof matchLabels === 'object') return matchLabels as Record<string, unknown>;
  const template = toData(mapAt(mapAt(mapAt(ctx.spec, 'template'), 'metadata'), 'labels'));
  return (template && typeof template === 'object' ? template : {}) as Record<string, unknown>;
}

function serviceOf(slot: DocumentSlot): ServiceFacts[] {
  const facts = docFacts(slot.parsed);
  return facts.type === 'service' ? [facts.service] : [];
}

function selectsPods(service: ServiceFacts, labels: Record<string, unknown>): boolean {
  const selector = service.selector;
  if (!selector || selector.size === 0) return false;
  return [...selector].every(([k, v]) => String(labels[k]) === v);
}

/** A headless Service selecting a workload's pods, with the containers' ports. */
export function headlessService(spec: YAMLMap, name: string, labels: Record<string, unknown>, namespace?: unknown): unknown {
  const ports = containerPorts(spec);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(typeof namespace === 'string' ? { namespace } : {}), labels },
    spec: { clusterIP: 'None', selector: labels, ...(ports.length ? { ports } : {}) },
  };
}

/** Service ports from every container's `ports[]`: port = targetPort = containerPort. */
function containerPorts(spec: YAMLMap): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const containers = pairOf(podSpecOf(spec), 'containers')?.value;
  if (!isSeq(containers)) return out;
  for (const container of containers.items) {
    const ports = isMap(container) ? pairOf(container, 'ports')?.value : undefined;
    if (!isSeq(ports)) continue;
    for (const port of (ports.items as Node[]).map(toData)) {
      const p = port as Record<string, unknown> | null;
      if (!p || typeof p.containerPort !== 'number' || out.some((o) => o.port === p.containerPort)) continue;
      out.push({
        ...(typeof p.name === 'string' ? { name: p.name } : {}),
        port: p.containerPort,
        targetPort: p.containerPort,
        ...(typeof p.protocol === 'string' && p.protocol !== 'TCP' ? { protocol: p.protocol } : {}),
      });
    }
  }
  // A Service with several ports needs a name on each.
  if (out.length > 1) out.forEach((p, i) => (p.name ??= `port-${i + 1}`));
  return out;
}
