/**
 * Domain-name helpers (miekg/dns and CoreDNS dnsutil behaviour): absolute
 * names, label splitting, zone membership, and the in-addr.arpa / ip6.arpa
 * mapping used for PTR queries.
 */
import ipaddr from 'ipaddr.js';

/** Add the final dot: `a.b` → `a.b.`; the root stays `.`. */
export function fqdn(name: string): string {
  return name.charCodeAt(name.length - 1) === 46 ? name : `${name}.`;
}

/** Drop the final dot, as BIND's dns_name_format prints names (`a.b.` → `a.b`, `.` → `.`). */
export function unfqdn(name: string): string {
  return name.length > 1 && name.charCodeAt(name.length - 1) === 46 ? name.slice(0, -1) : name;
}

/** Labels of a name, without the root: `a.b.` → ['a', 'b']. */
export function labels(name: string): string[] {
  const n = unfqdn(name);
  if (n === '.' || n === '') return [];
  return n.split('.');
}

/**
 * Is `name` equal to or below `zone`? miekg/dns's IsSubDomain: labels
 * compared from the right, ASCII letters case-insensitively (its `equal`).
 * Compared in place: every query asks this for each zone.
 */
export function isSubdomain(zone: string, name: string): boolean {
  const z = fqdn(zone);
  const n = fqdn(name);
  if (z === '.') return true;
  const off = n.length - z.length;
  if (off < 0 || (off > 0 && n.charCodeAt(off - 1) !== 46)) return false;
  for (let i = z.length - 1; i >= 0; i--) {
    const a = z.charCodeAt(i);
    const b = n.charCodeAt(off + i);
    if (a !== b && asciiLower(a) !== asciiLower(b)) return false;
  }
  return true;
}

function asciiLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The part of `name` left of `zone`, without a trailing dot ('' for the apex). */
export function trimZone(name: string, zone: string): string {
  const n = fqdn(name);
  const z = fqdn(zone);
  if (n.length === z.length && n.toLowerCase() === z.toLowerCase()) return '';
  return n.slice(0, n.length - z.length - 1);
}

export function isIPv4(s: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s);
}

export function isIPv6(s: string): boolean {
  return s.includes(':') && ipaddr.IPv6.isValid(s);
}

/** Go's net.ParseIP(s) != nil, for the two families. */
export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** `10.43.0.10` → `10.0.43.10.in-addr.arpa.`; IPv6 to its 32 nibbles under ip6.arpa. */
export function reverseName(ip: string): string | undefined {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  if (isIPv6(ip)) {
    const hex = ipaddr.IPv6.parse(ip).toByteArray().map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.split('').reverse().join('.')}.ip6.arpa.`;
  }
  return undefined;
}

/** CoreDNS dnsutil.ExtractAddressFromReverse: the address a full reverse name stands for, or ''. */
export function addressFromReverse(name: string): string {
  const n = fqdn(name).toLowerCase();
  if (n.endsWith('.in-addr.arpa.')) {
    const parts = labels(n.slice(0, -'.in-addr.arpa.'.length));
    if (parts.length !== 4) return '';
    const ip = parts.reverse().join('.');
    return isIPv4(ip) ? ip : '';
  }
  if (n.endsWith('.ip6.arpa.')) {
    const parts = labels(n.slice(0, -'.ip6.arpa.'.length));
    if (parts.length !== 32 || !parts.every((p) => /^[0-9a-f]$/.test(p))) return '';
    const hex = parts.reverse().join('');
    const groups = hex.match(/.{4}/g)!;
    return ipaddr.IPv6.parse(groups.join(':')).toString();
  }
  return '';
}

/** Is `name` under in-addr.arpa or ip6.arpa? */
export function isReverse(name: string): boolean {
  return isSubdomain('in-addr.arpa.', name) || isSubdomain('ip6.arpa.', name);
}

/** The normalised text of an IPv6 address (RFC 5952, as Go and BIND print it). */
export function normalizeIp(ip: string): string {
  return isIPv6(ip) ? ipaddr.IPv6.parse(ip).toString() : ip;
}
