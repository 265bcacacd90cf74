/**
 * The kubernetes plugin's ServeDNS (plugin/kubernetes/handler.go) with the
 * record builders of plugin/backend_lookup.go: A/AAAA (following CNAMEs of
 * ExternalName Services), SRV with its weights and additional addresses,
 * PTR, CNAME, TXT, NS, SOA, and the negative answers (NXDOMAIN or NODATA,
 * both with the zone's SOA in the authority section).
 */
import type { DnsIndex } from './dns-index.ts';
import { deepFreeze } from '../api/json.ts';
import type { DnsAnswer, DnsRecord, RRType } from './types.ts';
import { addressFromReverse, fqdn, isReverse, isSubdomain } from './names.ts';
import { DEFAULT_TTL, hostType, isNameError, records, reverseRecords, type Item, type NoAnswer } from './kubernetes.ts';

/** CoreDNS's DNSSchemaVersion, answered for `dns-version.<zone>` TXT. */
export const DNS_SCHEMA_VERSION = '1.1.0';
const MAX_CNAME_CHAIN = 10;

export interface HandlerEnv {
  idx: DnsIndex;
  /** The cluster zone, absolute: `cluster.local.`. */
  clusterZone: string;
  /** kube-dns: the name and addresses NS queries answer with. */
  nameserver: { name: string; ips: string[] };
  /** Resolve a name through the whole server again (CoreDNS's upstream.Lookup). */
  upstream(name: string, qtype: RRType): DnsAnswer;
}

type Result = { records: DnsRecord[]; extra: DnsRecord[]; error?: NoAnswer };

/** The plugin's answer, or undefined to fall through to the next plugin (reverse zones only). */
export function serveKubernetes(env: HandlerEnv, qname: string, qtype: RRType, zone: string): DnsAnswer | undefined {
  const res = dispatch(env, qname, qtype, zone);
  if (isNameError(res.error)) {
    if (isReverse(zone)) return undefined; // fallthrough in-addr.arpa ip6.arpa
    return negative(env, zone, 'NXDOMAIN');
  }
  if (res.records.length === 0) return negative(env, zone, 'NOERROR');
  return {
    rcode: 'NOERROR', authoritative: true, recursionAvailable: false,
    answer: res.records, authority: [], additional: res.extra, source: 'kubernetes',
  };
}

function dispatch(env: HandlerEnv, qname: string, qtype: RRType, zone: string): Result {
  switch (qtype) {
    case 'A':
    case 'AAAA': {
      const a = address(env, qname, qtype, zone, []);
      return a.error === undefined ? { records: a.records, extra: [] } : { records: a.records, extra: [], error: a.error };
    }
    case 'TXT':
      return txt(env, qname, zone);
    case 'CNAME': {
      const s = services(env, qname, 'CNAME', zone);
      const first = s.items[0];
      const recs: DnsRecord[] = first && hostType(first.host) === 'CNAME'
        ? [{ name: qname, ttl: first.ttl, type: 'CNAME', target: fqdn(first.host) }] : [];
      return { records: recs, extra: [], error: s.error };
    }
    case 'PTR':
      return ptr(env, qname, zone);
    case 'MX': // no Service is a mail exchanger: the name's existence decides
      return { records: [], extra: [], error: services(env, qname, 'MX', zone).error };
    case 'SRV':
      return srv(env, qname, zone);
    case 'SOA':
      return { records: qname.toLowerCase() === zone.toLowerCase() ? [soa(env, zone)] : [], extra: [] };
    case 'NS':
      // NS below the apex is answered like any other type.
      return qname.toLowerCase() === zone.toLowerCase() ? ns(env, zone) : existence(env, qname, zone);
    default:
      return existence(env, qname, zone);
  }
}

/** A fake A lookup tells NODATA from NXDOMAIN (handler.go's default case). */
function existence(env: HandlerEnv, qname: string, zone: string): Result {
  return { records: [], extra: [], error: address(env, qname, 'A', zone, []).error };
}

/** The zone's SOA, as plugin.SOA builds it: TTL and minimum are the plugin's TTL (5). */
export function soa(env: HandlerEnv, zone: string): DnsRecord {
  return {
    name: zone, ttl: Math.min(DEFAULT_TTL, 300), type: 'SOA',
    soa: { mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, serial: env.idx.serial(), refresh: 7200, retry: 1800, expire: 86400, minimum: DEFAULT_TTL },
  };
}

/**
 * A negative answer depends on the zone and the SOA's serial only: one
 * frozen copy per (zone, rcode, serial), as a glibc search list asks for
 * many names that do not exist (two thirds of the queries at scale).
 */
const negatives = new Map<string, { serial: number; NXDOMAIN?: DnsAnswer; NOERROR?: DnsAnswer }>();
function negative(env: HandlerEnv, zone: string, rcode: 'NXDOMAIN' | 'NOERROR'): DnsAnswer {
  const serial = env.idx.serial();
  let byZone = negatives.get(zone);
  if (!byZone || byZone.serial !== serial) {
    if (negatives.size >= 1000) negatives.clear();
    negatives.set(zone, (byZone = { serial }));
  }
  let a = byZone[rcode];
  if (!a) {
    a = { rcode, authoritative: true, recursionAvailable: false, answer: [], authority: [soa(env, zone)], additional: [], source: 'kubernetes' };
    byZone[rcode] = deepFreeze(a);
  }
  return a;
}

/** Services(): the special names (dns-version, ns.dns), then Records(). */
function services(env: HandlerEnv, qname: string, qtype: RRType, zone: string): { items: Item[]; error?: NoAnswer } {
  if (isDefaultNS(qname, zone)) {
    const fam = qtype === 'AAAA' ? 'AAAA' : 'A';
    return { items: env.nameserver.ips.filter((ip) => hostType(ip) === fam).map((ip) => ({ domain: qname, host: ip, port: 0, ttl: DEFAULT_TTL })) };
  }
  const r = records(env.idx, qname, zone);
  if (qtype !== 'SRV') return r;
  return { items: r.items.filter((i) => hostType(i.host) !== 'CNAME'), error: r.error };
}

function isDefaultNS(name: string, zone: string): boolean {
  return name.length === zone.length + 7 && name.toLowerCase() === `ns.dns.${zone}`.toLowerCase();
}

/** plugin.A / plugin.AAAA, following CNAMEs inside the zone and asking upstream for the rest. */
function address(env: HandlerEnv, qname: string, qtype: 'A' | 'AAAA', zone: string, previous: DnsRecord[]): { records: DnsRecord[]; error?: NoAnswer } {
  const s = services(env, qname, qtype, zone);
  if (s.error) return { records: [], error: s.error };
  const out: DnsRecord[] = [];
  const seen = new Set<string>();
  for (const item of s.items) {
    const t = hostType(item.host);
    if (t === 'CNAME') {
      const target = fqdn(item.host);
      if (target.toLowerCase() === fqdn(qname).toLowerCase()) continue; // x CNAME x
      const cname: DnsRecord = { name: qname, ttl: item.ttl, type: 'CNAME', target };
      if (previous.length > MAX_CNAME_CHAIN) continue;
      if (previous.some((p) => p.type === 'CNAME' && p.name.toLowerCase() === qname.toLowerCase() && p.target.toLowerCase() === target.toLowerCase())) continue;
      if (isSubdomain(zone, target)) {
        const next = address(env, target, qtype, zone, [...previous, cname]);
        if (!next.error && next.records.length > 0) out.push(cname, ...next.records);
        continue;
      }
      out.push(cname, ...env.upstream(target, qtype).answer);
      continue;
    }
    if (t === qtype && !seen.has(item.host)) {
      seen.add(item.host);
      out.push({ name: qname, ttl: item.ttl, type: qtype, address: item.host });
    }
  }
  return { records: out };
}

/** plugin.SRV: weight 100/n per priority (floored, at least 1); targets get their address in Extra. */
function srv(env: HandlerEnv, qname: string, zone: string): Result {
  const s = services(env, qname, 'SRV', zone);
  if (s.error) return { records: [], extra: [], error: s.error };
  const total = s.items.length * 100;
  const recs: DnsRecord[] = [];
  const extra: DnsRecord[] = [];
  const dup = new Set<string>();
  for (const item of s.items) {
    if (item.port === -1) continue;
    const weight = Math.max(1, Math.floor((100 / total) * 100));
    const t = hostType(item.host);
    if (t === 'CNAME') continue;
    const target = fqdn(item.domain);
    const srvKey = `${target.toLowerCase()}|${item.port}`;
    if (!dup.has(srvKey)) {
      dup.add(srvKey);
      recs.push({ name: qname, ttl: item.ttl, type: 'SRV', srv: { priority: 0, weight, port: item.port, target } });
    }
    const addrKey = `${target.toLowerCase()}|${item.host}`;
    if (!dup.has(addrKey)) {
      dup.add(addrKey);
      extra.push({ name: target, ttl: item.ttl, type: t, address: item.host });
    }
  }
  return { records: recs, extra };
}

function ptr(env: HandlerEnv, qname: string, zone: string): Result {
  const ip = addressFromReverse(qname);
  if (ip === '') return { records: [], extra: [], error: records(env.idx, qname, zone).error };
  const items = reverseRecords(env.idx, ip, env.clusterZone);
  if (items.length === 0) return { records: [], extra: [], error: 'noItems' };
  const seen = new Set<string>();
  const recs: DnsRecord[] = [];
  for (const i of items) {
    if (seen.has(i.host)) continue;
    seen.add(i.host);
    recs.push({ name: qname, ttl: i.ttl, type: 'PTR', target: fqdn(i.host) });
  }
  return { records: recs, extra: [] };
}

/** TXT: only dns-version.<zone>; an existing name of another type is NODATA, anything else NXDOMAIN. */
function txt(env: HandlerEnv, qname: string, zone: string): Result {
  if (qname.toLowerCase() === `dns-version.${zone}`.toLowerCase()) {
    return { records: [{ name: qname, ttl: 28800, type: 'TXT', text: DNS_SCHEMA_VERSION }], extra: [] };
  }
  const r = records(env.idx, qname, zone);
  return r.items.length > 0 ? { records: [], extra: [] } : { records: [], extra: [], error: 'noItems' };
}

function ns(env: HandlerEnv, zone: string): Result {
  const name = fqdn(env.nameserver.name);
  if (env.nameserver.ips.length === 0) return { records: [], extra: [] };
  return {
    records: [{ name: zone, ttl: DEFAULT_TTL, type: 'NS', target: name }],
    extra: env.nameserver.ips.map((ip) => ({ name, ttl: DEFAULT_TTL, type: hostType(ip) === 'AAAA' ? 'AAAA' as const : 'A' as const, address: ip })),
  };
}
