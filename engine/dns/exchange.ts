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
 * same path to the same answer, so they reuse it. `path` is the asking
 * pod's memory across lookups (see PathMemory).
 */
export interface ExchangeReuse {
  server?: string;
  protocol?: string;
  effects?: number;
  path?: PathMemory;
}

/**
 * A pod's last successful path to a nameserver pod, across lookups: valid
 * while nothing was written to the store (every object the path depends on
 * lives there: pods, Services, slices, policies, nodes), in the same
 * cluster and config. Only a path that left kube-proxy's state alone is
 * remembered (no random draw, no session affinity): it depends on nothing
 * else, so other connections' draws in between do not matter. Kept on the
 * pod's record (pod-resolver.ts), so a lookup at scale probes no side table.
 */
export interface PathMemory {
  remembered?: { cluster: Cluster; rv: number; config: object; server: string; protocol: string };
}

export function exchange(cluster: Cluster, from: Peer, server: string, qname: string, qtype: RRType, protocol: 'UDP' | 'TCP' = 'UDP', reuse?: ExchangeReuse): Exchange {
  const deps = dnsDeps();
  const effects = reuse && deps.connectEffects ? deps.connectEffects(cluster) : undefined;
  const reused = effects !== undefined && reuse!.server === server && reuse!.protocol === protocol && reuse!.effects === effects;
  const memory = !reused && effects !== undefined && from.kind === 'pod' ? reuse?.path : undefined;
  const remembered = memory !== undefined && pathRemembered(cluster, memory, server, protocol);
  const v = reused || remembered ? ({ ok: true } as const) : deps.connect(cluster, from, server, 53, protocol);
  if (reuse && !reused) {
    const after = deps.connectEffects?.(cluster);
    const repeatable = v.ok && after !== undefined && after === effects;
    reuse.server = repeatable ? server : undefined;
    reuse.protocol = repeatable ? protocol : undefined;
    reuse.effects = repeatable ? after : undefined;
    if (repeatable && !remembered && memory !== undefined && v.ok && (v as { endpoint?: { pod?: unknown } }).endpoint?.pod !== undefined) {
      memory.remembered = { cluster, rv: cluster.store.resourceVersionNumber, config: cluster.config, server, protocol };
    }
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

function pathRemembered(cluster: Cluster, memory: PathMemory, server: string, protocol: string): boolean {
  const m = memory.remembered;
  return !!m && m.cluster === cluster && m.rv === cluster.store.resourceVersionNumber && m.config === cluster.config && m.server === server && m.protocol === protocol;
}

function worldAnswer(cluster: Cluster, qname: string, qtype: RRType): DnsAnswer {
  const w = dnsDeps().world(cluster).resolve(fqdn(qname), qtype);
  return { rcode: w.rcode, authoritative: false, recursionAvailable: true, answer: w.answer, authority: w.authority ?? [], additional: [], source: 'forward' };
}
