/**
 * The per-cluster DNS cache: what CoreDNS's dnsController keeps (controller.go),
 * as named indexes over the object store. Each index is rebuilt lazily, only
 * after a change to the kinds it is built from, so a query costs a map
 * lookup even with 10,000 Services.
 *
 *   svcByKey      ServiceKey(name, ns) → Service          (SvcIndex)
 *   svcByIP       cluster IP → Service                    (SvcIndexReverse)
 *   epByKey       ServiceKey → endpoints                  (EpIndex)
 *   epByIP        endpoint IP → endpoints                 (EpIndexReverse)
 *   namespaces    existing namespace names                (GetNamespaceByName)
 *   nodeHosts     name → IP and IP → names (the hosts plugin's NodeHosts)
 */
import type { Cluster } from '../cluster/cluster.ts';
import { nodeAddress, type KObject } from '../api/object.ts';
import { fromEndpointSlice, fromEndpoints, serviceKey, toDnsService, type DnsEndpoints, type DnsService } from './objects.ts';
import { fqdn } from './names.ts';

interface ServiceIndexes {
  /** Lower-case namespace → lower-case name → Service: a query probes its namespace's small table, building no key. */
  byNamespace: Map<string, Map<string, DnsService>>;
  byIP: Map<string, DnsService[]>;
}

interface EndpointIndexes {
  byKey: Map<string, DnsEndpoints[]>;
  byIP: Map<string, DnsEndpoints[]>;
}

export interface NodeHosts {
  /** Absolute lower-case name → addresses, in file order. */
  byName: Map<string, string[]>;
  /** Address → absolute names. */
  byIP: Map<string, string[]>;
  /** The most dots in a name of byName: a longer query name cannot be one (no probe needed). */
  maxDots: number;
}

/** Dots in a name (its labels, when absolute). */
export function dotCount(name: string): number {
  let n = 0;
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) n++;
  return n;
}

const SERVICE_KINDS = new Set(['Service']);
const ENDPOINT_KINDS = new Set(['EndpointSlice', 'Endpoints', 'Pod']);

export class DnsIndex {
  private services?: ServiceIndexes;
  private endpoints?: EndpointIndexes;
  private namespaceSet?: Set<string>;
  private hosts?: NodeHosts;
  /** Unix seconds of the last change CoreDNS would have seen: the SOA serial. */
  private modified: number;

  constructor(private readonly cluster: Cluster) {
    this.modified = Math.floor(cluster.clock.now() / 1000);
    cluster.store.onChange((c) => this.invalidate(c.kind), [...SERVICE_KINDS, ...ENDPOINT_KINDS, 'Namespace', 'ConfigMap', 'Node']);
  }

  private invalidate(kind: string): void {
    if (SERVICE_KINDS.has(kind)) this.services = undefined;
    if (ENDPOINT_KINDS.has(kind)) this.endpoints = undefined;
    if (kind === 'Namespace') this.namespaceSet = undefined;
    if (kind === 'ConfigMap' || kind === 'Node') this.hosts = undefined;
    if (SERVICE_KINDS.has(kind) || ENDPOINT_KINDS.has(kind) || kind === 'Namespace') {
      this.modified = Math.floor(this.cluster.clock.now() / 1000);
    }
  }

  serial(): number {
    return this.modified >>> 0;
  }

  /** SvcIndex: the Service `name` in `namespace`, compared case-insensitively as CoreDNS's match() does. */
  service(name: string, namespace: string): DnsService | undefined {
    return this.svc().byNamespace.get(namespace.toLowerCase())?.get(name.toLowerCase());
  }

  servicesByIP(ip: string): DnsService[] {
    return this.svc().byIP.get(ip) ?? [];
  }

  endpointsOf(name: string, namespace: string): DnsEndpoints[] {
    return this.eps().byKey.get(serviceKey(name, namespace).toLowerCase()) ?? [];
  }

  endpointsByIP(ip: string): DnsEndpoints[] {
    return this.eps().byIP.get(ip) ?? [];
  }

  namespaceExists(namespace: string): boolean {
    if (!this.namespaceSet) {
      this.namespaceSet = new Set(this.cluster.store.list('Namespace').map((n) => n.metadata.name.toLowerCase()));
    }
    return this.namespaceSet.has(namespace.toLowerCase());
  }

  nodeHosts(): NodeHosts {
    if (!this.hosts) this.hosts = buildNodeHosts(this.cluster);
    return this.hosts;
  }

  private svc(): ServiceIndexes {
    if (this.services) return this.services;
    const byNamespace = new Map<string, Map<string, DnsService>>();
    const byIP = new Map<string, DnsService[]>();
    for (const o of this.cluster.store.list('Service')) {
      const s = toDnsService(o);
      const ns = s.namespace.toLowerCase();
      let names = byNamespace.get(ns);
      if (!names) byNamespace.set(ns, (names = new Map()));
      names.set(s.name.toLowerCase(), s);
      for (const ip of s.clusterIPs) {
        if (ip === 'None') continue;
        push(byIP, ip, s);
      }
    }
    return (this.services = { byNamespace, byIP });
  }

  private eps(): EndpointIndexes {
    if (this.endpoints) return this.endpoints;
    const store = this.cluster.store;
    const pods = (ns: string, name: string): KObject | undefined => store.get('Pod', ns, name);
    const byKey = new Map<string, DnsEndpoints[]>();
    for (const o of store.list('EndpointSlice')) {
      const e = fromEndpointSlice(o, pods);
      if (e) push(byKey, e.index.toLowerCase(), e);
    }
    // Services with no EndpointSlice at all fall back to their Endpoints object.
    for (const o of store.list('Endpoints')) {
      const key = serviceKey(o.metadata.name, o.metadata.namespace ?? 'default').toLowerCase();
      if (byKey.has(key)) continue;
      for (const e of fromEndpoints(o, pods)) push(byKey, key, e);
    }
    const byIP = new Map<string, DnsEndpoints[]>();
    for (const list of byKey.values()) {
      for (const e of list) for (const a of e.addresses) push(byIP, a.ip, e);
    }
    return (this.endpoints = { byKey, byIP });
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) {
    if (!l.includes(v)) l.push(v);
  } else m.set(k, [v]);
}

/**
 * k3s's coredns ConfigMap carries `NodeHosts` ("IP name" per line) for the
 * hosts plugin; without it, the nodes' InternalIPs and names stand in.
 */
function buildNodeHosts(cluster: Cluster): NodeHosts {
  const byName = new Map<string, string[]>();
  const byIP = new Map<string, string[]>();
  const add = (ip: string, name: string) => {
    push(byName, fqdn(name).toLowerCase(), ip);
    push(byIP, ip, fqdn(name));
  };
  const cm = cluster.store.get('ConfigMap', 'kube-system', 'coredns');
  const text = (cm?.data as Record<string, string> | undefined)?.NodeHosts;
  if (typeof text === 'string') {
    for (const line of text.split('\n')) {
      const words = line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
      if (words.length < 2) continue;
      for (const n of words.slice(1)) add(words[0]!, n);
    }
    return withMaxDots(byName, byIP);
  }
  for (const n of cluster.store.list('Node')) {
    const ip = nodeAddress(n, 'InternalIP');
    if (ip) add(ip, n.metadata.name);
  }
  if (byName.size === 0) for (const n of cluster.config.nodes) add(n.ip, n.name);
  return withMaxDots(byName, byIP);
}

function withMaxDots(byName: Map<string, string[]>, byIP: Map<string, string[]>): NodeHosts {
  let maxDots = 0;
  for (const name of byName.keys()) maxDots = Math.max(maxDots, dotCount(name));
  return { byName, byIP, maxDots };
}

/** The DNS cache of a cluster, created on first use. */
export function dnsIndex(cluster: Cluster): DnsIndex {
  return cluster.ext('dns.index', (c) => new DnsIndex(c));
}
