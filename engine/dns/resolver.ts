/**
 * The C library's stub resolver (getaddrinfo / gethostbyname), as glibc and
 * musl do it — they differ:
 *
 * glibc (resolv/res_query.c __res_context_search):
 *   - dots >= ndots (or a trailing dot): the name as is first;
 *   - then each search domain (not after a trailing dot); NXDOMAIN and NODATA
 *     both move on to the next one, SERVFAIL too;
 *   - the name as is last, if not tried yet;
 *   - all failed: NODATA if any step was NODATA, else the last error.
 * musl (src/network/lookup_name.c name_from_dns_search):
 *   - dots >= ndots (or a trailing dot): only the name as is;
 *   - else each search domain, stopping at the first answer that is not
 *     NXDOMAIN (so NODATA or SERVFAIL end the search), then the name as is.
 * A refused or timed-out query ends the lookup in both.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { Note } from '../shell/command.ts';
import { dnsDeps, type Peer } from './deps.ts';
import { exchange, type ExchangeReuse } from './exchange.ts';
import { fqdn, unfqdn } from './names.ts';
import { nodeDnsConfig, parseResolvConf, resolvConfFor, writeResolvConf, type ResolvConf } from './resolvconf.ts';
import type { DnsAnswer, RRType } from './types.ts';

export type LookupError = 'NXDOMAIN' | 'SERVFAIL' | 'TIMEOUT' | 'REFUSED' | 'NODATA';

export interface QueryTrace {
  name: string;
  type: RRType;
  server: string;
  outcome: 'NOERROR' | 'NODATA' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'TIMEOUT';
}

export type LookupResult =
  | { ok: true; addresses: string[]; canonicalName?: string; aliases: string[]; queries: QueryTrace[] }
  | { ok: false; error: LookupError; note: Note; queries: QueryTrace[] };

export interface LookupOptions {
  /** Default: 'A'. */
  type?: RRType;
  resolver: 'glibc' | 'musl';
}

/** The candidate names, in the order the libc asks them. */
export function searchOrder(name: string, rc: Pick<ResolvConf, 'searches' | 'ndots'>, resolver: 'glibc' | 'musl'): string[] {
  const trailing = name.endsWith('.');
  const dots = (unfqdn(name).match(/\./g) ?? []).length;
  const asIs = fqdn(name);
  if (trailing) return [asIs];
  const searched = rc.searches.filter((s) => s !== '.' && s !== '').map((s) => `${name}.${fqdn(s)}`);
  if (dots >= rc.ndots) return resolver === 'glibc' ? [asIs, ...searched] : [asIs];
  return [...searched, asIs];
}

/** searchOrder, remembered per (memoised) resolv.conf: a pod asks for the same few names again and again. */
const searchMemo = new WeakMap<ResolvConf, { glibc: Map<string, string[]>; musl: Map<string, string[]> }>();
function searchOrderOf(name: string, rc: ResolvConf, resolver: 'glibc' | 'musl'): readonly string[] {
  let memo = searchMemo.get(rc);
  if (!memo) searchMemo.set(rc, (memo = { glibc: new Map(), musl: new Map() }));
  const m = memo[resolver];
  let order = m.get(name);
  if (!order) {
    if (m.size >= 20_000) m.clear();
    m.set(name, (order = searchOrder(name, rc, resolver)));
  }
  return order;
}

/** Resolve `name` from `from` through its resolv.conf and the data plane. */
export function lookup(cluster: Cluster, from: Peer, name: string, opts: LookupOptions): LookupResult {
  const type = opts.type ?? 'A';
  const queries: QueryTrace[] = [];
  if (name === '' || name.length > 253) return fail('NXDOMAIN', `"${name}" is not a valid host name.`, queries);
  if (from.kind === 'external') return lookupOutside(cluster, name, type);
  // The pod read once for its /etc/hosts and its resolv.conf.
  const pod = from.kind === 'pod' ? cluster.store.get('Pod', from.namespace, from.name) : undefined;
  const hostsHit = from.kind === 'pod' ? etcHosts(cluster, pod, name, type) : undefined;
  if (hostsHit) return { ok: true, addresses: [hostsHit.ip], canonicalName: hostsHit.name, aliases: [], queries };

  const rc = pod ? podResolvConf(cluster, pod) : resolvConfOf(cluster, from);
  if (rc.servers.length === 0) return fail('TIMEOUT', 'The resolv.conf lists no nameserver.', queries);
  const server = rc.servers[0]!;
  let nodata = false;
  let servfail = false;
  let last: LookupError = 'NXDOMAIN';
  const reuse: ExchangeReuse = {};
  for (const candidate of searchOrderOf(name, rc, opts.resolver)) {
    const x = exchange(cluster, from, server, candidate, type, 'UDP', reuse);
    if (!x.ok) {
      queries.push({ name: candidate, type, server, outcome: x.failure === 'refused' ? 'REFUSED' : 'TIMEOUT' });
      return { ok: false, error: x.failure === 'refused' ? 'REFUSED' : 'TIMEOUT', note: x.note, queries };
    }
    const outcome = outcomeOf(x.answer, type);
    queries.push({ name: candidate, type, server, outcome });
    if (outcome === 'NOERROR') return success(x.answer, candidate, type, queries);
    if (opts.resolver === 'musl' && outcome !== 'NXDOMAIN') return failWith(outcome, name, queries);
    if (outcome === 'NODATA') nodata = true;
    if (outcome === 'SERVFAIL') servfail = true;
    last = outcome;
  }
  return failWith(nodata ? 'NODATA' : servfail ? 'SERVFAIL' : last, name, queries);
}

function outcomeOf(a: DnsAnswer, type: RRType): QueryTrace['outcome'] {
  if (a.rcode === 'NXDOMAIN') return 'NXDOMAIN';
  if (a.rcode !== 'NOERROR') return a.rcode === 'REFUSED' ? 'REFUSED' : 'SERVFAIL';
  return a.answer.some((r) => r.type === type) ? 'NOERROR' : 'NODATA';
}

function success(a: DnsAnswer, asked: string, type: RRType, queries: QueryTrace[]): LookupResult {
  const addrs = a.answer.filter((r) => r.type === type);
  const aliases = a.answer.filter((r) => r.type === 'CNAME').map((r) => unfqdn(r.name));
  const addresses = addrs.map((r) => ('address' in r ? r.address : 'target' in r ? unfqdn(r.target) : ''));
  return { ok: true, addresses, canonicalName: unfqdn(addrs[0]?.name ?? asked), aliases, queries };
}

function failWith(error: LookupError, name: string, queries: QueryTrace[]): LookupResult {
  const msg: Record<LookupError, string> = {
    NXDOMAIN: `The name "${name}" does not exist in DNS (NXDOMAIN) as any of the names tried: ${queries.map((q) => q.name).join(', ')}`,
    NODATA: `The name "${name}" exists but has no ${queries[0]?.type ?? 'A'} record (NODATA).`,
    SERVFAIL: `The DNS server failed to answer for "${name}" (SERVFAIL).`,
    REFUSED: `The DNS server refused the query for "${name}".`,
    TIMEOUT: `No DNS server answered for "${name}".`,
  };
  return fail(error, msg[error], queries);
}

function fail(error: LookupError, message: string, queries: QueryTrace[]): LookupResult {
  return { ok: false, error, note: { code: `dns-${error.toLowerCase()}`, message }, queries };
}

/** The resolv.conf a peer uses: the pod's (kubelet), the node's, or the outside world's for the terminal. */
export function resolvConfOf(cluster: Cluster, from: Peer): ResolvConf {
  const pod = from.kind === 'pod' ? cluster.store.get('Pod', from.namespace, from.name) : undefined;
  return pod ? podResolvConf(cluster, pod) : parseResolvConf(writeResolvConf(nodeDnsConfig(cluster)));
}

function podResolvConf(cluster: Cluster, pod: KObject): ResolvConf {
  // The common pod (ClusterFirst, no dnsConfig, not hostNetwork): the file depends on its namespace and the config only.
  const spec = pod.spec as { dnsPolicy?: string; dnsConfig?: unknown; hostNetwork?: boolean } | undefined;
  if (!spec?.dnsConfig && !spec?.hostNetwork && (spec?.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst') return namespaceResolvConf(cluster, pod);
  // Stored pods are immutable and the file depends only on the pod and the config: parse it once per pod version.
  const memo = resolvConfMemo.get(pod);
  if (memo && memo.config === cluster.config) return memo.rc;
  const rc = parsedResolvConf(resolvConfFor(cluster, pod));
  resolvConfMemo.set(pod, { config: cluster.config, rc });
  return rc;
}

const resolvConfMemo = new WeakMap<KObject, { config: Cluster['config']; rc: ResolvConf }>();

/** Per config: namespace → the parsed resolv.conf of its ClusterFirst pods. */
const byNamespace = new WeakMap<Cluster['config'], Map<string, ResolvConf>>();
function namespaceResolvConf(cluster: Cluster, pod: KObject): ResolvConf {
  let m = byNamespace.get(cluster.config);
  if (!m) byNamespace.set(cluster.config, (m = new Map()));
  const ns = pod.metadata.namespace ?? 'default';
  let rc = m.get(ns);
  if (!rc) m.set(ns, (rc = parsedResolvConf(resolvConfFor(cluster, pod))));
  return rc;
}

/**
 * parseResolvConf per file text: the pods of a namespace share one file, so
 * they share one parse (and with it searchOrderOf's memo). Read-only.
 */
const parsedByText = new Map<string, ResolvConf>();
function parsedResolvConf(text: string): ResolvConf {
  let rc = parsedByText.get(text);
  if (!rc) {
    if (parsedByText.size >= 10_000) parsedByText.clear();
    parsedByText.set(text, (rc = parseResolvConf(text)));
  }
  return rc;
}

/**
 * The kubelet-managed /etc/hosts of a pod: localhost and the pod's own
 * hostname (and FQDN with a subdomain), which the libc reads before DNS.
 */
function etcHosts(cluster: Cluster, pod: KObject | undefined, name: string, type: RRType): { ip: string; name: string } | undefined {
  const n = unfqdn(name).toLowerCase();
  if (n === 'localhost') return type === 'A' ? { ip: '127.0.0.1', name: 'localhost' } : type === 'AAAA' ? { ip: '::1', name: 'localhost' } : undefined;
  if (!pod || type !== 'A') return undefined;
  const own = ownNames(cluster, pod);
  return own && (n === own.host || n === own.full) ? { ip: own.ip, name: own.full ?? own.host } : undefined;
}

/** The pod's own lines in its /etc/hosts (its IP, host name and, with a subdomain, FQDN), once per pod version. */
const ownNamesMemo = new WeakMap<KObject, { ip: string; host: string; full?: string; domain: string } | null>();
function ownNames(cluster: Cluster, pod: KObject): { ip: string; host: string; full?: string } | undefined {
  const memo = ownNamesMemo.get(pod);
  if (memo !== undefined && (memo === null || memo.domain === cluster.config.clusterDomain)) return memo ?? undefined;
  const ip = pod.status?.podIP as string | undefined;
  const spec = (pod.spec ?? {}) as { hostname?: string; subdomain?: string };
  const host = (spec.hostname ?? pod.metadata.name).toLowerCase();
  // The lines are the host name and, with a subdomain, its FQDN; the match answers with the last (the canonical name).
  const full = spec.subdomain ? `${host}.${spec.subdomain}.${pod.metadata.namespace}.svc.${cluster.config.clusterDomain}`.toLowerCase() : undefined;
  const own = ip ? { ip, host, full, domain: cluster.config.clusterDomain } : null;
  ownNamesMemo.set(pod, own);
  return own ?? undefined;
}

/** The world's resolver for a peer outside the cluster (the terminal): no search list, no cluster names. */
export function lookupOutside(cluster: Cluster, name: string, type: RRType = 'A'): LookupResult {
  const w = dnsDeps().world(cluster).resolve(fqdn(name), type);
  const answer: DnsAnswer = { rcode: w.rcode, authoritative: false, recursionAvailable: true, answer: w.answer, authority: [], additional: [], source: 'forward' };
  const outcome = outcomeOf(answer, type);
  const queries: QueryTrace[] = [{ name: fqdn(name), type, server: 'world', outcome }];
  return outcome === 'NOERROR' ? success(answer, fqdn(name), type, queries) : failWith(outcome === 'REFUSED' || outcome === 'TIMEOUT' ? 'SERVFAIL' : outcome, name, queries);
}
