/**
 * Does a YAML value decode into a field of this scalar type? Follows the API server's JSON
 * decoding of what kubectl sends (see `jsonValue`): a number in a string field, a quoted number in
 * an integer field and `1.5` in an IntOrString field are all rejected with a 400.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { ScalarKind } from '../../model/model';
import { jsonValue } from './nodes';
import { isQuantityString, QUANTITY_RE } from './quantity';

/** int64 fields of the pod and workload graph; every other integer field is an int32. */
const INT64_FIELDS: ReadonlySet<string> = new Set([
  'activeDeadlineSeconds', 'terminationGracePeriodSeconds', 'runAsUser', 'runAsGroup', 'fsGroup',
  'supplementalGroups', 'tolerationSeconds', 'expirationSeconds', 'seconds', 'observedGeneration',
  'generation', 'deletionGracePeriodSeconds',
]);

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The problem with `node` as a value of `kind`, in words, or undefined when it decodes. */
export function scalarProblem(node: unknown, kind: ScalarKind, fieldName: string | undefined): string | undefined {
  if (kind === 'object') return undefined;
  if (isMap(node) || isSeq(node)) return `Expected ${article(kind)}, got ${isMap(node) ? 'an object' : 'a list'}.`;
  if (!isScalar(node)) return undefined;
  const v = jsonValue(node);
  if (v === null || v === undefined) return undefined;
  switch (kind) {
    case 'string':
    case 'Time':
      return typeof v === 'string' ? undefined : stringProblem(node.source ?? String(node.value), v);
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `Expected a boolean (true or false), got ${describe(v)}.`;
    case 'integer':
      return integerProblem(v, fieldName);
    case 'IntOrString':
      if (typeof v === 'string') return undefined;
      if (typeof v === 'number') return Number.isInteger(v) ? int32Problem(v) : `Expected an integer or a string such as "25%", got ${v}.`;
      return `Expected an integer or a string such as "25%", got ${describe(v)}.`;
    case 'Quantity':
      return quantityProblem(v);
  }
}

function stringProblem(source: string, v: number | boolean): string {
  const what = typeof v === 'number' ? 'a number' : `the boolean ${String(v)}`;
  return `Expected a string, but YAML reads ${source} as ${what}, which the API server rejects. Quote it: "${source}".`;
}

function integerProblem(v: string | number | boolean, fieldName: string | undefined): string | undefined {
  if (typeof v === 'string') {
    return /^[+-]?[0-9]+$/.test(v.trim())
      ? `Expected an integer, got the string "${v}". Remove the quotes.`
      : `Expected an integer, got the string "${v}".`;
  }
  if (typeof v === 'boolean') return `Expected an integer, got ${describe(v)}.`;
  if (!Number.isInteger(v)) return `Expected an integer, got ${v}.`;
  return fieldName !== undefined && INT64_FIELDS.has(fieldName) ? int64Problem(v) : int32Problem(v);
}

function int32Problem(v: number): string | undefined {
  return v < INT32_MIN || v > INT32_MAX ? `${v} is out of range: the field is a 32-bit integer (at most ${INT32_MAX}).` : undefined;
}

function int64Problem(v: number): string | undefined {
  return Number.isSafeInteger(v) || Math.abs(v) < 2 ** 63 ? undefined : `${v} is out of range for a 64-bit integer.`;
}

function quantityProblem(v: string | number | boolean): string | undefined {
  if (typeof v === 'number') return undefined;
  if (typeof v === 'boolean') return `Expected a quantity such as 500m, 1Gi or 2, got ${describe(v)}.`;
  if (isQuantityString(v)) return undefined;
  return `"${v}" is not a valid quantity: quantities must match the regular expression '${QUANTITY_RE.source}' (e.g. 500m, 1Gi, 1.5).`;
}

function describe(v: string | number | boolean): string {
  if (typeof v === 'string') return `the string "${v}"`;
  if (typeof v === 'boolean') return `the boolean ${String(v)}`;
  return `the number ${v}`;
}

function article(kind: ScalarKind): string {
  switch (kind) {
    case 'integer': return 'an integer';
    case 'IntOrString': return 'an integer or a string';
    case 'Quantity': return 'a quantity';
    case 'boolean': return 'a boolean';
    default: return 'a string';
  }
}
