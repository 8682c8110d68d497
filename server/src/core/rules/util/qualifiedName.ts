/**
 * Label and annotation key/value formats the API server checks (apimachinery util/validation
 * IsQualifiedName and IsValidLabelValue). Each function returns the reason a string is invalid,
 * or undefined when it is valid.
 */
import { dnsSubdomainProblem } from './names';

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_PART_FORMAT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')";

/** A qualified name: an optional DNS-subdomain prefix and '/', then a name part of at most 63 characters. */
export function qualifiedNameProblem(key: string): string | undefined {
  // Most keys (app, tier, app.kubernetes.io/name) pass this test without being split.
  if (key.length <= 63 && NAME_PART.test(key)) return undefined;
  const parts = key.split('/');
  if (parts.length > 2) return `a qualified name has at most one '/' (an optional DNS subdomain prefix, then the name)`;
  const name = parts[parts.length - 1]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') return 'the prefix (before the /) must not be empty';
    const problem = dnsSubdomainProblem(prefix);
    if (problem) return `the prefix "${prefix}" (before the /) must be a DNS subdomain: ${problem}`;
  }
  if (name === '') return 'the name part must not be empty';
  if (name.length > 63) return 'the name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) return `the name part ${NAME_PART_FORMAT}`;
  return undefined;
}

/** A label value: empty, or at most 63 characters of the name-part format. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!NAME_PART.test(value)) return `a label value must be empty or ${NAME_PART_FORMAT.replace('must consist', 'consist')}`;
  return undefined;
}

/** The UTF-8 length of a string, as the API server counts annotation bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
