/**
 * The pod template's parts that many rules look at (containers, init containers, volumes, claim
 * templates), gathered once per parsed document and memoised on it, so twenty rules do not walk
 * the same tree twenty times.
 */
import type { Node, YAMLMap } from 'yaml';
import type { ParsedDocument } from '../../parse/parseFile';
import type { YamlPath } from '../../parse/navigate';
import { asMap, childAt, mapItems, pairIn } from './nodes';

export type NodeMap = YAMLMap<Node, Node | null>;

export interface ContainerFact {
  readonly map: NodeMap;
  /** `spec.template.spec.containers[0]` as a path. */
  readonly path: YamlPath;
  readonly init: boolean;
}

export interface VolumeFact {
  readonly map: NodeMap;
  readonly path: YamlPath;
}

export interface PodFacts {
  readonly spec: NodeMap | undefined;
  /** The pod template (for a Pod, the document itself: its metadata and spec). */
  readonly template: NodeMap | undefined;
  readonly podSpec: NodeMap | undefined;
  /** Where the template and the pod spec sit in this kind (`spec.template.spec`, a CronJob's `spec.jobTemplate.spec.template.spec`, a Pod's `spec`). */
  readonly templatePath: YamlPath;
  readonly podSpecPath: YamlPath;
  /** Init containers first, then containers (the order the API server validates them). */
  readonly containers: readonly ContainerFact[];
  readonly volumes: readonly VolumeFact[];
  /** StatefulSet `volumeClaimTemplates[]` items. */
  readonly claimTemplates: readonly VolumeFact[];
}

/** The pod spec of the workload kinds and Jobs. */
export const POD_SPEC_PATH: YamlPath = ['spec', 'template', 'spec'];

const TEMPLATE_PATHS: Readonly<Record<string, YamlPath>> = {
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

/** Where a kind keeps its pod template: `spec.template` but for CronJob (in its job template) and Pod (itself). */
export function templatePathOf(kind: string | undefined): YamlPath {
  return (kind !== undefined && Object.prototype.hasOwnProperty.call(TEMPLATE_PATHS, kind) ? TEMPLATE_PATHS[kind] : undefined) ?? ['spec', 'template'];
}

export function podFacts(doc: ParsedDocument): PodFacts {
  const cached = doc.memo.get('rules:podFacts') as PodFacts | undefined;
  if (cached) return cached;
  const root = doc.doc.contents;
  const spec = asMap(childAt(root, 'spec'));
  const templatePath = templatePathOf(doc.kind);
  const podSpecPath = [...templatePath, 'spec'];
  const template = asMap(templatePath.length === 0 ? root : childAt(root, ...(templatePath as string[])));
  const podSpec = asMap(childAt(template, 'spec'));
  const containers: ContainerFact[] = [];
  for (const field of ['initContainers', 'containers'] as const) {
    for (const { index, map } of mapItems(childAt(podSpec, field))) {
      containers.push({ map, path: [...podSpecPath, field, index], init: field === 'initContainers' });
    }
  }
  const volumes = mapItems(childAt(podSpec, 'volumes')).map(({ index, map }) => ({ map, path: [...podSpecPath, 'volumes', index] }));
  const claimTemplates = mapItems(childAt(spec, 'volumeClaimTemplates')).map(({ index, map }) => ({
    map,
    path: ['spec', 'volumeClaimTemplates', index],
  }));
  const facts: PodFacts = { spec, template, podSpec, templatePath, podSpecPath, containers, volumes, claimTemplates };
  doc.memo.set('rules:podFacts', facts);
  return facts;
}

/** The key node of a field in a map, for underlining (falls back to the map itself). */
export function keyNodeOf(map: NodeMap | undefined, key: string): Node | undefined {
  return pairIn(map, key)?.key ?? undefined;
}
