/**
 * connect(): one connection attempt through the model's data plane.
 *
 * The order is the kernel's: the source sends; kube-proxy's rules on the
 * handling node DNAT a Service address (ClusterIP, NodePort, load-balancer
 * port) to one endpoint; flannel carries the packet across nodes; kube-router
 * judges egress and ingress policy on the endpoint; the destination's
 * socket accepts or resets. The verdict lists the hops and, on failure, a
 * reason a student can act on.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { netState, type NetState, type NodeInfo, type ServiceInfo, type ServicePortInfo } from './state.ts';
import { resolveSource, isSource, type Source } from './source.ts';
import { noteOf, type Reason } from './explain.ts';
import { routeService, type Frontend } from './route-service.ts';
import { deliverToPod } from './deliver.ts';
import { judgeEgressTo } from './enforce.ts';
import { findWorldHostByIp, worldAccepts } from './world.ts';
import { parseIpv4 } from './ip.ts';
import { nodeDnsConfig } from '../dns/resolvconf.ts';
import type { Failure, Hop, Peer, Protocol, Verdict } from './types.ts';

export function connect(cluster: Cluster, from: Peer, toIp: string, port: number, protocol: Protocol = 'TCP'): Verdict {
  const state = netState(cluster);
  const hops: Hop[] = [];
  const src = resolveSource(state, from);
  if (!isSource(src)) return fail(hops, 'unreachable', src, 0);
  hops.push(sourceHop(src));
  const address = parseIpv4(toIp);
  if (address === undefined || !(port >= 0 && port <= 65535)) return fail(hops, 'unreachable', { kind: 'no-route', ip: toIp }, 0);
  return route(cluster, state, src, toIp, address, port, protocol, hops);
}

function route(cluster: Cluster, state: NetState, src: Source, toIp: string, address: number, port: number, protocol: Protocol, hops: Hop[]): Verdict {
  const cfg = cluster.config;
  const svc = state.servicesByClusterIp.get(toIp);
  // A pod's address wins over a Service's; only an address inside the pod network can be a pod's.
  const pod = svc && !state.inPodNetwork(address) ? undefined : state.podsByIp.get(toIp);
  if (pod) {
    if (src.external) return fail(hops, 'timeout', { kind: 'not-routable-from-outside', ip: toIp, what: `the IP of pod ${pod.namespace}/${pod.name}` });
    return deliverToPod(cluster, state, src, src.ip, pod, port, protocol, hops, undefined);
  }
  if (svc) {
    if (src.external) return fail(hops, 'timeout', { kind: 'not-routable-from-outside', ip: toIp, what: `the ClusterIP of service ${svc.key}` });
    const fe: Frontend = { kind: 'clusterIP', svc, sp: servicePortOf(svc, port, protocol), ip: toIp, port, protocol, node: src.node };
    return routeService(cluster, state, src, fe, hops);
  }
  const node = state.nodeOfIp(toIp);
  if (node) return toNode(cluster, state, src, node, port, protocol, hops);
  const lb = state.lbPorts.get(`${toIp}|${protocol}:${port}`);
  if (lb) return routeService(cluster, state, src, { kind: 'loadBalancer', svc: lb.info, sp: lb.info.ports[lb.index], ip: toIp, port, protocol, node: src.node }, hops);
  // No DNAT: the packet leaves for toIp itself, and the sending pod's egress policies judge it now.
  const denied = judgeEgressTo(cluster, state, src, toIp, port, protocol);
  if (denied) return rejected(hops, denied);
  if (port === 53 && protocol !== 'SCTP' && nodeDnsConfig(cluster).servers.includes(toIp)) return toLanResolver(src, toIp, hops);
  const host = findWorldHostByIp(cluster, toIp);
  if (host) {
    if (!src.external) hops.push({ kind: 'snat', at: src.node?.ip ?? src.ip, detail: `masqueraded to node ${src.node?.name ?? '?'} (${src.node?.ip ?? src.ip}) on the way out` });
    hops.push({ kind: 'gateway', at: 'default gateway', detail: 'routed out of the LAN' });
    if (protocol !== 'TCP' || !worldAccepts(host, port)) return fail(hops, 'timeout', { kind: 'world-port-closed', host: host.name, ip: toIp, port });
    hops.push({ kind: 'world', at: `${toIp}:${port}`, detail: `${host.name} accepts` });
    return { ok: true, hops, endpoint: { ip: toIp, port, host: host.name }, seenSource: src.external ? src.ip : (src.node?.ip ?? src.ip), ms: 1 };
  }
  if (state.inPodNetwork(address)) {
    if (src.external) return fail(hops, 'timeout', { kind: 'not-routable-from-outside', ip: toIp, what: 'an address of the pod network' });
    return fail(hops, 'unreachable', { kind: 'no-such-host', ip: toIp, subnet: cfg.clusterCidr }, 3000);
  }
  return fail(hops, 'timeout', { kind: 'no-route', ip: toIp });
}

/** The Service port for (port, protocol), if the Service has one. */
function servicePortOf(svc: ServiceInfo, port: number, protocol: Protocol): ServicePortInfo | undefined {
  for (const sp of svc.ports) if (sp.port === port && sp.protocol === protocol) return sp;
  return undefined;
}

/**
 * The LAN's DNS resolver (the nodes' own nameserver, which CoreDNS forwards
 * to and pods with dnsPolicy Default use) answers on 53/UDP and 53/TCP.
 */
function toLanResolver(src: Source, toIp: string, hops: Hop[]): Verdict {
  if (!src.external) hops.push({ kind: 'snat', at: src.node?.ip ?? src.ip, detail: `masqueraded to node ${src.node?.name ?? '?'} (${src.node?.ip ?? src.ip}) on the way out` });
  hops.push({ kind: 'world', at: `${toIp}:53`, detail: 'the LAN\'s DNS resolver answers' });
  return { ok: true, hops, endpoint: { ip: toIp, port: 53, host: 'the LAN resolver' }, seenSource: src.external ? src.ip : (src.node?.ip ?? src.ip), ms: 1 };
}

/** A node's own address: a NodePort, a servicelb port, or a closed port (RST from the host). */
function toNode(cluster: Cluster, state: NetState, src: Source, node: NodeInfo, port: number, protocol: Protocol, hops: Hop[]): Verdict {
  const np = state.nodePorts.get(`${protocol}:${port}`);
  if (np) return routeService(cluster, state, src, { kind: 'nodePort', svc: np.info, sp: np.info.ports[np.index], ip: node.ip, port, protocol, node }, hops);
  const lb = state.lbPorts.get(`${node.ip}|${protocol}:${port}`);
  if (lb) return routeService(cluster, state, src, { kind: 'loadBalancer', svc: lb.info, sp: lb.info.ports[lb.index], ip: node.ip, port, protocol, node }, hops);
  const denied = judgeEgressTo(cluster, state, src, node.ip, port, protocol);
  if (denied) return rejected(hops, denied);
  hops.push({ kind: 'node', at: `${node.ip}:${port}`, detail: `node ${node.name}: nothing listens` });
  const ms = src.node?.name === node.name ? 0 : 1;
  return fail(hops, 'refused', { kind: 'host-port-closed', host: node.name, ip: node.ip, port, protocol }, ms);
}

/** kube-router rejects on the sending pod's own node: ICMP port unreachable at once. */
function rejected(hops: Hop[], denied: Reason): Verdict {
  hops.push({ kind: 'policy', at: denied.kind === 'policy-denied' ? denied.subject : '?', detail: 'egress rejected by kube-router' });
  return fail(hops, 'refused', denied, 0);
}

export function fail(hops: Hop[], failure: Failure, cause: Reason, ms?: number): Verdict {
  return { ok: false, hops, failure, cause, reason: noteOf(cause, hops), ...(ms !== undefined ? { ms } : {}) };
}

function sourceHop(src: Source): Hop {
  if (src.pod) return { kind: 'pod', at: src.ip, detail: `pod ${src.label}${src.node ? ` on ${src.node.name}` : ''}` };
  if (src.node) return { kind: 'node', at: src.ip, detail: `node ${src.node.name}` };
  return { kind: 'world', at: src.ip, detail: `host ${src.ip} outside the cluster` };
}
