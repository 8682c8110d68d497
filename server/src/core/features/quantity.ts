/**
 * Kubernetes resource quantities: `500m` → 0.5, `1Gi` → 1073741824, `1e3` → 1000.
 *
 * Grammar from k8s.io/apimachinery/pkg/api/resource (quantity.go): a signed decimal number followed
 * by nothing, a binary suffix (Ki Mi Gi Ti Pi Ei), a decimal suffix (n u m k M G T P E) or a
 * decimal exponent (e3, E-2). Anything else is not a quantity, and the API server rejects it.
 */

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The amount in base units (cores, bytes), or undefined when the text is not a quantity. */
export function parseQuantity(s: string | number): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) ? s : undefined;
  const match = NUMBER.exec(s.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const suffix = match[2]!;
  const factor = suffixFactor(suffix);
  return factor === undefined ? undefined : value * factor;
}

function suffixFactor(suffix: string): number | undefined {
  if (Object.prototype.hasOwnProperty.call(BINARY, suffix)) return BINARY[suffix];
  if (Object.prototype.hasOwnProperty.call(DECIMAL, suffix)) return DECIMAL[suffix];
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  return exponent ? 10 ** Number(exponent[1]) : undefined;
}

/** What a quantity means under a resource name: "0.5 CPU (500 millicores)", "1,073,741,824 bytes (1 GiB)". */
export function describeQuantity(resource: string | undefined, text: string | number): string | undefined {
  const amount = parseQuantity(text);
  if (amount === undefined) return undefined;
  if (resource === 'cpu') return describeCpu(amount);
  if (resource === undefined || isByteResource(resource)) return describeBytes(amount);
  return `${formatNumber(amount)} ${resource}`;
}

function isByteResource(resource: string): boolean {
  return resource === 'memory' || resource === 'storage' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-');
}

function describeCpu(cores: number): string {
  const millis = Math.round(cores * 1000 * 1000) / 1000;
  const unit = cores === 1 ? 'CPU' : 'CPUs';
  return `${formatNumber(cores)} ${cores < 1 ? 'CPU' : unit} (${formatNumber(millis)} millicores)`;
}

const BINARY_UNITS: readonly [string, number][] = [['EiB', 2 ** 60], ['PiB', 2 ** 50], ['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];

function describeBytes(bytes: number): string {
  const exact = `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const unit = BINARY_UNITS.find(([, size]) => Math.abs(bytes) >= size);
  if (!unit) return exact;
  const [name, size] = unit;
  return `${exact} (${formatNumber(Math.round((bytes / size) * 100) / 100)} ${name})`;
}

/** 1073741824 → "1,073,741,824"; fractions keep up to 9 digits (nano units) without float noise. */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 1e9) / 1e9;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(9).replace(/\.?0+$/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
