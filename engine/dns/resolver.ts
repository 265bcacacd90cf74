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
import type { Note } from '../shell/command.ts';
import { dnsDeps, type Peer } from './deps.ts';
import { exchange, type ExchangeReuse } from './exchange.ts';
import { etcHosts, podRecord, podResolver, searchSuffixes } from './pod-resolver.ts';
import { fqdn, unfqdn } from './names.ts';
import { nodeDnsConfig, parseResolvConf, writeResolvConf, type ResolvConf } from './resolvconf.ts';
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
  const rec = from.kind === 'pod' ? podRecord(cluster, from.namespace, from.name) : undefined;
  return rec ? podResolver(cluster, rec).rc : parseResolvConf(writeResolvConf(nodeDnsConfig(cluster)));
}

/** The world's resolver for a peer outside the cluster (the terminal): no search list, no cluster names. */
export function lookupOutside(cluster: Cluster, name: string, type: RRType = 'A'): LookupResult {
  const w = dnsDeps().world(cluster).resolve(fqdn(name), type);
  const answer: DnsAnswer = { rcode: w.rcode, authoritative: false, recursionAvailable: true, answer: w.answer, authority: [], additional: [], source: 'forward' };
  const outcome = outcomeOf(answer, type);
  const queries: QueryTrace[] = [{ name: fqdn(name), type, server: 'world', outcome }];
  return outcome === 'NOERROR' ? success(answer, fqdn(name), type, queries) : failWith(outcome === 'REFUSED' || outcome === 'TIMEOUT' ? 'SERVFAIL' : outcome, name, queries);
}
