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
import { evaluate, selectingPolicies, type CompiledPolicy, type NamedPorts, type PolicyPeer } from './policy.ts';
import type { NetState, PodInfo } from './state.ts';
import type { Reason } from './explain.ts';
import type { Protocol } from './types.ts';
import type { Source } from './source.ts';

interface PodPolicies {
  ingress: CompiledPolicy[];
  egress: CompiledPolicy[];
}

/** Drop the pod's policy memos when the state's generation moved on (any write that could change a policy's verdict). */
function forgetStalePolicies(state: NetState, pod: PodInfo): void {
  if (pod.generation === state.generation) return;
  pod.generation = state.generation;
  pod.ingress = pod.egress = undefined;
  pod.peer = undefined;
}

/** The policies selecting a pod, computed once per store generation (kept on the pod's record). */
export function policiesFor(state: NetState, pod: PodInfo): PodPolicies {
  forgetStalePolicies(state, pod);
  if (!pod.ingress || !pod.egress) ({ ingress: pod.ingress, egress: pod.egress } = selectingPolicies(state.policies, pod.namespace, pod.labels));
  // The record itself, now that both lists are set: no wrapper per packet.
  return pod as PodInfo & PodPolicies;
}

/** A pod's named container ports (fixed for the pod object's life, so kept on its record). */
export function namedPortsOf(pod: PodInfo): Map<string, { port: number; protocol: Protocol }> {
  let m = pod.namedPorts;
  if (!m) {
    m = new Map();
    for (const ctr of (pod.obj.spec?.containers as any[]) ?? []) {
      for (const p of ctr.ports ?? []) if (p.name) m.set(p.name, { port: p.containerPort, protocol: p.protocol ?? 'TCP' });
    }
    pod.namedPorts = m;
  }
  return m;
}

/** The destination's named ports, read only when a policy names a port (few do): a connection need not touch them. */
class NamedPortsOf implements NamedPorts {
  constructor(private readonly pod: PodInfo) {}
  get(name: string): { port: number; protocol: Protocol } | undefined {
    return namedPortsOf(this.pod).get(name);
  }
}

/** Per cluster: policy peers of addresses that are no pod's own (a node, the outside), per generation. */
interface PeerCache {
  generation: number;
  peers: Map<string, PolicyPeer>;
}

/**
 * The other end as policies see it. A pod's own address uses the peer kept
 * on its record (`pod`: the live pod the caller holds at that end, which is
 * the one podsByIp names, as IPAM gives an address to one live pod at a
 * time); any other address is looked up once per generation.
 */
function asPolicyPeer(cluster: Cluster, state: NetState, ip: string, pod?: PodInfo): PolicyPeer {
  if (pod && pod.ip === ip && !pod.hostNetwork) {
    forgetStalePolicies(state, pod);
    return (pod.peer ??= { ip, pod: { namespace: pod.namespace, labels: pod.labels, namespaceLabels: state.labelsOfNamespace(pod.namespace) } });
  }
  const c = cluster.ext<PeerCache>('network:enforce', () => ({ generation: -1, peers: new Map() }));
  if (c.generation !== state.generation) {
    c.generation = state.generation;
    c.peers.clear();
  }
  let peer = c.peers.get(ip);
  if (!peer) {
    const owner = state.podsByIp.get(ip);
    peer = owner ? { ip, pod: { namespace: owner.namespace, labels: owner.labels, namespaceLabels: state.labelsOfNamespace(owner.namespace) } } : { ip };
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
    const eg = policiesFor(state, src.pod).egress;
    if (eg.length > 0) {
      const r = evaluate(eg, 'egress', { peer: asPolicyPeer(cluster, state, dst.ip, dst), port, protocol, destNamedPorts: new NamedPortsOf(dst) });
      if (!r.allowed) return { kind: 'policy-denied', direction: 'egress', subject: `${src.pod.namespace}/${src.pod.name}`, policies: r.selectedBy, peer: `${dst.namespace}/${dst.name}`, port, protocol };
    }
  }
  if (fromOwnNode(state, seenSource, dst)) return undefined;
  const ing = policiesFor(state, dst).ingress;
  if (ing.length === 0) return undefined;
  const peer = asPolicyPeer(cluster, state, seenSource, src.pod);
  const r = evaluate(ing, 'ingress', { peer, port, protocol, destNamedPorts: new NamedPortsOf(dst) });
  if (r.allowed) return undefined;
  const who = peer.pod ? `${peer.pod.namespace}/${(src.pod?.ip === seenSource ? src.pod : state.podsByIp.get(seenSource))!.name}` : seenSource;
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
  const eg = policiesFor(state, src.pod).egress;
  if (eg.length === 0) return undefined;
  const r = evaluate(eg, 'egress', { peer: asPolicyPeer(cluster, state, ip), port, protocol, destNamedPorts: NO_NAMED_PORTS });
  if (r.allowed) return undefined;
  return { kind: 'policy-denied', direction: 'egress', subject: `${src.pod.namespace}/${src.pod.name}`, policies: r.selectedBy, peer: ip, port, protocol };
}

const NO_NAMED_PORTS: NamedPorts = new Map();

/** Is `ip` one of the destination node's own addresses (InternalIP, cni0, flannel.1)? */
function fromOwnNode(state: NetState, ip: string, dst: PodInfo): boolean {
  void state;
  const node = dst.nodeInfo;
  if (!node) return false;
  return ip === node.ip || ip === node.bridgeIp || ip === node.flannelIp;
}
