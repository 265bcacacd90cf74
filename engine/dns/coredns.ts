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
import { dnsIndex } from './dns-index.ts';
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
  const memo = answerMemo(cluster);
  // Keyed by the name string itself (a resolver's memoised candidate: its hash is computed once), then the type.
  let byType = memo.answers.get(qname);
  const hit = byType?.get(qtype);
  if (hit) return hit;
  forwarded = false;
  const answer = serve(cluster, fqdn(qname), qtype, 0);
  // Answers from the store alone stay valid until a kind they are built from changes; the outside world is not tracked.
  if (!forwarded) {
    if (!byType) {
      if (memo.answers.size >= ANSWER_MEMO_MAX) memo.answers.clear();
      memo.answers.set(qname, (byType = new Map()));
    }
    byType.set(qtype, answer);
  }
  return answer;
}

/** The kinds CoreDNS's answers are built from (dns-index.ts): a change to one empties the memo. */
const ANSWER_KINDS = new Set(['Service', 'EndpointSlice', 'Endpoints', 'Pod', 'Namespace', 'ConfigMap', 'Node']);
/** Entries are a key and a (mostly shared, negative) answer: ~100 bytes each. */
const ANSWER_MEMO_MAX = 200_000;
/** Set by forward() while a query is served: its answer came (partly) from the outside world. */
let forwarded = false;

/**
 * Answers already computed since the last relevant store change (the
 * search list's negative answers included), so a lookup at scale costs map
 * look-ups. Callers treat answers as read-only.
 */
function answerMemo(cluster: Cluster): { answers: Map<string, Map<RRType, DnsAnswer>> } {
  return cluster.ext('dns:answer-memo', (c) => {
    const memo = { answers: new Map<string, Map<RRType, DnsAnswer>>() };
    c.store.onChange(() => {
      if (memo.answers.size > 0) memo.answers.clear();
    }, [...ANSWER_KINDS]);
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
  const clusterZone = fqdn(cluster.config.clusterDomain);
  const zone = [clusterZone, 'in-addr.arpa.', 'ip6.arpa.'].find((z) => isSubdomain(z, qname));
  if (!zone) return undefined;
  // Keep the query's case in the zone, as handler.go does.
  const env: HandlerEnv = {
    idx: dnsIndex(cluster),
    clusterZone,
    nameserver: nameserverOf(cluster, clusterZone),
    upstream: (name, t) => serve(cluster, name, t, depth + 1),
  };
  return serveKubernetes(env, qname, qtype, qname.slice(qname.length - zone.length));
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
  forwarded = true;
  const w = dnsDeps().world(cluster).resolve(qname, qtype);
  return {
    rcode: w.rcode, authoritative: false, recursionAvailable: true,
    answer: w.answer, authority: w.authority ?? [], additional: [], source: 'forward',
  };
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
  let lowest = CACHE_MAX_TTL;
  let count = 0;
  for (const rs of [a.answer, a.authority, a.additional]) {
    for (const r of rs) {
      lowest = Math.min(lowest, r.ttl);
      count++;
    }
  }
  const minimal = (a.rcode !== 'NOERROR' && a.rcode !== 'NXDOMAIN') || count === 0 ? CACHE_MIN_TTL : lowest;
  const ttl = Math.min(Math.max(minimal, CACHE_MIN_TTL), CACHE_MAX_TTL);
  const capped = (rs: DnsRecord[]) => rs.every((r) => r.ttl === ttl);
  if (capped(a.answer) && capped(a.authority) && capped(a.additional)) return a;
  const set = (rs: DnsRecord[]) => rs.map((r) => (r.ttl === ttl ? r : { ...r, ttl }));
  return { ...a, answer: set(a.answer), authority: set(a.authority), additional: set(a.additional) };
}
