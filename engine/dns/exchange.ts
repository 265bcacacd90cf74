/**
 * One DNS exchange: a query from a peer to a nameserver over UDP 53,
 * through the data plane first (so a NetworkPolicy that blocks port 53
 * breaks resolution), then answered by whoever listens there: CoreDNS for
 * the cluster DNS address and its pods, the outside world otherwise.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Note } from '../shell/command.ts';
import { query } from './coredns.ts';
import { dnsDeps, type Peer } from './deps.ts';
import { dnsIndex } from './dns-index.ts';
import { fqdn } from './names.ts';
import type { DnsAnswer, RRType } from './types.ts';

export type Exchange =
  | { ok: true; answer: DnsAnswer }
  | { ok: false; failure: 'refused' | 'timeout'; note: Note };

/** Does `ip` reach CoreDNS (the kube-dns Service or a coredns pod)? */
export function isClusterDns(cluster: Cluster, ip: string): boolean {
  if (ip === cluster.config.clusterDns) return true;
  if (dnsIndex(cluster).servicesByIP(ip).some((s) => s.name === 'kube-dns' && s.namespace === 'kube-system')) return true;
  return cluster.store.select('Pod', 'kube-system', { 'k8s-app': 'kube-dns' }).some((p) => p.status?.podIP === ip);
}

/**
 * One lookup's memory of its successful path to the nameserver. A lookup
 * sends its search-list queries back to back, with no write in between:
 * when the first connect drew no randomness and touched no affinity (the
 * data plane's effects counter did not move), the next ones would take the
 * same path to the same answer, so they reuse it.
 */
export interface ExchangeReuse {
  server?: string;
  protocol?: string;
  effects?: number;
}

export function exchange(cluster: Cluster, from: Peer, server: string, qname: string, qtype: RRType, protocol: 'UDP' | 'TCP' = 'UDP', reuse?: ExchangeReuse): Exchange {
  const deps = dnsDeps();
  const effects = reuse && deps.connectEffects ? deps.connectEffects(cluster) : undefined;
  const reused = effects !== undefined && reuse!.server === server && reuse!.protocol === protocol && reuse!.effects === effects;
  const memoKey = !reused && reuse && effects !== undefined && from.kind === 'pod' ? `${from.namespace}/${from.name}|${server}|${protocol}` : undefined;
  const remembered = !reused && memoKey !== undefined && pathRemembered(cluster, memoKey);
  const v = reused || remembered ? ({ ok: true } as const) : deps.connect(cluster, from, server, 53, protocol);
  if (reuse && !reused) {
    const after = deps.connectEffects?.(cluster);
    const repeatable = v.ok && after !== undefined && after === effects;
    reuse.server = repeatable ? server : undefined;
    reuse.protocol = repeatable ? protocol : undefined;
    reuse.effects = repeatable ? after : undefined;
    if (repeatable && !remembered && memoKey !== undefined && v.ok && (v as { endpoint?: { pod?: unknown } }).endpoint?.pod !== undefined) rememberPath(cluster, memoKey);
  }
  if (!v.ok) {
    const failure = v.failure === 'refused' ? 'refused' : 'timeout';
    return {
      ok: false, failure,
      note: {
        code: failure === 'refused' ? 'dns-refused' : 'dns-timeout',
        message: `The DNS query for ${qname} to ${server}:53/${protocol} ${failure === 'refused' ? 'was rejected' : 'got no answer'}: ${v.reason.message}`,
        hops: v.reason.hops,
      },
    };
  }
  const answer = isClusterDns(cluster, server)
    ? query(cluster, qname, qtype)
    : worldAnswer(cluster, qname, qtype);
  return { ok: true, answer };
}

function worldAnswer(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer {
  const w = dnsDeps().world(cluster).resolve(fqdn(qname), qtype);
  return { rcode: w.rcode, authoritative: false, recursionAvailable: true, answer: w.answer, authority: w.authority ?? [], additional: [], source: 'forward' };
}

/**
 * Successful paths from a pod to a nameserver pod, across lookups: valid
 * while nothing was written to the store (every object the path depends on
 * lives there: pods, Services, slices, policies, nodes) and the config is
 * the same. Only a path that left kube-proxy's state alone is remembered (no
 * random draw, no session affinity): it depends on nothing else, so other
 * connections' draws in between do not matter. Keyed by cluster outside
 * it, so Cluster.clone() starts its own.
 */
interface PathMemo {
  rv: number;
  config: object;
}

const pathMemos = new WeakMap<Cluster, Map<string, PathMemo>>();
const MAX_REMEMBERED_PATHS = 20_000;

function pathRemembered(cluster: Cluster, key: string): boolean {
  const m = pathMemos.get(cluster)?.get(key);
  return !!m && m.config === cluster.config && m.rv === cluster.store.resourceVersionNumber;
}

function rememberPath(cluster: Cluster, key: string): void {
  let memos = pathMemos.get(cluster);
  if (!memos) pathMemos.set(cluster, (memos = new Map()));
  if (memos.size >= MAX_REMEMBERED_PATHS) memos.clear();
  memos.set(key, { rv: cluster.store.resourceVersionNumber, config: cluster.config });
}
