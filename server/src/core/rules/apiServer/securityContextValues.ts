/**
 * security-context-values: securityContext values the API server refuses.
 *
 *     securityContext:
 *       runAsUser: -1                 # → runAsUser must be between 0 and 2147483647, got -1.
 *       seccompProfile:
 *         type: Localhost             # → seccompProfile.localhostProfile is required when type is Localhost.
 *       sysctls: [{name: "bad name", value: "1"}]   # → Invalid sysctl name "bad name" …
 *
 * Checked, in the pod's and each container's securityContext: user and group ids
 * (runAsUser, runAsGroup, fsGroup, supplementalGroups) within 0–2147483647; a seccomp or
 * AppArmor profile of type Localhost names its localhostProfile, and only that type may; sysctl
 * names; and a Windows hostProcess container needs hostNetwork: true.
 * Source: k8s.io/kubernetes pkg/apis/core/validation (ValidatePodSecurityContext,
 * ValidateSecurityContext, validateSeccompProfileField, ValidateAppArmorProfileField,
 * validateSysctls, validateWindowsHostProcessPod).
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt, type YamlPath } from '../util/defineRule';
import { asSeq, child, isSet, isTemplated, jsonValue, mapItems, pairIn, stringAt } from '../util/nodes';
import { podFacts, POD_SPEC_PATH } from '../util/podFacts';
import { quote } from '../util/quote';

const MAX_ID = 2147483647;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

export const securityContextValues = apiServerRule({
  id: 'security-context-values',
  kinds: POD_KINDS,
  description: 'User and group ids in range, Localhost seccomp/AppArmor profiles named, valid sysctl names, hostProcess with hostNetwork.',
  check(ctx) {
    const { podSpec, containers } = podFacts(ctx.doc);
    const podPath: YamlPath = [...POD_SPEC_PATH, 'securityContext'];
    const podSc = child(podSpec, 'securityContext');
    checkIds(ctx, podSc, podPath, ['runAsUser', 'runAsGroup', 'fsGroup']);
    asSeq(child(podSc, 'supplementalGroups'))?.items.forEach((item, i) => checkId(ctx, item, [...podPath, 'supplementalGroups', i]));
    checkProfiles(ctx, podSc, podPath);
    for (const { index, map } of mapItems(child(podSc, 'sysctls'))) checkSysctl(ctx, map, [...podPath, 'sysctls', index]);
    let hostProcess: Node | undefined = hostProcessNode(podSc);
    for (const c of containers) {
      const sc = child(c.map, 'securityContext');
      const path = [...c.path, 'securityContext'];
      checkIds(ctx, sc, path, ['runAsUser', 'runAsGroup']);
      checkProfiles(ctx, sc, path);
      hostProcess ??= hostProcessNode(sc);
    }
    if (hostProcess && jsonValue(child(podSpec, 'hostNetwork')) !== true && !isTemplated(ctx.doc, child(podSpec, 'hostNetwork'))) {
      reportAt(ctx, pairIn(podSpec, 'hostNetwork')?.key ?? hostProcess, 'A pod with hostProcess containers must set hostNetwork: true: Windows host process containers run in the node\'s network namespace.', {
        data: { path: pathToString([...POD_SPEC_PATH, 'hostNetwork']), need: 'hostNetwork: true' },
      });
    }
  },
});

function checkIds(ctx: RuleContext, sc: unknown, path: YamlPath, keys: readonly string[]): void {
  for (const key of keys) checkId(ctx, child(sc, key), [...path, key]);
}

function checkId(ctx: RuleContext, node: Node | null | undefined, path: YamlPath): void {
  const v = jsonValue(node);
  if (typeof v !== 'number' || (Number.isInteger(v) && v >= 0 && v <= MAX_ID) || isTemplated(ctx.doc, node)) return;
  if (!Number.isInteger(v)) return; // a fraction is the schema rules' finding
  reportAt(ctx, node, `${pathToString(path)} must be between 0 and ${MAX_ID}, got ${v}.`, { data: { path: pathToString(path), value: v } });
}

/** seccompProfile and appArmorProfile: `localhostProfile` exactly when `type: Localhost`. */
function checkProfiles(ctx: RuleContext, sc: unknown, path: YamlPath): void {
  for (const field of ['seccompProfile', 'appArmorProfile'] as const) {
    const profile = child(sc, field);
    const type = stringAt(ctx.doc, profile, 'type');
    if (type === undefined) continue;
    const at = pathToString([...path, field, 'localhostProfile']);
    const what = field === 'seccompProfile' ? 'seccomp' : 'AppArmor';
    if (type === 'Localhost' && !nonEmpty(ctx, profile)) {
      reportAt(ctx, child(profile, 'type'), `${field}.localhostProfile is required when the ${what} profile type is Localhost: name the profile file on the node.`, { data: { path: at, need: 'localhostProfile' } });
    } else if (type !== 'Localhost' && isSet(profile, 'localhostProfile')) {
      reportAt(ctx, pairIn(profile, 'localhostProfile')?.key, `${field}.localhostProfile may only be set when the ${what} profile type is Localhost, not ${quote(type)}.`, { data: { path: at } });
    }
  }
}

function nonEmpty(ctx: RuleContext, profile: unknown): boolean {
  const node = child(profile, 'localhostProfile');
  if (isTemplated(ctx.doc, node)) return true;
  const v = jsonValue(node);
  return typeof v === 'string' ? v.length > 0 : v !== null && v !== undefined;
}

function checkSysctl(ctx: RuleContext, map: unknown, path: YamlPath): void {
  const node = child(map, 'name');
  const name = stringAt(ctx.doc, map, 'name');
  if (name === undefined || name === '' || (name.length <= 253 && SYSCTL_NAME.test(name))) return;
  reportAt(ctx, node, `Invalid sysctl name ${quote(name)}: it must have at most 253 characters and consist of lowercase alphanumeric segments (with '-' or '_' inside) separated by '.' or '/', e.g. net.ipv4.ip_local_port_range.`, {
    data: { path: pathToString([...path, 'name']) },
  });
}

function hostProcessNode(sc: unknown): Node | undefined {
  const node = child(child(sc, 'windowsOptions'), 'hostProcess');
  return jsonValue(node) === true ? node : undefined;
}
