/**
 * config-data: the keys and values of a ConfigMap's or Secret's data (ValidateConfigMap,
 * ValidateSecret).
 *
 *     data:
 *       my key: value          # → Invalid data key "my key": …
 *       token: aGVsbG8         # → The value of "token" is not valid base64 …        (Secret)
 *
 * Keys: letters, digits, '-', '_' and '.', at most 253 characters, not '.', '..' or starting
 * with '..', and each key in one of data, binaryData (ConfigMap) and stringData (Secret) only
 * once. A Secret's data values are standard base64 (the server decodes them: a missing '=' or a
 * URL-safe alphabet fails); a typed Secret has the keys its type requires.
 */
import type { Node } from 'yaml';
import type { RuleContext } from '../ruleTypes';
import { keyName } from '../../parse/navigate';
import { apiServerRule, reportAt } from '../util/defineRule';
import { asMap, child, isTemplated, jsonValue, pairIn, stringAt } from '../util/nodes';

/** Keys each Secret type requires in data or stringData (pkg/apis/core/validation ValidateSecret). */
const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export const configDataKeys = apiServerRule({
  id: 'config-data',
  kinds: ['ConfigMap', 'Secret'],
  description: "ConfigMap and Secret data keys, a Secret's base64 values and the keys its type requires.",
  check(ctx) {
    const root = ctx.doc.doc.contents;
    const secret = ctx.kind === 'Secret';
    const sections = secret ? ['data', 'stringData'] : ['data', 'binaryData'];
    const seen = new Map<string, string>();
    const values = new Map<string, { node: Node | null; encoded: boolean }>();
    for (const section of sections) {
      const map = asMap(child(root, section));
      if (!map || isTemplated(ctx.doc, map)) continue;
      for (const pair of map.items) {
        const key = keyName(pair.key);
        if (key === undefined || isTemplated(ctx.doc, pair.key)) continue;
        const problem = keyProblem(key);
        if (problem) reportAt(ctx, pair.key as Node, `Invalid ${section} key "${key}": ${problem}.`, { data: { path: `${section}[${key}]`, key } });
        const other = seen.get(key);
        // stringData is merged into data: the same key in both is allowed (stringData wins).
        if (other !== undefined && !secret) reportAt(ctx, pair.key as Node, `Key "${key}" is in both ${other} and ${section}: a key may appear in one of them only.`, { data: { path: `${section}[${key}]`, key } });
        seen.set(key, section);
        values.set(key, { node: pair.value as Node | null, encoded: section === 'data' && secret });
        if (section === 'data' && secret) checkBase64(ctx, pair.value as Node | null, key);
      }
    }
    if (secret) checkType(ctx, values);
  },
});

function keyProblem(key: string): string | undefined {
  if (key.length > 253) return 'must be no more than 253 characters';
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) return "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  if (key === '.' || key === '..') return `must not be '${key}'`;
  if (key.startsWith('..')) return "must not start with '..'";
  return undefined;
}

function checkBase64(ctx: RuleContext, node: Node | null, key: string): void {
  const v = jsonValue(node);
  if (typeof v !== 'string' || isTemplated(ctx.doc, node)) return;
  // A block scalar splits a long value over several lines; the decoder ignores the line breaks.
  const text = v.replace(/[\r\n]/g, '');
  if (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return;
  reportAt(ctx, node, `The value of "${key}" is not valid base64: Secret data is base64-encoded (put plain text under stringData instead).`, { data: { path: `data[${key}]`, key } });
}

function checkType(ctx: RuleContext, values: ReadonlyMap<string, { node: Node | null; encoded: boolean }>): void {
  const root = ctx.doc.doc.contents;
  const type = stringAt(ctx.doc, root, 'type');
  if (type === undefined || isTemplated(ctx.doc, child(root, 'type'))) return;
  // A missing key is missing from data: underline data (or stringData) when there is one.
  const holder = (pairIn(root, 'data') ?? pairIn(root, 'stringData'))?.key ?? pairIn(root, 'type')?.value;
  for (const key of Object.prototype.hasOwnProperty.call(REQUIRED_KEYS, type) ? REQUIRED_KEYS[type]! : []) {
    if (!values.has(key)) reportAt(ctx, holder, `A Secret of type ${type} needs the key "${key}" in data or stringData.`, { data: { path: `data[${key}]`, need: key } });
  }
  if (type === 'kubernetes.io/dockerconfigjson') {
    const entry = values.get('.dockerconfigjson');
    const raw = jsonValue(entry?.node);
    if (typeof raw !== 'string' || isTemplated(ctx.doc, entry?.node)) return;
    const json = entry!.encoded ? decodeBase64(raw.replace(/[\r\n]/g, '')) : raw;
    if (json !== undefined && !isJson(json)) reportAt(ctx, entry!.node, 'The value of ".dockerconfigjson" is not JSON: it must hold a Docker config.json.', { data: { path: 'data[.dockerconfigjson]' } });
  }
  const metadata = child(root, 'metadata');
  if (type === 'kubernetes.io/service-account-token' && stringAt(ctx.doc, child(metadata, 'annotations'), 'kubernetes.io/service-account.name') === undefined) {
    reportAt(ctx, pairIn(metadata, 'annotations')?.key ?? pairIn(root, 'metadata')?.key ?? pairIn(root, 'type')?.value, 'A service-account-token Secret needs the annotation kubernetes.io/service-account.name, naming its ServiceAccount.', { data: { path: 'metadata.annotations[kubernetes.io/service-account.name]' } });
  }
}

function decodeBase64(text: string): string | undefined {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
