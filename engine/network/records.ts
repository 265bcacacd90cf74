/**
 * The data plane's records: a node, a pod, a Service and its ports as
 * NetState (state.ts) indexes them. A connection at scale reads these and
 * little else: what it needs of a pod or a Service port is on its record
 * (fields, not side tables), so each end costs a cache miss or two, not a
 * probe of a large map per question.
 */
import type { KObject } from '../api/object.ts';
import type { Cidr } from './ip.ts';
import type { Protocol } from './types.ts';
import type { CompiledPolicy, PolicyPeer } from './policy.ts';
import type { ServiceEndpoint } from './services.ts';
import type { Listener } from './deps.ts';

export interface NodeInfo {
  name: string;
  ip: string;
  /** flannel's per-node subnet (10.42.N.0/24). */
  podCidr?: Cidr;
  /** flannel.1's address (10.42.N.0): the source of traffic masqueraded into the VXLAN. */
  flannelIp?: string;
  /** cni0's address (10.42.N.1): the source of traffic masqueraded towards a local pod. */
  bridgeIp?: string;
}

export interface PodInfo {
  namespace: string;
  name: string;
  ip: string;
  node?: string;
  /** The node's record when the pod was indexed (a node change rebuilds every PodInfo). */
  nodeInfo?: NodeInfo;
  phase: string;
  ready: boolean;
  labels: Record<string, string>;
  obj: KObject;
  /** spec.hostNetwork: the pod sends and listens as its node. */
  hostNetwork: boolean;
  /** What the pod's libc reads before DNS (engine/dns's PodRecord): spec.dnsPolicy, whether spec.dnsConfig is set, spec.hostname and spec.subdomain. */
  dnsPolicy?: string;
  dnsConfig: boolean;
  hostname?: string;
  subdomain?: string;
  // What the data plane computed for this pod, kept on its record (not in a
  // side table, not in a sub-object) so a connection at scale reads fields of
  // the one object it already holds: each probe of a large table, each
  // further object, is a cache miss there. A pod change replaces its
  // PodInfo, which drops these with it.
  /** The state generation `ingress`, `egress` and `peer` were computed for. */
  generation: number;
  ingress?: CompiledPolicy[];
  egress?: CompiledPolicy[];
  /** The pod as a policy peer (its labels and its namespace's). */
  peer?: PolicyPeer;
  /** Named container ports (fixed for the pod object's life). */
  namedPorts?: Map<string, { port: number; protocol: Protocol }>;
  /** The runtime's listeners of this pod object, for the runtime's listener version `listenersVersion`. */
  listeners?: readonly Listener[];
  /** -1 until computed. */
  listenersVersion: number;
  /** engine/dns's per-pod resolver memo (resolv.conf, /etc/hosts names, the path to the nameserver), opaque here. */
  resolver?: unknown;
}

/** A Service as the data plane holds it: the object, its `namespace/name`, and its ports with their endpoints. */
export interface ServiceInfo {
  svc: KObject;
  key: string;
  /** spec.ports, in order: a connection finds its port, and that port's endpoints, without reading the object. */
  ports: ServicePortInfo[];
}

/**
 * One Service port: (port, protocol, targetPort) and, once computed for
 * `generation`, its endpoints (services.ts): every one, and the ones
 * kube-proxy uses. On the port itself, so a connection follows no further
 * object to reach them.
 */
export interface ServicePortInfo extends ServiceEndpointList {
  /** The Service it belongs to, and its index in spec.ports. */
  service: ServiceInfo;
  index: number;
  port: number;
  protocol: Protocol;
  targetPort: string | number;
  /** The state generation `all` and `usable` were computed for; -1 before. */
  generation: number;
}

/** One Service port's endpoints: every one, and the usable ones. */
export interface ServiceEndpointList {
  all: ServiceEndpoint[];
  usable: ServiceEndpoint[];
}

/** A port's lists before they are computed (shared, frozen). */
const NO_ENDPOINTS = Object.freeze([]) as unknown as ServiceEndpoint[];

export interface ServicePortRef {
  svc: KObject;
  info: ServiceInfo;
  /** Index into spec.ports. */
  index: number;
}

/** The data plane's record of a stored pod (a pod change replaces it). */
export function podInfo(p: KObject, nodes: ReadonlyMap<string, NodeInfo>): PodInfo {
  const conditions: Array<{ type: string; status: string }> = p.status?.conditions ?? [];
  const node = (p.spec?.nodeName as string | undefined) ?? undefined;
  const namespace = p.metadata.namespace ?? 'default';
  // Every field present from the start (memos too): one hidden class for every PodInfo, fields in the
  // object itself. In the order a connection reads them, so the ones it reads on both ends share cache lines.
  return {
    ip: (p.status?.podIP as string | undefined) ?? '',
    phase: (p.status?.phase as string | undefined) ?? 'Pending',
    nodeInfo: node ? nodes.get(node) : undefined,
    generation: -1,
    ingress: undefined,
    egress: undefined,
    listeners: undefined,
    listenersVersion: -1,
    peer: undefined,
    namespace,
    name: p.metadata.name,
    hostNetwork: !!p.spec?.hostNetwork,
    resolver: undefined,
    node,
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    labels: p.metadata.labels ?? {},
    obj: p,
    dnsPolicy: p.spec?.dnsPolicy as string | undefined,
    dnsConfig: !!p.spec?.dnsConfig,
    hostname: p.spec?.hostname as string | undefined,
    subdomain: p.spec?.subdomain as string | undefined,
    namedPorts: undefined,
  };
}

/** The data plane's record of a Service version and its ports (endpoint lists computed on first use). */
export function serviceInfo(svc: KObject): ServiceInfo {
  const spec = svc.spec ?? {};
  const info: ServiceInfo = { svc, key: `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`, ports: [] };
  info.ports = ((spec.ports ?? []) as Array<{ port: number; protocol?: Protocol; targetPort?: string | number }>).map((p, index) => ({
    service: info, index, port: p.port, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port, generation: -1, all: NO_ENDPOINTS, usable: NO_ENDPOINTS,
  }));
  return info;
}
