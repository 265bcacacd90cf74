/**
 * CoreDNS as k3s runs it: the Corefile of k3s's coredns ConfigMap, with its
 * plugins in CoreDNS's execution order (plugin.cfg), not the file's:
 *
 *     cache 30        every record of a reply gets its smallest TTL, clamped to 5..30 s
 *     hosts /etc/coredns/NodeHosts { ttl 60; fallthrough }
 *     kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa }
 *     forward . /etc/resolv.conf   → the outside world
 *
 * `loadbalance` (which shuffles A records between answers) is not modelled:
 * records keep the order of the endpoints.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { dnsIndex, dotCount } from './dns-index.ts';
import { dnsDeps } from './deps.ts';
import { serveKubernetes, type HandlerEnv } from './handler.ts';
import { addressFromReverse, fqdn, isIPv4, isSubdomain } from './names.ts';
import type { DnsAnswer, DnsRecord, RRType } from './types.ts';

/** The hosts plugin's `ttl 60` in k3s's Corefile. */
export const NODE_HOSTS_TTL = 60;
/** `cache 30`: the largest TTL an answer leaves CoreDNS with. */
export const CACHE_MAX_TTL = 30;

/**
 * CoreDNS's answer to one question (qname absolute or not; it is made
 * absolute). Never throws: a name CoreDNS cannot serve gets SERVFAIL.
 */
export function query(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer {
  // Served from the indexes every time, as CoreDNS's kubernetes plugin does (its `cache 30` is not modelled:
  // every query is a fresh miss). Measured both ways: a memo of answers keyed by name saved nothing
  // measurable in the chapter's labs (engine time per scenario equal across A/B runs) and cost
  // connections at scale ~1 us each: hashing a fresh candidate name and probing a cold table cost what
  // probing the index does.
  return serve(cluster, fqdn(qname), qtype, 0);
}

/**
 * The cluster zone and kube-dns's name and addresses: every query needs
 * them. Kept per config until a Service changes (kube-dns is one).
 */
interface ZoneMemo {
  zone?: { config: Cluster['config']; clusterZone: string; nameserver: { name: string; ips: string[] } };
}

function zoneMemo(cluster: Cluster): ZoneMemo {
  return cluster.ext('dns:zone-memo', (c) => {
    const memo: ZoneMemo = { zone: undefined };
    c.store.onChange(() => {
      memo.zone = undefined;
    }, ['Service']);
    return memo;
  });
}

function serve(cluster: Cluster, qname: string, qtype: RRType, depth: number): DnsAnswer {
  if (depth > 8 || !validName(qname)) return servfail();
  const answer = hosts(cluster, qname, qtype) ?? kubernetes(cluster, qname, qtype, depth) ?? forward(cluster, qname, qtype);
  return capTtl(answer);
}

/** Every label 1..63 characters, the whole at most 254 (counted without splitting: a query at scale is a few µs). */
function validName(name: string): boolean {
  if (name.length > 254) return false;
  if (name === '.') return true;
  let start = 0;
  const end = name.length - 1; // the final dot
  for (let i = 0; i <= end; i++) {
    if (i !== end && name.charCodeAt(i) !== 46) continue;
    const len = i - start;
    if (len < 1 || len > 63) return false;
    start = i + 1;
  }
  return true;
}

function servfail(): DnsAnswer {
  return { rcode: 'SERVFAIL', authoritative: false, recursionAvailable: true, answer: [], authority: [], additional: [], source: 'forward' };
}

/** plugin/hosts: NodeHosts names and their PTRs; anything else falls through. */
function hosts(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer | undefined {
  const nh = dnsIndex(cluster).nodeHosts();
  let answer: DnsRecord[] = [];
  if (qtype === 'PTR') {
    const names = nh.byIP.get(addressFromReverse(qname)) ?? [];
    if (names.length === 0) return undefined;
    answer = names.map((n) => ({ name: qname, ttl: NODE_HOSTS_TTL, type: 'PTR', target: n }));
  } else {
    if (dotCount(qname) > nh.maxDots) return undefined; // longer than every NodeHosts name: no probe
    const ips = nh.byName.get(qname.toLowerCase()) ?? [];
    if (ips.length === 0) return undefined; // no other records either: fall through
    if (qtype === 'A' || qtype === 'AAAA') {
      answer = ips.filter((ip) => isIPv4(ip) === (qtype === 'A')).map((ip) => ({ name: qname, ttl: NODE_HOSTS_TTL, type: qtype, address: ip }));
    }
  }
  return { rcode: 'NOERROR', authoritative: true, recursionAvailable: false, answer, authority: [], additional: [], source: 'hosts' };
}

/** The kubernetes plugin alone (no hosts, cache or forward), as CoreDNS's handler tests run it. */
export function kubernetesPlugin(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer | undefined {
  return kubernetes(cluster, fqdn(qname), qtype, 0);
}

function kubernetes(cluster: Cluster, qname: string, qtype: RRType, depth: number): DnsAnswer | undefined {
  const z = zoneOf(cluster);
  const clusterZone = z.clusterZone;
  const zone = isSubdomain(clusterZone, qname) ? clusterZone : REVERSE_ZONES.find((r) => isSubdomain(r, qname));
  if (!zone) return undefined;
  // Keep the query's case in the zone, as handler.go does.
  const env: HandlerEnv = {
    idx: dnsIndex(cluster),
    clusterZone,
    nameserver: z.nameserver,
    upstream: (name, t) => serve(cluster, name, t, depth + 1),
  };
  return serveKubernetes(env, qname, qtype, qname.slice(qname.length - zone.length));
}

const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'];

/** The plugin's cluster zone and nameserver, once per config and store state (they change with the kube-dns Service). */
function zoneOf(cluster: Cluster): NonNullable<ZoneMemo['zone']> {
  const memo = zoneMemo(cluster);
  if (memo.zone?.config === cluster.config) return memo.zone;
  const clusterZone = fqdn(cluster.config.clusterDomain);
  return (memo.zone = { config: cluster.config, clusterZone, nameserver: nameserverOf(cluster, clusterZone) });
}

/** ns.go nsAddrs: the kube-dns Service that fronts CoreDNS (its cluster IPs). */
function nameserverOf(cluster: Cluster, zone: string): { name: string; ips: string[] } {
  const svc = dnsIndex(cluster).service('kube-dns', 'kube-system');
  if (svc && svc.clusterIPs.length > 0 && svc.clusterIPs[0] !== 'None') {
    return { name: `kube-dns.kube-system.svc.${zone}`, ips: svc.clusterIPs };
  }
  return { name: `ns.dns.${zone}`, ips: [cluster.config.clusterDns] };
}

/** plugin/forward to the node's resolvers: the outside world answers, recursively (RA, not AA). */
function forward(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer {
  const w = dnsDeps().world(cluster).resolve(qname, qtype);
  return {
    rcode: w.rcode, authoritative: false, recursionAvailable: true,
    answer: w.answer, authority: w.authority ?? [], additional: [], source: 'forward',
  };
}

function lowestTtl(rs: readonly DnsRecord[]): number {
  let lowest = CACHE_MAX_TTL;
  for (let i = 0; i < rs.length; i++) if (rs[i]!.ttl < lowest) lowest = rs[i]!.ttl;
  return lowest;
}

function allTtl(rs: readonly DnsRecord[], ttl: number): boolean {
  for (let i = 0; i < rs.length; i++) if (rs[i]!.ttl !== ttl) return false;
  return true;
}

/** `cache 30`'s floor: dnsutil.MinimalDefaultTTL (minpttl / minnttl / failttl). */
export const CACHE_MIN_TTL = 5;

/**
 * plugin/cache (cache.go WriteMsg, filterRRSlice): the reply's smallest TTL
 * (dnsutil.MinimalTTLWithMaximum; 5 s for a reply with no records or a
 * SERVFAIL), clamped to [5, 30], becomes the TTL of EVERY record. So an
 * ExternalName answer prints its CNAME and the target's A both with 5.
 * (A cache hit would count down from there; the model answers every query
 * as a fresh miss.)
 */
function capTtl(a: DnsAnswer): DnsAnswer {
  const lowest = Math.min(lowestTtl(a.answer), lowestTtl(a.authority), lowestTtl(a.additional));
  const count = a.answer.length + a.authority.length + a.additional.length;
  const minimal = (a.rcode !== 'NOERROR' && a.rcode !== 'NXDOMAIN') || count === 0 ? CACHE_MIN_TTL : lowest;
  const ttl = Math.min(Math.max(minimal, CACHE_MIN_TTL), CACHE_MAX_TTL);
  if (allTtl(a.answer, ttl) && allTtl(a.authority, ttl) && allTtl(a.additional, ttl)) return a;
  const set = (rs: DnsRecord[]) => rs.map((r) => (r.ttl === ttl ? r : { ...r, ttl }));
  return { ...a, answer: set(a.answer), authority: set(a.authority), additional: set(a.additional) };
}
