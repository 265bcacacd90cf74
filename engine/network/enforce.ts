/**
 * kube-router's network-policy controller, as k3s embeds it: for a packet
 * that reached a pod (after kube-proxy's DNAT), judge egress on the sending
 * pod and ingress on the receiving pod. What no policy allows is rejected.
 *
 * Exemptions kube-router makes (pkg/controllers/netpol): a pod reaching
 * itself; traffic whose source is the destination pod's own node
 * (`--src-type LOCAL`, kubelet probes, masqueraded hairpins).
 */
import type { Cluster } from '../cluster/cluster.ts';
import { evaluate, selectingPolicies, type CompiledPolicy, type PolicyPeer } from './policy.ts';
import type { NetState, PodInfo } from './state.ts';
import type { Reason } from './explain.ts';
import type { Protocol } from './types.ts';
import type { Source } from './source.ts';

interface PodPolicies {
  ingress: CompiledPolicy[];
  egress: CompiledPolicy[];
}

interface EnforceCache {
  generation: number;
  // Keyed by the PodInfo object (stable within a generation): no key string per table cell.
  byPod: Map<PodInfo, PodPolicies>;
  namedPorts: Map<PodInfo, Map<string, { port: number; protocol: Protocol }>>;
  peers: Map<string, PolicyPeer>;
}

function cache(cluster: Cluster, state: NetState): EnforceCache {
  const c = cluster.ext<EnforceCache>('network:enforce', () => ({ generation: -1, byPod: new Map(), namedPorts: new Map(), peers: new Map() }));
  if (c.generation !== state.generation) {
    c.generation = state.generation;
    c.byPod.clear();
    c.namedPorts.clear();
    c.peers.clear();
  }
  return c;
}

/** The policies selecting a pod, computed once per store generation. */
export function policiesFor(cluster: Cluster, state: NetState, pod: PodInfo): PodPolicies {
  const c = cache(cluster, state);
  let p = c.byPod.get(pod);
  if (!p) c.byPod.set(pod, (p = selectingPolicies(state.policies, pod.namespace, pod.labels)));
  return p;
}

export function namedPortsOf(cluster: Cluster, state: NetState, pod: PodInfo): Map<string, { port: number; protocol: Protocol }> {
  const c = cache(cluster, state);
  let m = c.namedPorts.get(pod);
  if (!m) {
    m = new Map();
    for (const ctr of (pod.obj.spec?.containers as any[]) ?? []) {
      for (const p of ctr.ports ?? []) if (p.name) m.set(p.name, { port: p.containerPort, protocol: p.protocol ?? 'TCP' });
    }
    c.namedPorts.set(pod, m);
  }
  return m;
}

/** The other end as policies see it, built once per address and store generation. */
function asPolicyPeer(cluster: Cluster, state: NetState, ip: string): PolicyPeer {
  const c = cache(cluster, state);
  let peer = c.peers.get(ip);
  if (!peer) {
    const pod = state.podsByIp.get(ip);
    peer = pod ? { ip, pod: { namespace: pod.namespace, labels: pod.labels, namespaceLabels: state.labelsOfNamespace(pod.namespace) } } : { ip };
    c.peers.set(ip, peer);
  }
  return peer;
}

/**
 * Judge a packet from `src` (seen with address `seenSource`) to `dst` on
 * port/protocol. Returns the refusal's reason, or undefined when allowed.
 */
export function judge(cluster: Cluster, state: NetState, src: Source, seenSource: string, dst: PodInfo, port: number, protocol: Protocol): Reason | undefined {
  if (!cluster.config.networkPolicy || state.policies.count === 0) return undefined;
  if (src.pod && src.pod.namespace === dst.namespace && src.pod.name === dst.name) return undefined;
  // Egress is judged on the sending pod, unless its packet left as the node (hostNetwork).
  if (src.pod && src.ip === src.pod.ip) {
    const eg = policiesFor(cluster, state, src.pod).egress;
    if (eg.length > 0) {
      const r = evaluate(eg, 'egress', { peer: asPolicyPeer(cluster, state, dst.ip), port, protocol, destNamedPorts: namedPortsOf(cluster, state, dst) });
      if (!r.allowed) return { kind: 'policy-denied', direction: 'egress', subject: `${src.pod.namespace}/${src.pod.name}`, policies: r.selectedBy, peer: `${dst.namespace}/${dst.name}`, port, protocol };
    }
  }
  if (fromOwnNode(state, seenSource, dst)) return undefined;
  const ing = policiesFor(cluster, state, dst).ingress;
  if (ing.length === 0) return undefined;
  const peer = asPolicyPeer(cluster, state, seenSource);
  const r = evaluate(ing, 'ingress', { peer, port, protocol, destNamedPorts: namedPortsOf(cluster, state, dst) });
  if (r.allowed) return undefined;
  const who = peer.pod ? `${peer.pod.namespace}/${state.podsByIp.get(seenSource)!.name}` : seenSource;
  return { kind: 'policy-denied', direction: 'ingress', subject: `${dst.namespace}/${dst.name}`, policies: r.selectedBy, peer: who, port, protocol };
}

/**
 * Egress from a pod to an address that is no pod (an outside host, a node,
 * the LAN's resolver): kube-router filters every packet a pod sends, so its
 * egress policies judge these too (only ipBlock peers can match them).
 */
export function judgeEgressTo(cluster: Cluster, state: NetState, src: Source, ip: string, port: number, protocol: Protocol): Reason | undefined {
  if (!cluster.config.networkPolicy || state.policies.count === 0) return undefined;
  if (!src.pod || src.ip !== src.pod.ip) return undefined;
  const eg = policiesFor(cluster, state, src.pod).egress;
  if (eg.length === 0) return undefined;
  const r = evaluate(eg, 'egress', { peer: asPolicyPeer(cluster, state, ip), port, protocol, destNamedPorts: NO_NAMED_PORTS });
  if (r.allowed) return undefined;
  return { kind: 'policy-denied', direction: 'egress', subject: `${src.pod.namespace}/${src.pod.name}`, policies: r.selectedBy, peer: ip, port, protocol };
}

const NO_NAMED_PORTS: ReadonlyMap<string, { port: number; protocol: Protocol }> = new Map();

/** Is `ip` one of the destination node's own addresses (InternalIP, cni0, flannel.1)? */
function fromOwnNode(state: NetState, ip: string, dst: PodInfo): boolean {
  const node = dst.node ? state.nodesByName.get(dst.node) : undefined;
  if (!node) return false;
  return ip === node.ip || ip === node.bridgeIp || ip === node.flannelIp;
}
