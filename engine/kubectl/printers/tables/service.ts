/**
 * Service-side tables: Service, Endpoints, EndpointSlice, Ingress,
 * NetworkPolicy. Ports of printService, formatEndpoints,
 * printEndpointSlice, printIngress and printNetworkPolicy in kubernetes
 * pkg/printers/internalversion/printers.go (v1.33).
 */
import type { Service, ServicePort, Endpoints } from 'kubernetes-types/core/v1.js';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1.js';
import type { KObject } from '../../../api/object.ts';
import { translateTimestampSince } from '../duration.ts';
import { NONE, formatLabels, formatLabelSelector, joinHostPort, listWithMore, sortedUnique, type Column } from './common.ts';

export const serviceColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Type' },
  { name: 'Cluster-IP' },
  { name: 'External-IP' },
  { name: 'Port(s)' },
  { name: 'Age' },
  { name: 'Selector', wide: true },
];

/** loadBalancerStatusStringer with wide=true (the server always generates wide rows). */
function loadBalancerIngress(ingress: ReadonlyArray<{ ip?: string; hostname?: string }> | undefined): string {
  const result: string[] = [];
  for (const i of ingress ?? []) {
    if (i.ip) result.push(i.ip);
    else if (i.hostname) result.push(i.hostname);
  }
  return sortedUnique(result).join(',');
}

/** getServiceExternalIP. */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `8080:30080/TCP`, joined by commas. */
export function servicePorts(ports: readonly ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export function serviceRow(obj: KObject, now: number): string[] {
  const svc = obj as unknown as Service;
  return [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? '',
    svc.spec?.clusterIPs?.[0] ?? NONE,
    serviceExternalIP(svc),
    servicePorts(svc.spec?.ports) || NONE,
    translateTimestampSince(svc.metadata?.creationTimestamp, now),
    formatLabels(svc.spec?.selector),
  ];
}

export const endpointsColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Endpoints' }, { name: 'Age' }];

/** formatEndpoints(endpoints, nil): `ip:port` per port and address, 3 shown then `+ N more...`. */
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return NONE;
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function endpointsRow(obj: KObject, now: number): string[] {
  const ep = obj as unknown as Endpoints;
  return [ep.metadata?.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata?.creationTimestamp, now)];
}

export const endpointSliceColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'AddressType' },
  { name: 'Ports' },
  { name: 'Endpoints' },
  { name: 'Age' },
];

export function endpointSliceRow(obj: KObject, now: number): string[] {
  const s = obj as unknown as EndpointSlice;
  const max = 3;
  const ports: string[] = [];
  let portCount = 0;
  for (const p of s.ports ?? []) {
    if (ports.length < max) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*');
    portCount++;
  }
  const addrs: string[] = [];
  let addrCount = 0;
  for (const e of s.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a);
      addrCount++;
    }
  }
  return [
    s.metadata?.name ?? '',
    s.addressType ?? '',
    listWithMore(ports, portCount > max, portCount, max),
    listWithMore(addrs, addrCount > max, addrCount, max),
    translateTimestampSince(s.metadata?.creationTimestamp, now),
  ];
}

export const ingressColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Class' },
  { name: 'Hosts' },
  { name: 'Address' },
  { name: 'Ports' },
  { name: 'Age' },
];

/** formatHosts: hosts of the first 3 rules, `*` when none has a host. */
function formatHosts(rules: ReadonlyArray<{ host?: string }>): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rules) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

export function ingressRow(obj: KObject, now: number): string[] {
  const ing = obj as unknown as Ingress;
  return [
    ing.metadata?.name ?? '',
    ing.spec?.ingressClassName ?? NONE,
    formatHosts(ing.spec?.rules ?? []),
    loadBalancerIngress(ing.status?.loadBalancer?.ingress),
    (ing.spec?.tls ?? []).length !== 0 ? '80, 443' : '80',
    translateTimestampSince(ing.metadata?.creationTimestamp, now),
  ];
}

export const networkPolicyColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Pod-Selector' }, { name: 'Age' }];

export function networkPolicyRow(obj: KObject, now: number): string[] {
  const np = obj as unknown as NetworkPolicy;
  return [np.metadata?.name ?? '', formatLabelSelector(np.spec?.podSelector ?? {}), translateTimestampSince(np.metadata?.creationTimestamp, now)];
}
