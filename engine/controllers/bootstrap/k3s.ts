/**
 * bootstrapK3s: the store of a fresh k3s install. Nodes, namespaces,
 * Services with their fixed addresses and ConfigMaps are written straight
 * into the store; kube-system's Deployments and helm-install Jobs go through
 * the API server and the controllers run them, so ReplicaSets, pods, pod
 * IPs (10.42.0.2, .3, … in start order), Endpoints, EndpointSlices, the
 * traefik svclb pods and their Events are what a real install shows. The
 * clock then moves BOOT_DURATION_MS: the cluster has been up that long when
 * a lab starts.
 */
import type { Cluster } from '../../cluster/cluster.ts';
import type { KObject } from '../../api/object.ts';
import { apiServer } from '../../api/server.ts';
import { toRfc3339 } from '../../sim/index.ts';
import { installControllers } from '../install.ts';
import { intToIp, ipToInt } from '../ipam.ts';
import { corefile, nodeHosts } from './corefile.ts';
import { buildNode } from './nodes.ts';
import { systemWorkloads } from './system.ts';

/** How long the cluster has been up when a lab's first step runs. */
export const BOOT_DURATION_MS = 2 * 60 * 1000;

interface PortSpec {
  name?: string;
  port: number;
  protocol: string;
  targetPort: number | string;
  nodePort?: number;
}

function service(name: string, ns: string, ip: string, ports: PortSpec[], opts: { labels?: Record<string, string>; annotations?: Record<string, string>; selector?: Record<string, string>; type?: string; at: string }): KObject {
  const spec: Record<string, unknown> = {
    clusterIP: ip,
    clusterIPs: [ip],
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports,
  };
  if (opts.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts = true;
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (opts.selector) spec.selector = opts.selector;
  spec.sessionAffinity = 'None';
  spec.type = opts.type ?? 'ClusterIP';
  const metadata: KObject['metadata'] = { name, namespace: ns, creationTimestamp: opts.at };
  if (opts.annotations) metadata.annotations = opts.annotations;
  if (opts.labels) metadata.labels = opts.labels;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

/** A cluster IP from the upper band of the service CIDR, as the allocator picks for a dynamic request (KEP-3070). */
function randomServiceIp(cluster: Cluster, taken: Set<string>): string {
  const [base, bits] = cluster.config.serviceCidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const lowBand = Math.min(Math.max(16, Math.floor(size / 16)), 256);
  const r = cluster.random.fork('bootstrap/cluster-ip');
  for (;;) {
    const ip = intToIp(ipToInt(base!) + r.int(lowBand, size - 2));
    if (!taken.has(ip)) {
      taken.add(ip);
      return ip;
    }
  }
}

/**
 * `default/kubernetes`: the API server's own Service (the first address of
 * the service CIDR, 443 → 6443) with its selectorless Endpoints and
 * EndpointSlice pointing at the control-plane node. The API server keeps
 * them there: deleted, they come back (see ApiserverServiceController).
 */
export function apiserverServiceObjects(cluster: Cluster, at: string): KObject[] {
  const cfg = cluster.config;
  const master = cfg.nodes.find((n) => n.role === 'control-plane') ?? cfg.nodes[0]!;
  const first = intToIp(ipToInt(cfg.serviceCidr.split('/')[0]!) + 1);
  return [
    service('kubernetes', 'default', first, [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], { labels: { component: 'apiserver', provider: 'kubernetes' }, at }),
    // Selectorless: nothing else writes these.
    { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: at, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: master.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] },
    { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', creationTimestamp: at, labels: { 'kubernetes.io/service-name': 'kubernetes' } }, addressType: 'IPv4', endpoints: [{ addresses: [master.ip], conditions: { ready: true } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
  ];
}

export function bootstrapK3s(cluster: Cluster): void {
  const store = cluster.store;
  const start = cluster.clock.now();
  const at = toRfc3339(start);
  const cfg = cluster.config;
  cfg.nodes.forEach((n, i) => store.create(buildNode(cluster, n, i, start)));
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, creationTimestamp: at, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  const first = intToIp(ipToInt(cfg.serviceCidr.split('/')[0]!) + 1);
  const taken = new Set([first, cfg.clusterDns]);
  for (const obj of apiserverServiceObjects(cluster, at)) store.create(obj);
  const disabled = new Set(cfg.disabled);
  if (!disabled.has('coredns')) {
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system', creationTimestamp: at }, data: { Corefile: corefile(cfg.clusterDomain), NodeHosts: nodeHosts(cfg) } });
    store.create(
      service('kube-dns', 'kube-system', cfg.clusterDns, [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ], {
        annotations: { 'objectset.rio.cattle.io/id': '', 'objectset.rio.cattle.io/owner-gvk': 'k3s.cattle.io/v1, Kind=Addon', 'objectset.rio.cattle.io/owner-name': 'coredns', 'objectset.rio.cattle.io/owner-namespace': 'kube-system', 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS', 'objectset.rio.cattle.io/hash': 'bce283298811743a0386ab510f2f67ef74240c57' },
        selector: { 'k8s-app': 'kube-dns' },
        at,
      }),
    );
  }
  if (!disabled.has('local-storage')) {
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'local-path-config', namespace: 'kube-system', creationTimestamp: at }, data: { 'config.json': '{\n  "nodePathMap":[\n  {\n    "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",\n    "paths":["/var/lib/rancher/k3s/storage"]\n  }\n  ]\n}' } });
  }
  if (!disabled.has('metrics-server')) {
    store.create(service('metrics-server', 'kube-system', randomServiceIp(cluster, taken), [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], {
      labels: { 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'Metrics-server', 'objectset.rio.cattle.io/hash': 'a5d3bc601c871e123fa32b27f549b6ea770bcf4a' },
      selector: { 'k8s-app': 'metrics-server' },
      at,
    }));
  }
  const api = apiServer(cluster);
  for (const w of systemWorkloads(cluster)) api.create({ ...w, metadata: { ...w.metadata, creationTimestamp: at } });
  if (cfg.traefik) {
    const r = cluster.random.fork('bootstrap/node-port');
    const { min, max } = cfg.nodePortRange;
    const web = r.int(min, max);
    let websecure = r.int(min, max);
    while (websecure === web) websecure = r.int(min, max);
    store.create(service('traefik', 'kube-system', randomServiceIp(cluster, taken), [
      { name: 'web', nodePort: web, port: 80, protocol: 'TCP', targetPort: 'web' },
      { name: 'websecure', nodePort: websecure, port: 443, protocol: 'TCP', targetPort: 'websecure' },
    ], {
      annotations: { 'meta.helm.sh/release-name': 'traefik', 'meta.helm.sh/release-namespace': 'kube-system' },
      labels: { 'app.kubernetes.io/instance': 'traefik-kube-system', 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': 'traefik', 'helm.sh/chart': 'traefik-34.2.1_up34.2.0' },
      selector: { 'app.kubernetes.io/instance': 'traefik-kube-system', 'app.kubernetes.io/name': 'traefik' },
      type: 'LoadBalancer',
      at,
    }));
  }
  installControllers(cluster);
  cluster.settle();
  cluster.advance(BOOT_DURATION_MS);
}
