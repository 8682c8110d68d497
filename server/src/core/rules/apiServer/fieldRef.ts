/**
 * field-ref: a downward API fieldPath must be one the API server supports.
 *
 *     valueFrom:
 *       fieldRef:
 *         fieldPath: metadata.labels      # → Unsupported fieldPath "metadata.labels" for an env var: …
 *
 * Env vars take one value (`metadata.labels['app']`, `status.podIP`, …); downwardAPI volumes
 * may also expose all labels or annotations as a file, but not the node or the IPs.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, childAt, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { qualifiedNameProblem } from '../util/qualifiedName';

/** validEnvDownwardAPIFieldPathExpressions in pkg/apis/core/validation. */
const ENV_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** validVolumeDownwardAPIFieldPathExpressions. */
const VOLUME_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];

export const fieldRef = apiServerRule({
  id: 'field-ref',
  kinds: POD_KINDS,
  description: 'A downward API fieldRef.fieldPath must be a supported field.',
  check(ctx) {
    const { containers, volumes } = podFacts(ctx.doc);
    for (const c of containers) {
      for (const { index, map } of mapItems(child(c.map, 'env'))) {
        const path: YamlPath = [...c.path, 'env', index, 'valueFrom', 'fieldRef', 'fieldPath'];
        checkPath(ctx, childAt(map, 'valueFrom', 'fieldRef', 'fieldPath'), path, ENV_PATHS, 'an env var');
      }
    }
    for (const v of volumes) {
      checkItems(ctx, childAt(v.map, 'downwardAPI', 'items'), [...v.path, 'downwardAPI', 'items']);
      for (const { index, map } of mapItems(childAt(v.map, 'projected', 'sources'))) {
        checkItems(ctx, childAt(map, 'downwardAPI', 'items'), [...v.path, 'projected', 'sources', index, 'downwardAPI', 'items']);
      }
    }
  },
});

function checkItems(ctx: RuleContext, items: unknown, path: YamlPath): void {
  for (const { index, map } of mapItems(items)) {
    checkPath(ctx, childAt(map, 'fieldRef', 'fieldPath'), [...path, index, 'fieldRef', 'fieldPath'], VOLUME_PATHS, 'a downwardAPI volume');
  }
}

function checkPath(ctx: RuleContext, node: Node | undefined, path: YamlPath, allowed: readonly string[], where: string): void {
  const value = jsonValue(node);
  if (typeof value !== 'string' || value === '' || isTemplated(ctx.doc, node)) return;
  const problem = fieldPathProblem(value, allowed);
  if (!problem) return;
  reportAt(ctx, node, `Unsupported fieldPath "${value}" for ${where}: ${problem}.`, { data: { path: pathToString(path), value, allowed } });
}

function fieldPathProblem(value: string, allowed: readonly string[]): string | undefined {
  const subscript = /^(.+)\['(.*)'\]$/.exec(value);
  if (subscript) {
    const [, base, key] = subscript;
    if (base !== 'metadata.labels' && base !== 'metadata.annotations') return "only metadata.labels and metadata.annotations take a ['key'] subscript";
    const problem = qualifiedNameProblem(base === 'metadata.annotations' ? key!.toLowerCase() : key!);
    return problem ? `the key "${key!}" is invalid: ${problem}` : undefined;
  }
  if (allowed.includes(value)) return undefined;
  return `supported values are ${allowed.map((a) => `"${a}"`).join(', ')}, metadata.labels['<key>'] and metadata.annotations['<key>']`;
}
