/**
 * Kubernetes quantities ("500m", "1Gi", "1e3", "1.5") and int-or-percent values ("25%", 1),
 * parsed the way apimachinery does, for comparisons such as requests ≤ limits and the rolling
 * update rules.
 */

/** The decode-time format check (resource.ParseQuantity's regular expression). */
export const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * The numeric value of a quantity, or undefined when it does not parse. Numbers (`cpu: 1`) are
 * quantities too. Doubles are precise enough to compare requests with limits.
 */
export function parseQuantity(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // A bundle repeats a few quantities ("100m", "128Mi") in every container: each is parsed once.
  if (parsedQuantities.has(value)) return parsedQuantities.get(value);
  if (parsedQuantities.size >= QUANTITIES_KEPT) parsedQuantities.clear();
  const parsed = parseQuantityText(value);
  parsedQuantities.set(value, parsed);
  return parsed;
}

const parsedQuantities = new Map<string, number | undefined>();
const QUANTITIES_KEPT = 4096;

function parseQuantityText(value: string): number | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?[0-9]+)|(n|u|m|k|M|G|T|P|E)?)$/.exec(value.trim() === value ? value : '');
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * BINARY[m[2]]!;
  if (m[3]) return base * 10 ** Number(m[3].slice(1));
  return base * DECIMAL[m[4] ?? '']!;
}

/** True when a string has the shape ParseQuantity accepts. */
export function isQuantityString(value: string): boolean {
  return QUANTITY_RE.test(value) && parseQuantity(value) !== undefined;
}

export type IntOrPercent =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'invalid'; readonly text: string };

/** IntOrString as used by maxSurge/maxUnavailable: an int, or a string matching `^[0-9]+%$`. */
export function intOrPercent(value: number | string): IntOrPercent {
  if (typeof value === 'number') return { kind: 'int', value };
  const m = /^([0-9]+)%$/.exec(value);
  return m ? { kind: 'percent', value: Number(m[1]) } : { kind: 'invalid', text: value };
}

/** Zero as an int or as "0%". */
export function isZero(v: IntOrPercent): boolean {
  return (v.kind === 'int' || v.kind === 'percent') && v.value === 0;
}

export const PERCENT_FORMAT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%' or '93%')";
