/**
 * A packet that hit a Service address: kube-proxy's rules for a ClusterIP,
 * a NodePort on a node, or a load-balancer port (k3s servicelb holds it on
 * every node and hands it to the same rules). Picks the endpoint, applies
 * traffic policies and source NAT, then hands over to deliverToPod.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { NetState, NodeInfo, ServiceInfo, ServicePortInfo } from './state.ts';
import type { Source } from './source.ts';
import { noEndpointsDetail, pickEndpoint, portsText, servicePortEndpoints, type ServiceEndpoint } from './services.ts';
import { deliverToPod } from './deliver.ts';
import { fail } from './connect.ts';
import { findWorldHostByIp, worldAccepts } from './world.ts';
import type { Hop, Protocol, Verdict } from './types.ts';

export type Frontend =
  /** `sp`: the Service port the packet hit; undefined when the Service has no such port. */
  | { kind: 'clusterIP' | 'nodePort' | 'loadBalancer'; svc: ServiceInfo; sp: ServicePortInfo | undefined; ip: string; port: number; protocol: Protocol; node?: NodeInfo };

export function routeService(cluster: Cluster, state: NetState, src: Source, fe: Frontend, hops: Hop[]): Verdict {
  const svc = fe.svc.svc;
  const name = fe.svc.key;
  const sp = fe.sp;
  if (!sp) {
    hops.push({ kind: 'service', at: `${fe.ip}:${fe.port}`, detail: `service ${name} has no port ${fe.port}/${fe.protocol}` });
    return fail(hops, 'timeout', { kind: 'no-service-port', service: name, ip: fe.ip, port: fe.port, protocol: fe.protocol, ports: portsText(svc) });
  }
  // The node whose kube-proxy rules handle the packet.
  const handler = fe.node ?? src.node ?? state.nodesByName.values().next().value;
  const hopKind = fe.kind === 'clusterIP' ? 'service' : fe.kind === 'nodePort' ? 'nodeport' : 'loadbalancer';
  const { all, usable } = servicePortEndpoints(state, sp);
  if (usable.length === 0) {
    hops.push({ kind: hopKind, at: `${fe.ip}:${fe.port}`, detail: `service ${name}: no endpoints, kube-proxy rejects` });
    const ms = src.node && handler && src.node.name === handler.name ? 0 : 1;
    return fail(hops, 'refused', { kind: 'no-endpoints', service: svc.metadata.name, namespace: svc.metadata.namespace ?? 'default', detail: noEndpointsDetail(cluster, state, svc, all) }, ms);
  }
  const { candidates, masquerade, clientIp, localPolicy } = narrow(svc, fe, src, handler, usable);
  if (candidates.length === 0) {
    hops.push({ kind: hopKind, at: `${fe.ip}:${fe.port}`, detail: `service ${name}: no endpoint on ${handler?.name ?? '?'} (${localPolicy}: Local), dropped` });
    return fail(hops, 'timeout', {
      kind: 'no-local-endpoint', service: name, port: fe.port, node: handler?.name ?? '?', policy: localPolicy,
      via: fe.kind,
    });
  }
  const ep = pickEndpoint(cluster, sp, candidates, clientIp);
  const where = fe.kind === 'clusterIP' ? `service ${name}` : `node ${handler?.name}: ${fe.kind === 'nodePort' ? 'nodePort' : 'load-balancer port'} ${fe.port} of service ${name}`;
  hops.push({ kind: hopKind, at: `${fe.ip}:${fe.port}`, detail: `${where}: DNAT to ${ep.ip}:${ep.port}${podText(ep)}` });
  let seen = clientIp;
  if (masquerade && handler) {
    seen = ep.node === handler.name ? handler.bridgeIp ?? handler.ip : handler.flannelIp ?? handler.ip;
    hops.push({ kind: 'snat', at: seen, detail: `source NAT to node ${handler.name} (${seen}), externalTrafficPolicy Cluster` });
  }
  return toEndpoint(cluster, state, src, seen, ep, fe.protocol, hops, { service: name, targetPort: sp.targetPort }, handler);
}

/** ` (pod ns/name)` for an endpoint that is a pod (from the record the connection reads next anyway). */
function podText(ep: ServiceEndpoint): string {
  const p = ep.info ?? ep.pod;
  return p ? ` (pod ${p.namespace}/${p.name})` : '';
}

interface Narrowed {
  candidates: ServiceEndpoint[];
  masquerade: boolean;
  /** The client address kube-proxy sees (for affinity and Local policies). */
  clientIp: string;
  localPolicy: 'externalTrafficPolicy' | 'internalTrafficPolicy';
}

/**
 * Traffic policies, as the iptables proxier writes them: ClusterIP traffic
 * obeys internalTrafficPolicy; NodePort/LB traffic from outside the node
 * obeys externalTrafficPolicy, while pods on the node and the node itself
 * short-circuit to the cluster-wide chain (`-s clusterCIDR`, `--src-type LOCAL`).
 * A pod on another node reaches a NodePort masqueraded as its node by flannel.
 */
function narrow(svc: KObject, fe: Frontend, src: Source, handler: NodeInfo | undefined, usable: ServiceEndpoint[]): Narrowed {
  const onHandler = (e: ServiceEndpoint) => !!handler && e.node === handler.name;
  if (fe.kind === 'clusterIP') {
    const local = svc.spec?.internalTrafficPolicy === 'Local';
    return { candidates: local ? usable.filter(onHandler) : usable, masquerade: false, clientIp: src.ip, localPolicy: 'internalTrafficPolicy' };
  }
  const sameNode = !!handler && src.node?.name === handler.name && !src.external;
  const clientIp = src.external || sameNode ? src.ip : (src.node?.ip ?? src.ip);
  const etpLocal = svc.spec?.externalTrafficPolicy === 'Local';
  if (sameNode) return { candidates: usable, masquerade: !etpLocal || !src.pod, clientIp, localPolicy: 'externalTrafficPolicy' };
  if (etpLocal) return { candidates: usable.filter(onHandler), masquerade: false, clientIp, localPolicy: 'externalTrafficPolicy' };
  return { candidates: usable, masquerade: true, clientIp, localPolicy: 'externalTrafficPolicy' };
}

function toEndpoint(cluster: Cluster, state: NetState, src: Source, seen: string, ep: ServiceEndpoint, protocol: Protocol, hops: Hop[], ctx: { service: string; targetPort: string | number }, handler?: NodeInfo): Verdict {
  const pod = ep.info ?? ((ep.pod && state.pod(ep.pod.namespace, ep.pod.name)) || state.podsByIp.get(ep.ip));
  if (pod && pod.ip === ep.ip) return deliverToPod(cluster, state, src, seen, pod, ep.port, protocol, hops, ctx, handler);
  // An endpoint outside the pod network (a hand-written Endpoints object).
  const host = findWorldHostByIp(cluster, ep.ip);
  if (host && protocol === 'TCP' && worldAccepts(host, ep.port)) {
    hops.push({ kind: 'world', at: `${ep.ip}:${ep.port}`, detail: `${host.name} accepts` });
    return { ok: true, hops, endpoint: { ip: ep.ip, port: ep.port, host: host.name }, seenSource: handler?.ip ?? seen, ms: 1 };
  }
  const node = state.nodeOfIp(ep.ip);
  if (node) {
    hops.push({ kind: 'node', at: `${ep.ip}:${ep.port}`, detail: `node ${node.name}: nothing listens` });
    return fail(hops, 'refused', { kind: 'host-port-closed', host: node.name, ip: node.ip, port: ep.port, protocol }, 1);
  }
  return fail(hops, 'timeout', { kind: 'no-route', ip: ep.ip });
}
