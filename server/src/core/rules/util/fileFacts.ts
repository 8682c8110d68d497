/**
 * Per-document facts for the cross-document rules: what a Service offers (name, headless,
 * selector) and what a workload needs (serviceName, pod labels). Memoised on each parsed
 * document, so an edit recomputes the edited document's facts only.
 */
import type { ParsedDocument } from '../../parse/parseFile';
import { childAt, isTemplated, jsonValue, pairIn, stringAt, stringMap } from './nodes';

export interface ServiceFacts {
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly headless: boolean;
  /** undefined when the selector is templated or absent (a Service without selector is managed by hand). */
  readonly selector: ReadonlyMap<string, string> | undefined;
  readonly nameRange: readonly [number, number] | undefined;
  readonly selectorRange: readonly [number, number] | undefined;
}

export interface WorkloadFacts {
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly serviceName: string | undefined;
  readonly serviceNameRange: readonly [number, number] | undefined;
  /** undefined when the labels are templated. */
  readonly podLabels: ReadonlyMap<string, string> | undefined;
  readonly labelsRange: readonly [number, number] | undefined;
}

export type DocFacts = { readonly type: 'service'; readonly service: ServiceFacts } | { readonly type: 'workload'; readonly workload: WorkloadFacts } | { readonly type: 'other' };

export function docFacts(doc: ParsedDocument): DocFacts {
  const cached = doc.lasting.get('rules:docFacts') as DocFacts | undefined;
  if (cached) return cached;
  const facts: DocFacts = doc.kind === 'Service' && doc.apiVersion === 'v1'
    ? { type: 'service', service: serviceFacts(doc) }
    : doc.isWorkload
      ? { type: 'workload', workload: workloadFacts(doc) }
      : { type: 'other' };
  doc.lasting.set('rules:docFacts', facts);
  return facts;
}

function range(node: { range?: [number, number, number] | null } | null | undefined): readonly [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

function serviceFacts(doc: ParsedDocument): ServiceFacts {
  const root = doc.doc.contents;
  const metadata = childAt(root, 'metadata');
  const spec = childAt(root, 'spec');
  const selectorNode = childAt(spec, 'selector');
  const templated = isTemplated(doc, selectorNode);
  return {
    name: stringAt(doc, metadata, 'name'),
    namespace: stringAt(doc, metadata, 'namespace'),
    headless: stringAt(doc, spec, 'clusterIP') === 'None',
    selector: selectorNode && !templated ? stringMap(doc, selectorNode) : undefined,
    nameRange: range(childAt(metadata, 'name')) ?? range(pairIn(root, 'kind')?.value),
    selectorRange: range(pairIn(spec, 'selector')?.key),
  };
}

function workloadFacts(doc: ParsedDocument): WorkloadFacts {
  const root = doc.doc.contents;
  const metadata = childAt(root, 'metadata');
  const labelsPair = pairIn(childAt(root, 'spec', 'template', 'metadata'), 'labels');
  const serviceNameNode = childAt(root, 'spec', 'serviceName');
  const serviceName = jsonValue(serviceNameNode);
  return {
    kind: doc.kind ?? '',
    name: stringAt(doc, metadata, 'name'),
    namespace: stringAt(doc, metadata, 'namespace'),
    serviceName: typeof serviceName === 'string' && serviceName !== '' && !isTemplated(doc, serviceNameNode) ? serviceName : undefined,
    serviceNameRange: range(serviceNameNode),
    podLabels: isTemplated(doc, labelsPair?.value) ? undefined : (stringMap(doc, labelsPair?.value) ?? new Map()),
    labelsRange: range(labelsPair?.key) ?? range(pairIn(root, 'kind')?.value),
  };
}

/** Objects without a namespace land in the one kubectl targets, so they match any namespace. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}
