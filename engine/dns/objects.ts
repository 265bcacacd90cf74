/**
 * Narrow projections of API objects, as CoreDNS's plugin/kubernetes/object
 * package makes them: only what DNS needs. EndpointSlices are read as
 * object.EndpointSliceToEndpoints does (an endpoint counts unless
 * conditions.ready is false; a slice without ports gets the port -1
 * sentinel), with a fallback to a core/v1 Endpoints object for Services
 * that have no slice.
 */
import type { KObject } from '../api/object.ts';
import { normalizeIp } from './names.ts';

export interface DnsService {
  name: string;
  namespace: string;
  type: string;
  /** spec.clusterIPs (or [spec.clusterIP]); ['None'] for a headless Service. */
  clusterIPs: string[];
  externalName: string;
  ports: Array<{ name: string; protocol: string; port: number }>;
}

export interface DnsEndpointAddress {
  ip: string;
  hostname: string;
  targetRefName: string;
}

export interface DnsEndpoints {
  /** ServiceKey(service, namespace) of the Service it belongs to. */
  index: string;
  namespace: string;
  addresses: DnsEndpointAddress[];
  /** Port -1 when the slice declares none (CoreDNS's sentinel). */
  ports: Array<{ name: string; protocol: string; port: number }>;
}

/** object.ServiceKey: the one place the index key is built. */
export function serviceKey(name: string, namespace: string): string {
  return `${name}.${namespace}`;
}

export function isHeadless(s: DnsService): boolean {
  return s.clusterIPs[0] === 'None';
}

export function toDnsService(o: KObject): DnsService {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  const ips = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0
    ? (spec.clusterIPs as string[])
    : typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? [spec.clusterIP] : [];
  const ports = Array.isArray(spec.ports) ? (spec.ports as Array<Record<string, unknown>>) : [];
  return {
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? 'default',
    type: typeof spec.type === 'string' ? spec.type : 'ClusterIP',
    clusterIPs: ips.map((ip) => (ip === 'None' ? ip : normalizeIp(ip))),
    externalName: typeof spec.externalName === 'string' ? spec.externalName : '',
    ports: ports.map((p) => ({
      name: typeof p.name === 'string' ? p.name : '',
      protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
      port: typeof p.port === 'number' ? p.port : -1,
    })),
  };
}

/**
 * The hostname the EndpointSlice controller gives a pod's endpoint: its
 * spec.hostname when spec.subdomain names the Service (kubernetes
 * pkg/controller/endpointslice utils). Used only when a slice lacks it.
 */
export type PodLookup = (namespace: string, name: string) => KObject | undefined;

function podHostname(pods: PodLookup, ns: string, ref: unknown, serviceName: string): string {
  const r = ref as { kind?: string; name?: string } | undefined;
  if (!r || r.kind !== 'Pod' || !r.name) return '';
  const pod = pods(ns, r.name);
  const spec = (pod?.spec ?? {}) as { hostname?: string; subdomain?: string };
  return spec.hostname && spec.subdomain === serviceName ? spec.hostname : '';
}

export function fromEndpointSlice(o: KObject, pods: PodLookup): DnsEndpoints | undefined {
  const svc = o.metadata.labels?.['kubernetes.io/service-name'];
  if (!svc) return undefined;
  const ns = o.metadata.namespace ?? 'default';
  const rawPorts = Array.isArray(o.ports) ? (o.ports as Array<Record<string, unknown>>) : [];
  const ports = rawPorts.length === 0
    ? [{ name: '', protocol: '', port: -1 }]
    : rawPorts.map((p) => ({
      name: typeof p.name === 'string' ? p.name : '',
      protocol: typeof p.protocol === 'string' ? p.protocol : '',
      port: typeof p.port === 'number' ? p.port : -1,
    }));
  const addresses: DnsEndpointAddress[] = [];
  const endpoints = Array.isArray(o.endpoints) ? (o.endpoints as Array<Record<string, unknown>>) : [];
  for (const e of endpoints) {
    const cond = (e.conditions ?? {}) as { ready?: boolean | null };
    if (cond.ready === false) continue; // nil means unknown: treated as ready
    const ref = e.targetRef as { name?: string } | undefined;
    const hostname = typeof e.hostname === 'string' && e.hostname !== '' ? e.hostname : podHostname(pods, ns, ref, svc);
    for (const a of Array.isArray(e.addresses) ? (e.addresses as string[]) : []) {
      addresses.push({
        ip: normalizeIp(a),
        hostname,
        targetRefName: ref?.name && ref.name.length < 64 ? ref.name : '',
      });
    }
  }
  return { index: serviceKey(svc, ns), namespace: ns, addresses, ports };
}

/** A core/v1 Endpoints object (ready addresses only), for Services with no slice. */
export function fromEndpoints(o: KObject, pods: PodLookup): DnsEndpoints[] {
  const ns = o.metadata.namespace ?? 'default';
  const svc = o.metadata.name;
  const subsets = Array.isArray(o.subsets) ? (o.subsets as Array<Record<string, unknown>>) : [];
  return subsets.map((s) => {
    const rawPorts = Array.isArray(s.ports) ? (s.ports as Array<Record<string, unknown>>) : [];
    const addrs = Array.isArray(s.addresses) ? (s.addresses as Array<Record<string, unknown>>) : [];
    return {
      index: serviceKey(svc, ns),
      namespace: ns,
      addresses: addrs.map((a) => {
        const ref = a.targetRef as { name?: string } | undefined;
        return {
          ip: normalizeIp(String(a.ip ?? '')),
          hostname: typeof a.hostname === 'string' && a.hostname !== '' ? a.hostname : podHostname(pods, ns, ref, svc),
          targetRefName: ref?.name ?? '',
        };
      }),
      ports: rawPorts.length === 0
        ? [{ name: '', protocol: '', port: -1 }]
        : rawPorts.map((p) => ({
          name: typeof p.name === 'string' ? p.name : '',
          protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
          port: typeof p.port === 'number' ? p.port : -1,
        })),
    };
  });
}
