/**
 * Name formats the API server checks (apimachinery util/validation), with its explanations.
 * Returns the reason a name is invalid, or undefined when it is valid.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function dnsLabelProblem(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  if (!DNS_LABEL.test(name)) {
    return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc')";
  }
  return undefined;
}

export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS_SUBDOMAIN.test(name)) {
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')";
  }
  return undefined;
}

/** IANA_SVC_NAME (container port names): ≤15 chars, [a-z0-9-], a letter, no edge or double hyphens. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
  if (name.includes('--')) return "must not contain consecutive hyphens";
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/**
 * metadata.name as each kind's validation takes it (the validation package of each API group, Kubernetes 1.36): a
 * DNS label for StatefulSet, Service (1.36 relaxed it from RFC 1035 to RFC 1123: it may start
 * with a digit) and Namespace; a DNS subdomain for the others. A CronJob's name also becomes
 * the prefix of its Jobs' names, which get an 11-character suffix, so it may have 52 characters.
 */
export function objectNameProblem(kind: string, name: string): string | undefined {
  if (kind === 'StatefulSet' || kind === 'Service' || kind === 'Namespace') return dnsLabelProblem(name);
  const problem = dnsSubdomainProblem(name);
  if (problem) return problem;
  if (kind === 'CronJob' && name.length > 52) return 'must be no more than 52 characters';
  return undefined;
}
