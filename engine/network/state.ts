/**
 * The data plane's indexes over the store: pods by IP, nodes by IP, Services
 * by ClusterIP / NodePort / load-balancer address, EndpointSlices by Service,
 * namespaces' labels. Built lazily per kind and rebuilt only for the kinds a
 * store change touched (kube-proxy's change trackers, coarsely), so one
 * connection costs a few map look-ups however large the cluster.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { nodeAddress, type KObject } from '../api/object.ts';
import { cidrContains, nodePodSubnet, formatIpv4, parseCidr, type Cidr } from './ip.ts';
import type { Protocol } from './types.ts';
import { compilePolicies, type CompiledPolicies } from './policy.ts';
import { podInfo, serviceInfo, type NodeInfo, type PodInfo, type ServiceInfo, type ServicePortInfo, type ServicePortRef } from './records.ts';

export type { NodeInfo, PodInfo, ServiceEndpointList, ServiceInfo, ServicePortInfo, ServicePortRef } from './records.ts';

type Dirty = 'pods' | 'nodes' | 'services' | 'slices' | 'namespaces' | 'policies';

const KIND_TO_DIRTY: Record<string, Dirty> = {
  Pod: 'pods',
  Node: 'nodes',
  Service: 'services',
  EndpointSlice: 'slices',
  Endpoints: 'slices',
  Namespace: 'namespaces',
  NetworkPolicy: 'policies',
};

export class NetState {
  private readonly dirty = new Set<Dirty>(['pods', 'nodes', 'services', 'slices', 'namespaces', 'policies']);
  /** Bumped on every change that matters: caches built on top (per-pod policy sets) key on it. */
  generation = 0;

  podsByIp = new Map<string, PodInfo>();
  /** namespace → name → pod: pod() looks up without building a `ns/name` key string per connection. */
  private readonly podsByNs = new Map<string, Map<string, PodInfo>>();
  nodesByName = new Map<string, NodeInfo>();
  nodesByIp = new Map<string, NodeInfo>();
  /** ClusterIP → the Service holding it. */
  servicesByClusterIp = new Map<string, ServiceInfo>();

  /** `TCP:30080` → the Service port holding it on every node. */
  nodePorts = new Map<string, ServicePortRef>();
  /** `192.168.164.130|TCP:8080` → the LoadBalancer Service port held there by servicelb. */
  lbPorts = new Map<string, ServicePortRef>();
  /** `ns/name` → its EndpointSlices (or one Endpoints object, converted). */
  slices = new Map<string, KObject[]>();
  namespaceLabels = new Map<string, Record<string, string>>();
  policies: CompiledPolicies = compilePolicies([]);

  constructor(private readonly cluster: Cluster) {
    cluster.store.onChange((c) => {
      const d = KIND_TO_DIRTY[c.kind];
      if (!d) return;
      this.generation++;
      // Pods, Services and EndpointSlices change one at a time: patch the index (O(1)) unless a rebuild is pending anyway.
      if (!this.dirty.has(d) && !this.dirty.has('nodes')) {
        if (c.kind === 'Pod') return this.patchPod(c.old, c.obj);
        if (c.kind === 'Service') return this.patchService(c.old, c.obj);
        if (c.kind === 'EndpointSlice') return this.patchSlice(c.old, c.obj);
        if (c.kind === 'Endpoints' && this.hasRealSlice(c.namespace ?? 'default', c.name)) return;
      }
      this.dirty.add(d);
    }, Object.keys(KIND_TO_DIRTY));
  }

  /** Bring every index up to date (cheap when nothing changed). */
  refresh(): this {
    if (this.dirty.size === 0) return this;
    const d = new Set(this.dirty);
    this.dirty.clear();
    if (d.has('nodes')) this.buildNodes();
    if (d.has('pods') || d.has('nodes')) this.buildPods();
    if (d.has('services') || d.has('nodes')) this.buildServices();
    if (d.has('slices')) this.buildSlices();
    if (d.has('namespaces')) this.buildNamespaces();
    if (d.has('policies')) this.policies = compilePolicies(this.cluster.store.list('NetworkPolicy'));
    return this;
  }

  private buildNodes(): void {
    this.nodesByName.clear();
    this.nodesByIp.clear();
    const cfg = this.cluster.config;
    const stored = this.cluster.store.list('Node');
    const specs = stored.length > 0
      ? stored.map((n) => ({ name: n.metadata.name, ip: nodeAddress(n, 'InternalIP') ?? '', podCidr: n.spec?.podCIDR as string | undefined }))
      : cfg.nodes.map((n) => ({ name: n.name, ip: n.ip, podCidr: undefined }));
    const configIndex = new Map(cfg.nodes.map((n, i) => [n.name, i]));
    specs.forEach((s, i) => {
      const idx = configIndex.get(s.name) ?? -1;
      const podCidr = s.podCidr ? nodePodSubnetFromText(s.podCidr) : nodePodSubnet(cfg.clusterCidr, idx >= 0 ? idx : i);
      const info: NodeInfo = {
        name: s.name,
        ip: s.ip,
        podCidr,
        flannelIp: podCidr ? formatIpv4(podCidr.base) : undefined,
        bridgeIp: podCidr ? formatIpv4(podCidr.base + 1) : undefined,
      };
      this.nodesByName.set(s.name, info);
      if (s.ip) this.nodesByIp.set(s.ip, info);
    });
  }

  private buildPods(): void {
    this.podsByIp.clear();
    this.podsByNs.clear();
    for (const p of this.cluster.store.list('Pod')) this.addPod(p);
  }

  /** The pod `namespace/name`, if the data plane knows it. */
  pod(namespace: string, name: string): PodInfo | undefined {
    return this.podsByNs.get(namespace)?.get(name);
  }

  /** pod() by its `namespace/name` key (reachability tables name pods so). */
  podByKey(key: string): PodInfo | undefined {
    const i = key.indexOf('/');
    return i < 0 ? undefined : this.pod(key.slice(0, i), key.slice(i + 1));
  }

  /** Every pod the data plane knows. */
  *pods(): IterableIterator<PodInfo> {
    for (const names of this.podsByNs.values()) yield* names.values();
  }

  private addPod(p: KObject): void {
    const info = podInfo(p, this.nodesByName);
    let names = this.podsByNs.get(info.namespace);
    if (!names) this.podsByNs.set(info.namespace, (names = new Map()));
    names.set(info.name, info);
    // hostNetwork pods share their node's address: the node index answers for it.
    if (!info.ip || p.spec?.hostNetwork || this.nodesByIp.has(info.ip)) return;
    // Finished pods give their IP back; a running pod wins a reused address.
    const prev = this.podsByIp.get(info.ip);
    if (prev && isLive(prev) && !isLive(info)) return;
    this.podsByIp.set(info.ip, info);
  }

  private patchPod(old: KObject | undefined, obj: KObject | undefined): void {
    if (old) {
      const names = this.podsByNs.get(old.metadata.namespace ?? 'default');
      const info = names?.get(old.metadata.name);
      names?.delete(old.metadata.name);
      if (info && this.podsByIp.get(info.ip) === info) this.podsByIp.delete(info.ip);
    }
    if (obj) this.addPod(obj);
  }

  private buildServices(): void {
    this.servicesByClusterIp.clear();
    this.nodePorts.clear();
    this.lbPorts.clear();
    for (const svc of this.cluster.store.list('Service')) this.indexService(svc, true);
  }

  private patchService(old: KObject | undefined, obj: KObject | undefined): void {
    if (old) this.indexService(old, false);
    if (obj) this.indexService(obj, true);
  }

  /** Add (or remove) a Service's frontends: ClusterIPs, NodePorts, load-balancer and external IPs. */
  private indexService(svc: KObject, add: boolean): void {
    const put = <K>(m: Map<K, unknown>, k: K, v: unknown) => {
      if (add) m.set(k, v);
      else if ((m.get(k) as ServicePortRef | KObject | undefined) && sameSvc(m.get(k), svc)) m.delete(k);
    };
    const spec = svc.spec ?? {};
    const ips: string[] = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
    const info = serviceInfo(svc);
    for (const ip of ips) {
      if (!ip || ip === 'None') continue;
      put(this.servicesByClusterIp, ip, info);
    }
    const ports: Array<Record<string, unknown>> = spec.ports ?? [];
    const type = spec.type ?? 'ClusterIP';
    ports.forEach((p, index) => {
      const proto = (p.protocol as Protocol | undefined) ?? 'TCP';
      if ((type === 'NodePort' || type === 'LoadBalancer') && typeof p.nodePort === 'number') put(this.nodePorts, `${proto}:${p.nodePort}`, { svc, info, index });
      if (type === 'LoadBalancer') {
        for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) put(this.lbPorts, `${ing.ip}|${proto}:${p.port}`, { svc, info, index });
      }
      for (const ip of spec.externalIPs ?? []) put(this.lbPorts, `${ip}|${proto}:${p.port}`, { svc, info, index });
    });
  }

  private buildSlices(): void {
    this.slices.clear();
    const store = this.cluster.store;
    for (const s of store.list('EndpointSlice')) this.patchSlice(undefined, s);
    // Endpoints only where no slice exists (a hand-written Endpoints object for a selector-less Service).
    for (const ep of store.list('Endpoints')) {
      const key = `${ep.metadata.namespace ?? 'default'}/${ep.metadata.name}`;
      if (!this.slices.has(key)) this.slices.set(key, [endpointsToSlice(ep)]);
    }
  }

  /**
   * Does the Service `ns/name` have an EndpointSlice of its own? Then its
   * Endpoints object is not used (buildSlices converts Endpoints only for
   * Services with no slice), so a change to it needs no rebuild: the
   * endpoints controller rewrites Endpoints on every pod change.
   */
  private hasRealSlice(ns: string, name: string): boolean {
    // Converted Endpoints (endpointsToSlice) carry no addressType; every stored EndpointSlice has one (it is required).
    const list = this.slices.get(`${ns}/${name}`);
    return !!list && list.length > 0 && list.every((s) => s.addressType !== undefined);
  }

  private patchSlice(old: KObject | undefined, obj: KObject | undefined): void {
    const keyOf = (s: KObject) => {
      const svc = s.metadata.labels?.['kubernetes.io/service-name'];
      return svc ? `${s.metadata.namespace ?? 'default'}/${svc}` : undefined;
    };
    if (old) {
      const k = keyOf(old);
      const list = k ? this.slices.get(k) : undefined;
      if (k && list) {
        const rest = list.filter((s) => s.metadata.name !== old.metadata.name);
        if (rest.length) this.slices.set(k, rest);
        else this.slices.delete(k);
      }
    }
    if (obj) {
      const k = keyOf(obj);
      if (!k) return;
      const list = (this.slices.get(k) ?? []).filter((s) => s.kind === 'EndpointSlice' && s.metadata.name !== obj.metadata.name);
      list.push(obj);
      this.slices.set(k, list);
    }
  }

  private buildNamespaces(): void {
    this.namespaceLabels.clear();
    for (const ns of this.cluster.store.list('Namespace')) {
      this.namespaceLabels.set(ns.metadata.name, {
        'kubernetes.io/metadata.name': ns.metadata.name,
        ...(ns.metadata.labels ?? {}),
      });
    }
  }

  /** A namespace's labels; an unknown namespace still carries kubernetes.io/metadata.name (the API server always sets it). */
  labelsOfNamespace(ns: string): Record<string, string> {
    return this.namespaceLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  }

  /** Is the address (parsed) inside the config's cluster CIDR, where pods get theirs? */
  inPodNetwork(address: number): boolean {
    const text = this.cluster.config.clusterCidr;
    if (this.podNetwork?.text !== text) this.podNetwork = { text, cidr: parseCidr(text) };
    return !!this.podNetwork.cidr && cidrContains(this.podNetwork.cidr, address);
  }

  private podNetwork?: { text: string; cidr: Cidr | undefined };

  nodeOfIp(ip: string): NodeInfo | undefined {
    return this.nodesByIp.get(ip);
  }
}

export function netState(cluster: Cluster): NetState {
  return cluster.ext('network:state', (c) => new NetState(c)).refresh();
}

function sameSvc(entry: unknown, svc: KObject): boolean {
  const o = (entry as ServicePortRef).svc ?? (entry as ServicePortInfo).service?.svc ?? (entry as KObject);
  return o.metadata.namespace === svc.metadata.namespace && o.metadata.name === svc.metadata.name;
}

function isLive(p: PodInfo): boolean {
  return p.phase === 'Running' || p.phase === 'Pending';
}

function nodePodSubnetFromText(text: string): Cidr | undefined {
  const [addr, bits] = text.split('/');
  if (!addr || bits !== '24') return undefined;
  return nodePodSubnet(`${addr}/24`, 0);
}

/** core/v1 Endpoints → the EndpointSlice shape (ready addresses ready, notReadyAddresses not). */
function endpointsToSlice(ep: KObject): KObject {
  const endpoints: unknown[] = [];
  const ports: unknown[] = [];
  for (const subset of (ep.subsets as Array<Record<string, any>> | undefined) ?? []) {
    for (const a of subset.addresses ?? []) endpoints.push({ addresses: [a.ip], conditions: { ready: true, serving: true }, nodeName: a.nodeName, targetRef: a.targetRef });
    for (const a of subset.notReadyAddresses ?? []) endpoints.push({ addresses: [a.ip], conditions: { ready: false, serving: false }, nodeName: a.nodeName, targetRef: a.targetRef });
    for (const p of subset.ports ?? []) ports.push(p);
  }
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { ...ep.metadata }, endpoints, ports };
}
