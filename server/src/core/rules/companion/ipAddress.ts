/**
 * IP addresses and CIDRs as Go's net/netip parses them (the API server's IsValidIP and
 * IsValidCIDR): IPv4 as four decimal octets without leading zeros, IPv6 in its colon form.
 */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

export function isIPv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const double = text.split('::').length - 1;
  if (double > 1) return false;
  let groups = text.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1];
  let width = 8;
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    width = 6;
  }
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return double === 1 ? groups.length < width : groups.length === width;
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** `10.0.0.0/16` → its address bits as a bigint, prefix length and family; undefined when invalid. */
export function parseCidr(text: string): { readonly bits: bigint; readonly prefix: number; readonly v6: boolean } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (isIPv4(address)) {
    if (prefix > 32) return undefined;
    const bits = address.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
    return { bits, prefix, v6: false };
  }
  if (isIPv6(address) && prefix <= 128) return { bits: ipv6Bits(address), prefix, v6: true };
  return undefined;
}

function ipv6Bits(address: string): bigint {
  const [head = '', tail = ''] = address.includes('::') ? address.split('::') : [address, ''];
  const expand = (s: string) => s.split(':').filter((g) => g !== '').flatMap((g) => (g.includes('.') ? v4Groups(g) : [g]));
  const left = expand(head);
  const right = expand(tail);
  const groups = [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function v4Groups(v4: string): string[] {
  const o = v4.split('.').map(Number);
  return [((o[0]! << 8) | o[1]!).toString(16), ((o[2]! << 8) | o[3]!).toString(16)];
}

/** Whether `inner` lies inside `outer` and is smaller (a strict subset). */
export function strictSubset(inner: NonNullable<ReturnType<typeof parseCidr>>, outer: NonNullable<ReturnType<typeof parseCidr>>): boolean {
  if (inner.v6 !== outer.v6 || inner.prefix <= outer.prefix) return false;
  const width = BigInt(inner.v6 ? 128 : 32);
  const shift = width - BigInt(outer.prefix);
  return inner.bits >> shift === outer.bits >> shift;
}
