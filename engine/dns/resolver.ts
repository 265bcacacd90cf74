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
import { exchange, type ExchangeReuse, type PathMemory } from './exchange.ts';
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
  return candidates(name, searchSuffixes(rc), rc.ndots, resolver);
}

/** `.${search}.` for each usable search domain: what a candidate appends to the name. */
function searchSuffixes(rc: Pick<ResolvConf, 'searches'>): string[] {
  return rc.searches.filter((s) => s !== '.' && s !== '').map((s) => `.${fqdn(s)}`);
}

function candidates(name: string, suffixes: readonly string[], ndots: number, resolver: 'glibc' | 'musl'): string[] {
  const asIs = fqdn(name);
  if (name.endsWith('.')) return [asIs];
  let dots = 0;
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) dots++;
  const searched = suffixes.map((s) => name + s);
  if (dots >= ndots) return resolver === 'glibc' ? [asIs, ...searched] : [asIs];
  searched.push(asIs);
  return searched;
}

/**
 * A pod as the resolver finds it: the stored object and a slot for the
 * resolver's per-pod memo. engine/network's PodInfo is one (so a lookup and
 * the connection after it touch one record); without the data plane, a
 * record per stored pod object stands in.
 */
export interface PodRecord {
  obj: KObject;
  namespace: string;
  name: string;
  /** status.podIP, '' without one. */
  ip: string;
  /** spec.hostNetwork, spec.dnsPolicy, spec.dnsConfig (set or not), spec.hostname, spec.subdomain: read when the record was made. */
  hostNetwork: boolean;
  dnsPolicy?: string;
  dnsConfig: boolean;
  hostname?: string;
  subdomain?: string;
  resolver?: unknown;
}

const storeRecords = new WeakMap<KObject, PodRecord>();
function podRecord(cluster: Cluster, namespace: string, name: string): PodRecord | undefined {
  const fromDeps = dnsDeps().podRecord;
  if (fromDeps) return fromDeps(cluster, namespace, name);
  const obj = cluster.store.get('Pod', namespace, name);
  if (!obj) return undefined;
  let r = storeRecords.get(obj);
  if (!r) {
    const spec = obj.spec ?? {};
    storeRecords.set(obj, (r = {
      obj, namespace: obj.metadata.namespace ?? 'default', name: obj.metadata.name, ip: (obj.status?.podIP as string | undefined) ?? '',
      hostNetwork: !!spec.hostNetwork, dnsPolicy: spec.dnsPolicy, dnsConfig: !!spec.dnsConfig, hostname: spec.hostname, subdomain: spec.subdomain, resolver: undefined,
    }));
  }
  return r;
}

/**
 * What the libc of one pod reads before any query: its resolv.conf (parsed,
 * with the search suffixes ready) and its own /etc/hosts lines. Both depend
 * on the pod object and the cluster's config alone: kept on the pod's record
 * for that config.
 */
interface PodResolver {
  config: Cluster['config'];
  rc: ResolvConf;
  suffixes: readonly string[];
  own: OwnNames | undefined;
  /** exchange.ts's memory of this pod's last good path to a nameserver. */
  path: PathMemory;
}

function podResolver(cluster: Cluster, rec: PodRecord): PodResolver {
  const m = rec.resolver as PodResolver | undefined;
  if (m && m.config === cluster.config) return m;
  // The common pod (ClusterFirst, no dnsConfig, not hostNetwork): the file depends on its namespace and the config only.
  const common = !rec.dnsConfig && !rec.hostNetwork && (rec.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst';
  const rc = common ? namespaceResolvConf(cluster, rec.obj, rec.namespace) : podResolvConf(cluster, rec.obj);
  const r: PodResolver = { config: cluster.config, rc, suffixes: suffixesOf(rc), own: ownNames(cluster, rec), path: { remembered: undefined } };
  rec.resolver = r;
  return r;
}

/** searchSuffixes per parsed resolv.conf (shared by the pods of a namespace). */
const suffixMemo = new WeakMap<ResolvConf, string[]>();
function suffixesOf(rc: ResolvConf): string[] {
  let s = suffixMemo.get(rc);
  if (!s) suffixMemo.set(rc, (s = searchSuffixes(rc)));
  return s;
}

/** Resolve `name` from `from` through its resolv.conf and the data plane. */
export function lookup(cluster: Cluster, from: Peer, name: string, opts: LookupOptions): LookupResult {
  const type = opts.type ?? 'A';
  const queries: QueryTrace[] = [];
  if (name === '' || name.length > 253) return fail('NXDOMAIN', `"${name}" is not a valid host name.`, queries);
  if (from.kind === 'external') return lookupOutside(cluster, name, type);
  // The pod's record, read once for its /etc/hosts, its resolv.conf and its path to the nameserver.
  const rec = from.kind === 'pod' ? podRecord(cluster, from.namespace, from.name) : undefined;
  const pr = rec ? podResolver(cluster, rec) : undefined;
  const hostsHit = from.kind === 'pod' ? etcHosts(pr?.own, name, type) : undefined;
  if (hostsHit) return { ok: true, addresses: [hostsHit.ip], canonicalName: hostsHit.name, aliases: [], queries };

  const rc = pr ? pr.rc : resolvConfOf(cluster, from);
  if (rc.servers.length === 0) return fail('TIMEOUT', 'The resolv.conf lists no nameserver.', queries);
  const server = rc.servers[0]!;
  let nodata = false;
  let servfail = false;
  let last: LookupError = 'NXDOMAIN';
  const reuse: ExchangeReuse = { path: pr?.path };
  for (const candidate of candidates(name, pr ? pr.suffixes : searchSuffixes(rc), rc.ndots, opts.resolver)) {
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
function namespaceResolvConf(cluster: Cluster, pod: KObject, ns = pod.metadata.namespace ?? 'default'): ResolvConf {
  let m = byNamespace.get(cluster.config);
  if (!m) byNamespace.set(cluster.config, (m = new Map()));
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

/** The pod's own lines in its kubelet-managed /etc/hosts: its IP, host name and, with a subdomain, FQDN. */
interface OwnNames {
  ip: string;
  host: string;
  full?: string;
}

/**
 * The kubelet-managed /etc/hosts of a pod: localhost and the pod's own
 * hostname (and FQDN with a subdomain), which the libc reads before DNS.
 */
function etcHosts(own: OwnNames | undefined, name: string, type: RRType): { ip: string; name: string } | undefined {
  const n = unfqdn(name).toLowerCase();
  if (n === 'localhost') return type === 'A' ? { ip: '127.0.0.1', name: 'localhost' } : type === 'AAAA' ? { ip: '::1', name: 'localhost' } : undefined;
  if (!own || type !== 'A') return undefined;
  return n === own.host || n === own.full ? { ip: own.ip, name: own.full ?? own.host } : undefined;
}

function ownNames(cluster: Cluster, pod: PodRecord): OwnNames | undefined {
  const ip = pod.ip;
  if (!ip) return undefined;
  const host = (pod.hostname ?? pod.name).toLowerCase();
  // The lines are the host name and, with a subdomain, its FQDN; the match answers with the last (the canonical name).
  const full = pod.subdomain ? `${host}.${pod.subdomain}.${pod.namespace}.svc.${cluster.config.clusterDomain}`.toLowerCase() : undefined;
  return { ip, host, full };
}

/** The world's resolver for a peer outside the cluster (the terminal): no search list, no cluster names. */
export function lookupOutside(cluster: Cluster, name: string, type: RRType = 'A'): LookupResult {
  const w = dnsDeps().world(cluster).resolve(fqdn(name), type);
  const answer: DnsAnswer = { rcode: w.rcode, authoritative: false, recursionAvailable: true, answer: w.answer, authority: [], additional: [], source: 'forward' };
  const outcome = outcomeOf(answer, type);
  const queries: QueryTrace[] = [{ name: fqdn(name), type, server: 'world', outcome }];
  return outcome === 'NOERROR' ? success(answer, fqdn(name), type, queries) : failWith(outcome === 'REFUSED' || outcome === 'TIMEOUT' ? 'SERVFAIL' : outcome, name, queries);
}
