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

/** `10.42.0.5` → number, or undefined when it is not a dotted quad. */
export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n >>> 0;
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
