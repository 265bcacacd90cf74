/**
 * The last leg: a packet addressed to a pod (directly or after DNAT) crosses
 * to the pod's node (flannel VXLAN when it is another node), passes
 * kube-router's policy checks, and meets the pod's socket — or a reset when
 * nothing listens there.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { NetState, NodeInfo, PodInfo } from './state.ts';
import type { Source } from './source.ts';
import { judge } from './enforce.ts';
import { runtimeOf, type Listener } from './deps.ts';
import { fail } from './connect.ts';
import type { Hop, Protocol, Verdict } from './types.ts';

export interface ServiceContext {
  service: string;
  targetPort: string | number;
}

/**
 * The ports the pod's containers listen on, kept on the pod's record for the
 * runtime's listener version (a container starting or stopping moves it).
 */
export function listenersOf(cluster: Cluster, pod: PodInfo): readonly Listener[] {
  const rt = runtimeOf(cluster);
  const version = rt.listenersVersion?.();
  if (version !== undefined && pod.listeners && pod.listenersVersion === version) return pod.listeners;
  const out = rt.listenersOf(pod.obj);
  if (version !== undefined) {
    pod.listeners = out;
    pod.listenersVersion = version;
  }
  return out;
}

/**
 * @param seenSource the source address after any NAT: what policies and the server see.
 * @param via the node whose rules forwarded the packet (NodePort/LB), else the source's node.
 */
export function deliverToPod(cluster: Cluster, state: NetState, src: Source, seenSource: string, dst: PodInfo, port: number, protocol: Protocol, hops: Hop[], svc: ServiceContext | undefined, via?: NodeInfo): Verdict {
  const from = via ?? src.node;
  const dstNode = dst.nodeInfo;
  const crossNode = !!from && !!dstNode && from.name !== dstNode.name;
  const self = !!src.pod && src.pod.namespace === dst.namespace && src.pod.name === dst.name;
  if (crossNode) hops.push({ kind: 'flannel', at: 'flannel.1', detail: `VXLAN from ${from!.name} to ${dstNode!.name}` });
  else if (src.external && !from) hops.push({ kind: 'gateway', at: 'LAN', detail: 'on the nodes\' LAN' });
  const ms = crossNode || src.external ? 1 : 0;
  const label = `${dst.namespace}/${dst.name}`;
  if (dst.phase !== 'Running') {
    hops.push({ kind: 'pod', at: dst.ip, detail: `pod ${label} is ${dst.phase}` });
    return fail(hops, 'unreachable', { kind: 'no-such-host', ip: dst.ip, subnet: dstNode?.podCidr?.text ?? cluster.config.clusterCidr }, 3000);
  }
  if (!self) {
    const denied = judge(cluster, state, src, seenSource, dst, port, protocol);
    if (denied) {
      hops.push({ kind: 'policy', at: denied.kind === 'policy-denied' ? denied.subject : label, detail: `${denied.kind === 'policy-denied' ? denied.direction : 'policy'} rejected by kube-router` });
      const rejectMs = denied.kind === 'policy-denied' && denied.direction === 'egress' ? 0 : ms;
      return fail(hops, 'refused', denied, rejectMs);
    }
  }
  const listeners = listenersOf(cluster, dst);
  const open = listeners.some((l) => l.port === port && (l.protocol ?? 'TCP') === protocol);
  hops.push({ kind: 'pod', at: `${dst.ip}:${port}`, detail: `pod ${label}${dstNode ? ` on ${dstNode.name}` : ''}${open ? '' : ': nothing listens'}` });
  if (!open) {
    const listening = listeners.filter((l) => (l.protocol ?? 'TCP') === protocol).map((l) => String(l.port));
    return fail(hops, 'refused', { kind: 'port-not-open', pod: dst.name, port, protocol, listening, ...(svc ? { targetPort: svc.targetPort, service: svc.service } : {}) }, ms);
  }
  return { ok: true, hops, endpoint: { ip: dst.ip, port, pod: { namespace: dst.namespace, name: dst.name }, node: dst.node }, seenSource, ms };
}
