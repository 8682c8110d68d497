/**
 * Shared helpers of the best-practice rules: the pod spec, every container with its path (memoised
 * on the parse, so thirty rules walk the tree once), the securityContext a container really runs
 * with, and the `data` every container finding carries for its quick-fix.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import type { PathSegment } from '../../parse/navigate';
import type { DocumentRule, Problem, RuleContext } from '../ruleTypes';
import type { SeverityOrOff } from '../../settings/settings';
import { child, childAt, isTemplated, jsonValue, mapItems, nodeRange, pairIn, stringAt, type JsonScalar } from '../util/nodes';

export const POD_SPEC_PATH: readonly PathSegment[] = ['spec', 'template', 'spec'];

export interface ContainerInfo {
  /** `['spec', 'template', 'spec', 'containers', 0]`: where a quick-fix edits. */
  readonly path: readonly PathSegment[];
  readonly list: 'containers' | 'initContainers';
  readonly map: YAMLMap<Node, Node | null>;
  readonly name: string | undefined;
  /** What a finding about the whole container underlines: its name, else the item's first line. */
  readonly anchor: readonly [number, number];
  /** An init container with restartPolicy Always runs for the pod's lifetime, like a container. */
  readonly sidecar: boolean;
}

/** The pod template's spec map, when present. */
export function podSpec(doc: ParsedDocument): YAMLMap<Node, Node | null> | undefined {
  const node = childAt(doc.doc.contents, ...(POD_SPEC_PATH as string[]));
  return node && (node as YAMLMap).items ? (node as YAMLMap<Node, Node | null>) : undefined;
}

/** Every container and init container of the pod template, in document order. */
export function allContainers(doc: ParsedDocument): readonly ContainerInfo[] {
  const cached = doc.memo.get('bp:containers') as ContainerInfo[] | undefined;
  if (cached) return cached;
  const spec = podSpec(doc);
  const out: ContainerInfo[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    for (const { index, map } of mapItems(child(spec, list))) {
      const nameNode = child(map, 'name');
      const name = stringAt(doc, map, 'name');
      const first = map.range ? [map.range[0], lineEnd(doc.text, map.range[0])] as const : ([0, 0] as const);
      const anchor = (name !== undefined ? nodeRange(nameNode) : undefined) ?? first;
      const sidecar = list === 'initContainers' && stringAt(doc, map, 'restartPolicy') === 'Always';
      out.push({ path: [...POD_SPEC_PATH, list, index], list, map, name, anchor, sidecar });
    }
  }
  doc.memo.set('bp:containers', out);
  return out;
}

/** Containers that run for the pod's lifetime: regular containers and sidecars. */
export function longRunningContainers(doc: ParsedDocument): readonly ContainerInfo[] {
  return allContainers(doc).filter((c) => c.list === 'containers' || c.sidecar);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** How the container is named in messages. */
export function label(c: ContainerInfo): string {
  const what = c.list === 'initContainers' ? 'Init container' : 'Container';
  return c.name !== undefined ? `${what} "${c.name}"` : what;
}

/** The `data` of a container finding: where the container is and what it is called. */
export function containerData(c: ContainerInfo, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { containerPath: c.path, containerName: c.name ?? null, ...extra };
}

/** [start, end) from a pair's key to the end of its value: `privileged: true`. */
export function pairRange(pair: Pair<Node, Node | null>): [number, number] | undefined {
  const key = nodeRange(pair.key);
  if (!key) return undefined;
  const value = nodeRange(pair.value);
  return [key[0], value ? Math.max(value[1], key[1]) : key[1]];
}

/** A scalar as the API server decodes it, or undefined when absent or templated. */
export function valueAt(doc: ParsedDocument, map: unknown, ...keys: string[]): JsonScalar | undefined {
  const node = childAt(map, ...keys);
  if (!node || isTemplated(doc, node)) return undefined;
  return jsonValue(node);
}

/** True when the key is present but its value comes from a Helm action (unknown to us). */
export function templatedAt(doc: ParsedDocument, map: unknown, ...keys: string[]): boolean {
  if (!doc.template) return false;
  let parent = map;
  for (let i = 0; i < keys.length - 1 && parent !== undefined; i++) parent = child(parent, keys[i]!);
  const pair = pairIn(parent, keys[keys.length - 1]!);
  return !!pair && isTemplated(doc, pair.value ?? pair.key);
}

/**
 * The effective value of a securityContext field that exists on both the pod and the container
 * (runAsNonRoot, runAsUser, runAsGroup, seccompProfile …): the container's wins.
 */
export function effectiveSecurity(doc: ParsedDocument, c: ContainerInfo, key: string): JsonScalar | undefined {
  const own = valueAt(doc, c.map, 'securityContext', key);
  return own !== undefined ? own : valueAt(doc, podSpec(doc), 'securityContext', key);
}

/**
 * True when a line inside the node is nothing but Helm actions (`{{- include "probes" . }}`,
 * `{{- toYaml .Values.resources | nindent 12 }}`): such a line may render any field, so rules
 * about a missing field stay quiet.
 */
export function mayRenderFields(doc: ParsedDocument, node: Node | null | undefined): boolean {
  const range = node?.range;
  if (!doc.template || !range) return false;
  for (const [start] of doc.template.ranges) {
    if (start < range[0] || start > range[2]) continue;
    const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
    if (doc.text.slice(lineStart, start).trim() === '') return true;
  }
  return false;
}

/**
 * True when the container's security settings may come from a Helm action: a templated
 * securityContext value, or an action-only line inside the container (or, when the pod's
 * securityContext counts too, inside the pod spec).
 */
export function securityTemplated(doc: ParsedDocument, c: ContainerInfo, podToo = false): boolean {
  if (templatedAt(doc, c.map, 'securityContext') || mayRenderFields(doc, c.map)) return true;
  const pod = podSpec(doc);
  return podToo && (templatedAt(doc, pod, 'securityContext') || mayRenderFields(doc, pod));
}

export interface ContainerRuleSpec {
  readonly id: string;
  readonly defaultSeverity: SeverityOrOff;
  readonly description: string;
  readonly kinds?: DocumentRule['kinds'];
  /** Which containers the rule looks at; long-running ones unless said otherwise. */
  readonly containers?: 'all' | 'long-running' | 'regular';
  check(ctx: RuleContext, c: ContainerInfo): void;
}

/** A best-practice rule that looks at one container at a time. */
export function containerRule(spec: ContainerRuleSpec): DocumentRule {
  return {
    id: spec.id,
    scope: 'document',
    category: 'best-practice',
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    ...(spec.kinds ? { kinds: spec.kinds } : {}),
    check(ctx) {
      const which = spec.containers ?? 'long-running';
      const list =
        which === 'all'
          ? allContainers(ctx.doc)
          : which === 'regular'
            ? allContainers(ctx.doc).filter((c) => c.list === 'containers')
            : longRunningContainers(ctx.doc);
      for (const c of list) spec.check(ctx, c);
    },
  };
}

/** Reports a finding on the container's anchor (its name). */
export function reportOnContainer(ctx: RuleContext, c: ContainerInfo, message: string, extra: Record<string, unknown> = {}, problem: Partial<Problem> = {}): void {
  ctx.report({ start: c.anchor[0], end: c.anchor[1], message, data: containerData(c, extra), ...problem });
}

/** A pod-spec rule: a document rule with the pod spec at hand. */
export function podRule(spec: Omit<ContainerRuleSpec, 'check' | 'containers'> & { check(ctx: RuleContext, pod: YAMLMap<Node, Node | null>): void }): DocumentRule {
  return {
    id: spec.id,
    scope: 'document',
    category: 'best-practice',
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    ...(spec.kinds ? { kinds: spec.kinds } : {}),
    check(ctx) {
      const pod = podSpec(ctx.doc);
      if (pod) spec.check(ctx, pod);
    },
  };
}
