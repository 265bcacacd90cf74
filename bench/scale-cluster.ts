/**
 * Builds a cluster at a fraction of Kubernetes' scalability thresholds
 * (sig-scalability's thresholds: 5,000 nodes, 150,000 pods, 10,000 Services
 * with 15 endpoints each; plus 1,000 NetworkPolicies) through the public
 * engine API only: bootCluster with a config naming the nodes, then every
 * object through the API server (admission, allocation) and the
 * controllers (scheduler, kubelet, endpoints) via cluster.settle(), which
 * runs once per batch, as a busy real cluster reconciles many writes at a time.
 */
import { apiServer } from '../engine/api/index.ts';
import type { Cluster } from '../engine/cluster/cluster.ts';
import { defaultConfig, type NodeSpec } from '../engine/cluster/config.ts';
import { bootCluster } from '../engine/lab/boot.ts';
import type { KObject } from '../engine/api/object.ts';

export const FULL = { nodes: 5000, pods: 150_000, services: 10_000, endpointsPerService: 15, policies: 1000 };

/** Objects per namespace: 100 Services, so 100 namespaces at full size. */
export const SERVICES_PER_NAMESPACE = 100;
const BATCH = 500;

export interface Sizes {
  nodes: number;
  services: number;
  pods: number;
  policies: number;
  namespaces: number;
}

export function sizesAt(fraction: number): Sizes {
  const services = Math.max(1, Math.round(FULL.services * fraction));
  return {
    nodes: Math.max(2, Math.round(FULL.nodes * fraction)),
    services,
    pods: services * FULL.endpointsPerService,
    policies: Math.max(1, Math.round(FULL.policies * fraction)),
    namespaces: Math.ceil(services / SERVICES_PER_NAMESPACE),
  };
}

function nodeSpecs(n: number): NodeSpec[] {
  const out: NodeSpec[] = [];
  for (let i = 0; i < n; i++) out.push({ name: i === 0 ? 'master' : `node-${i}`, role: i === 0 ? 'control-plane' : 'worker', ip: `172.${16 + (i >> 16)}.${(i >> 8) & 255}.${i & 255 || 254}` });
  return out;
}

export const nsName = (i: number) => `ns-${i}`;
export const svcName = (i: number) => `svc-${i}`;

export function servicePod(svc: number, replica: number): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${svcName(svc)}-${replica}`, namespace: nsName(Math.floor(svc / SERVICES_PER_NAMESPACE)), labels: { app: svcName(svc), tier: svc % 2 ? 'web' : 'api' } },
    spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
  };
}

function service(svc: number): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svcName(svc), namespace: nsName(Math.floor(svc / SERVICES_PER_NAMESPACE)) },
    spec: { selector: { app: svcName(svc) }, ports: [{ port: 80, targetPort: 80 }] },
  };
}

/** Ten per namespace: each lets the namespace's 'web' tier in on port 80 from one app's pods. */
function policy(i: number, namespaces: number): KObject {
  const ns = i % namespaces;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `allow-${i}`, namespace: nsName(ns) },
    spec: {
      podSelector: { matchLabels: { tier: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'api' } } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': nsName((ns + 1) % namespaces) } } }], ports: [{ port: 80, protocol: 'TCP' }] }],
    },
  };
}

export interface Built {
  cluster: Cluster;
  sizes: Sizes;
  ms: { boot: number; objects: number; total: number };
}

/** The whole cluster; throws when the API server refuses an object (that would be a bench bug). */
export function buildCluster(fraction: number): Built {
  const sizes = sizesAt(fraction);
  const t0 = performance.now();
  const config = defaultConfig({ nodes: nodeSpecs(sizes.nodes), clusterCidr: '10.0.0.0/8', serviceCidr: '172.30.0.0/16', clusterDns: '172.30.0.10', objectBudgetPerKind: 10_000_000 });
  const cluster = bootCluster(config);
  const t1 = performance.now();
  const api = apiServer(cluster);
  let pending = 0;
  const create = (o: KObject) => {
    const r = api.create(o);
    if (!r.ok) throw new Error(`${o.kind} ${o.metadata.namespace}/${o.metadata.name}: ${r.error.message}`);
    if (++pending >= BATCH) {
      cluster.settle();
      pending = 0;
    }
  };
  for (let n = 0; n < sizes.namespaces; n++) create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: nsName(n) } });
  for (let s = 0; s < sizes.services; s++) create(service(s));
  for (let s = 0; s < sizes.services; s++) for (let r = 0; r < FULL.endpointsPerService; r++) create(servicePod(s, r));
  for (let p = 0; p < sizes.policies; p++) create(policy(p, sizes.namespaces));
  cluster.settle();
  const t2 = performance.now();
  return { cluster, sizes, ms: { boot: t1 - t0, objects: t2 - t1, total: t2 - t0 } };
}
