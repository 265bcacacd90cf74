/**
 * IPv4 arithmetic for the data plane: addresses as unsigned 32-bit numbers,
 * CIDRs as (base, mask). IPv6 is not modelled (k3s's default is single-stack IPv4).
 */

export interface Cidr {
  base: number;
  mask: number;
  bits: number;
  text: string;
}

/**
 * `10.42.0.5` → number, or undefined when it is not a dotted quad: four
 * groups of 1 to 3 ASCII digits (leading zeros allowed), each at most 255.
 * Scanned by hand: every connection parses its destination.
 */
export function parseIpv4(text: string): number | undefined {
  const len = text.length;
  if (len < 7 || len > 15) return undefined;
  let n = 0;
  let octet = 0;
  let digits = 0;
  let groups = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return undefined;
      octet = octet * 10 + (c - 48);
    } else if (c === 46 && digits > 0 && groups < 3) {
      if (octet > 255) return undefined;
      n = n * 256 + octet;
      groups++;
      octet = 0;
      digits = 0;
    } else return undefined;
  }
  if (digits === 0 || groups !== 3 || octet > 255) return undefined;
  return (n * 256 + octet) >>> 0;
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** `10.42.0.0/16` → Cidr; a bare address is a /32. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, bitsText] = text.split('/');
  const ip = parseIpv4(addr ?? '');
  if (ip === undefined) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ip & mask) >>> 0, mask, bits, text };
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & c.mask) >>> 0) === c.base;
}

export function inCidr(cidrText: string, ipText: string): boolean {
  const c = parseCidr(cidrText);
  const ip = parseIpv4(ipText);
  return c !== undefined && ip !== undefined && cidrContains(c, ip);
}

/**
 * A node's pod /24 (flannel's per-node subnet), by its position in the
 * config's node table: master 10.42.0.0/24, worker1 10.42.1.0/24.
 */
export function nodePodSubnet(clusterCidr: string, index: number): Cidr | undefined {
  const c = parseCidr(clusterCidr);
  if (!c) return undefined;
  const base = (c.base + index * 256) >>> 0;
  return parseCidr(`${formatIpv4(base)}/24`);
}
