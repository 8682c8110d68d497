/**
 * env-ref-values: what an env var's valueFrom source names must be something the server knows.
 *
 *     valueFrom:
 *       resourceFieldRef: {resource: limits.gpu}       # → Unsupported resource "limits.gpu" …
 *       configMapKeyRef: {name: cfg, key: "bad key!"}  # → Invalid key "bad key!" …
 *       fieldRef: {apiVersion: v2, fieldPath: metadata.name}   # → fieldRef.apiVersion must be v1 …
 *
 * Source: pkg/apis/core/validation validateContainerResourceFieldSelector (the resources a
 * container may expose), IsConfigMapKey (configMapKeyRef and secretKeyRef keys) and
 * validateObjectFieldSelector (a fieldPath converted with the pod's version, which is only v1).
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { POD_KINDS } from '../../kinds/manifestKinds';
import { apiServerRule, pathToString, reportAt, type YamlPath } from '../util/defineRule';
import { child, childAt, isTemplated, jsonValue, mapItems } from '../util/nodes';
import { podFacts } from '../util/podFacts';
import { quote } from '../util/quote';

const RESOURCES = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
const HUGEPAGES = /^(limits|requests)\.hugepages-/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export const envRefValues = apiServerRule({
  id: 'env-ref-values',
  kinds: POD_KINDS,
  description: 'resourceFieldRef names a container resource, configMapKeyRef/secretKeyRef a valid key, fieldRef the v1 API.',
  check(ctx) {
    const { containers, volumes } = podFacts(ctx.doc);
    for (const c of containers) {
      for (const { index, map } of mapItems(child(c.map, 'env'))) {
        const valueFrom = child(map, 'valueFrom');
        if (!valueFrom || isTemplated(ctx.doc, valueFrom)) continue;
        const path: YamlPath = [...c.path, 'env', index, 'valueFrom'];
        checkResource(ctx, childAt(valueFrom, 'resourceFieldRef', 'resource'), [...path, 'resourceFieldRef', 'resource']);
        for (const ref of ['configMapKeyRef', 'secretKeyRef']) checkKey(ctx, childAt(valueFrom, ref, 'key'), [...path, ref, 'key']);
        checkFieldRefVersion(ctx, child(valueFrom, 'fieldRef'), [...path, 'fieldRef']);
      }
    }
    for (const v of volumes) {
      for (const { index, map } of mapItems(childAt(v.map, 'downwardAPI', 'items'))) {
        checkFieldRefVersion(ctx, child(map, 'fieldRef'), [...v.path, 'downwardAPI', 'items', index, 'fieldRef']);
      }
    }
  },
});

function text(ctx: RuleContext, node: Node | undefined): string | undefined {
  const v = jsonValue(node);
  return typeof v === 'string' && !isTemplated(ctx.doc, node) ? v : undefined;
}

function checkResource(ctx: RuleContext, node: Node | undefined, path: YamlPath): void {
  const v = text(ctx, node);
  if (v === undefined || v === '' || RESOURCES.includes(v) || HUGEPAGES.test(v)) return;
  reportAt(ctx, node, `Unsupported resource ${quote(v)} for resourceFieldRef: supported values are ${RESOURCES.map((r) => `"${r}"`).join(', ')} (and hugepages-<size> limits or requests).`, {
    data: { path: pathToString(path), value: v, allowed: RESOURCES },
  });
}

function checkKey(ctx: RuleContext, node: Node | undefined, path: YamlPath): void {
  const v = text(ctx, node);
  if (v === undefined || v === '') return;
  const problem =
    v.length > 253 ? 'must be no more than 253 characters'
    : !CONFIG_KEY.test(v) ? "must consist of alphanumeric characters, '-', '_' or '.'"
    : v === '.' || v === '..' || v.startsWith('..') ? "must not be '.', '..' or start with '..'"
    : undefined;
  if (problem) reportAt(ctx, node, `Invalid key ${quote(v)}: a ConfigMap or Secret key ${problem}.`, { data: { path: pathToString(path), value: v } });
}

/** The fieldPath is converted with fieldRef.apiVersion (default v1): the pod has no other version. */
function checkFieldRefVersion(ctx: RuleContext, fieldRef: Node | undefined, path: YamlPath): void {
  const version = text(ctx, child(fieldRef, 'apiVersion'));
  if (version === undefined || version === '' || version === 'v1') return;
  // The server names the fieldPath (it fails converting it), so the finding sits there when there is one.
  reportAt(ctx, child(fieldRef, 'fieldPath') ?? child(fieldRef, 'apiVersion'), `fieldRef.apiVersion ${quote(version)} is not a version of the pod: fieldPath is read from the v1 Pod, so use apiVersion: v1 (or leave it out).`, {
    data: { path: pathToString([...path, 'apiVersion']), value: version },
  });
}
