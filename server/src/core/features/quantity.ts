/**
 * Kubernetes resource quantities in words, for hover: `500m` → "0.5 CPU (500 millicores)",
 * `1Gi` → "1,073,741,824 bytes (1 GiB)". Parsing is the rules' own (rules/util/quantity.ts), so
 * hover and diagnostics never disagree on what a quantity is.
 */
import { parseQuantity } from '../rules/util/quantity';

export { parseQuantity };

/**
 * What a quantity means under a resource name: "0.5 CPU (500 millicores)", "1,073,741,824 bytes (1 GiB)".
 * An extended resource's name (document text) is shown by `showName`.
 */
export function describeQuantity(resource: string | undefined, text: string | number, showName: (name: string) => string = String): string | undefined {
  const amount = parseQuantity(text);
  if (amount === undefined) return undefined;
  if (resource === 'cpu') return describeCpu(amount);
  if (resource === undefined || isByteResource(resource)) return describeBytes(amount);
  return `${formatNumber(amount)} ${showName(resource)}`;
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
