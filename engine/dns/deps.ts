/**
 * What engine/dns needs from its neighbours, injected so that it builds and
 * tests on its own (as engine/network/deps.ts does for the data plane):
 *
 * - `connect`: the data plane (H6's `connect(cluster, from, ip, 53, 'UDP')`):
 *   can a DNS query reach the nameserver? A policy that rejects it gives
 *   `refused`, one that drops it `timeout`.
 * - `world`: the outside world's DNS (H6's fixtures/world.yaml), which
 *   CoreDNS's `forward . /etc/resolv.conf` reaches and which the terminal
 *   uses directly.
 *
 * The lead wires both once (`setDnsDeps`); until then every query gets
 * through and the small built-in world below answers.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { PodRecord } from './pod-resolver.ts';
import type { Note } from '../shell/command.ts';
import type { DnsRecord, Rcode, RRType } from './types.ts';

/** Who sends a query (the same shape as engine/network's Peer). */
export type Peer =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string }
  | { kind: 'external'; ip: string };

/** The part of engine/network's Verdict that DNS reads. */
export type PathVerdict =
  | { ok: true; endpoint?: { pod?: unknown } }
  | { ok: false; failure: 'refused' | 'timeout' | 'unreachable'; reason: Note };

export type ConnectFn = (cluster: Cluster, from: Peer, toIp: string, port: number, protocol: 'TCP' | 'UDP' | 'SCTP') => PathVerdict;

/** An upstream recursive resolver's answer for a name outside the cluster. */
export interface WorldAnswer {
  rcode: Rcode;
  answer: DnsRecord[];
  authority?: DnsRecord[];
}

export interface WorldDns {
  resolve(qname: string, qtype: RRType): WorldAnswer;
}

export interface DnsDeps {
  connect: ConnectFn;
  /**
   * engine/network's kubeProxyEffects: unchanged across a connect means that
   * connect changed no data-plane state, so a lookup's next query to the same
   * server may reuse its verdict. Unset: every query connects.
   */
  connectEffects?: (cluster: Cluster) => number;
  world: (cluster: Cluster) => WorldDns;
  /**
   * engine/network's record of a pod (its PodInfo): the stored object and a
   * memo slot the resolver keeps its per-pod state in, so a lookup and the
   * connection after it read one record. Unset: the store, with a record
   * per stored pod object.
   */
  podRecord?: (cluster: Cluster, namespace: string, name: string) => PodRecord | undefined;
}

/** A few stable public names, used until the outside-world fixture is wired. */
const BUILTIN_HOSTS: Record<string, { A?: string[]; AAAA?: string[]; CNAME?: string }> = {
  'google.com.': { A: ['142.250.196.110'], AAAA: ['2404:6800:4004:825::200e'] },
  'www.google.com.': { A: ['142.250.207.100'], AAAA: ['2404:6800:4004:81f::2004'] },
  'example.com.': { A: ['93.184.215.14'], AAAA: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
  'www.example.com.': { CNAME: 'example.com.' },
};

/** The built-in world: A/AAAA/CNAME with TTL 300, NXDOMAIN for every other name. */
export const builtinWorld: WorldDns = {
  resolve(qname, qtype) {
    const answer: DnsRecord[] = [];
    let name = qname.toLowerCase();
    for (let hops = 0; hops < 8; hops++) {
      const h = BUILTIN_HOSTS[name];
      if (!h) return { rcode: hops === 0 ? 'NXDOMAIN' : 'NOERROR', answer };
      if (h.CNAME && qtype !== 'CNAME') {
        answer.push({ name, ttl: 300, type: 'CNAME', target: h.CNAME });
        name = h.CNAME;
        continue;
      }
      if (qtype === 'A' || qtype === 'AAAA') for (const a of h[qtype] ?? []) answer.push({ name, ttl: 300, type: qtype, address: a });
      if (qtype === 'CNAME' && h.CNAME) answer.push({ name, ttl: 300, type: 'CNAME', target: h.CNAME });
      return { rcode: 'NOERROR', answer };
    }
    return { rcode: 'SERVFAIL', answer: [] };
  },
};

let deps: DnsDeps = {
  connect: () => ({ ok: true }),
  world: () => builtinWorld,
};

/** Wire the data plane and the outside world; returns the previous deps (tests restore them). */
export function setDnsDeps(next: Partial<DnsDeps>): DnsDeps {
  const prev = deps;
  deps = { ...deps, ...next };
  return prev;
}

export function dnsDeps(): DnsDeps {
  return deps;
}
