/**
 * env-name: environment variable names (and envFrom prefixes) the API server accepts.
 *
 *     env:
 *       - name: 1ST_VALUE     # → Invalid environment variable name "1ST_VALUE": … must not start with a digit (Kubernetes 1.31).
 *
 * Up to 1.31 a name is `[-._a-zA-Z][-._a-zA-Z0-9]*` (a C identifier plus '-' and '.'). From 1.32
 * (RelaxedEnvironmentVariableValidation, beta and on by default; GA in 1.34) any printable ASCII
 * character except '=' is allowed. kubernetesVersion picks the rule.
 */
import { POD_KINDS } from '../../kinds/manifestKinds';
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import type { YamlPath } from '../../parse/navigate';
import { versionAtLeast } from '../../settings/settings';
import { apiServerRule, pathToString, reportAt } from '../util/defineRule';
import { child, childAt, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';

const STRICT = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const RELAXED = /^[\x20-\x3c\x3e-\x7e]+$/;

export const envName = apiServerRule({
  id: 'env-name',
  kinds: POD_KINDS,
  description: 'Environment variable names must be valid for the Kubernetes version.',
  check(ctx) {
    const relaxed = versionAtLeast(ctx.settings.kubernetesVersion, '1.32');
    for (const c of podFacts(ctx.doc).containers) {
      for (const { index, map } of mapItems(child(c.map, 'env'))) {
        checkName(ctx, child(map, 'name'), [...c.path, 'env', index, 'name'], relaxed, false);
      }
      for (const { index, map } of mapItems(child(c.map, 'envFrom'))) {
        checkName(ctx, childAt(map, 'prefix'), [...c.path, 'envFrom', index, 'prefix'], relaxed, true);
      }
    }
  },
});

function checkName(ctx: RuleContext, node: Node | undefined, path: YamlPath, relaxed: boolean, prefix: boolean): void {
  const name = jsonValue(node);
  if (typeof name !== 'string' || isTemplated(ctx.doc, node) || (prefix && name === '')) return;
  const problem = nameProblem(name, relaxed, ctx.settings.kubernetesVersion);
  if (!problem) return;
  const what = prefix ? 'envFrom prefix' : 'environment variable name';
  reportAt(ctx, node, `Invalid ${what} "${name}": ${problem}.`, { data: { path: pathToString(path), value: name, relaxed } });
}

function nameProblem(name: string, relaxed: boolean, version: string): string | undefined {
  if (name === '') return 'a name is required';
  if (relaxed) return RELAXED.test(name) ? undefined : "it may contain only printable ASCII characters other than '='";
  if (STRICT.test(name)) return undefined;
  const detail = /^[0-9]/.test(name) ? 'must not start with a digit' : "may contain only letters, digits, '_', '-' and '.'";
  return `it ${detail} (Kubernetes ${version}; from 1.32 any printable ASCII character except '=' is allowed)`;
}
