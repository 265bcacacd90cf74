/**
 * Test clusters written straight into the store (no API server, no
 * controllers): pods with IPs and readiness, Services with ClusterIPs, the
 * EndpointSlices a controller would write, namespaces, NetworkPolicies.
 */
import { Cluster } from '../../cluster/cluster.ts';
import { defaultConfig, type ClusterConfig } from '../../cluster/config.ts';
import type { KObject } from '../../api/object.ts';
import { matchesSelectorMap } from '../../api/object.ts';
import { MapRegistry, type CommandContext, type Host, type Note } from '../../shell/command.ts';
import { Workspace } from '../../workspace/index.ts';
import type { CommandHandler } from '../../shell/command.ts';

export interface PodOpts {
  labels?: Record<string, string>;
  node?: string;
  image?: string;
  args?: string[];
  ip?: string;
  phase?: string;
  ready?: boolean;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  /** Several containers (e2e netpol pods serve 80 and 81 from two agnhost containers). */
  containers?: Array<{ name: string; image: string; args?: string[]; ports?: Array<{ name?: string; containerPort: number; protocol?: string }> }>;
}

export interface SvcOpts {
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  selector?: Record<string, string>;
  ports?: Array<{ name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }>;
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  sessionAffinity?: 'ClientIP' | 'None';
  externalName?: string;
}

export class TestCluster {
  readonly cluster: Cluster;
  private next = new Map<string, number>();
  private nextSvc = 100;

  constructor(config: Partial<ClusterConfig> = {}) {
    this.cluster = new Cluster(defaultConfig(config));
    for (const [i, n] of this.cluster.config.nodes.entries()) {
      this.cluster.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name }, spec: { podCIDR: `10.42.${i}.0/24` }, status: { addresses: [{ type: 'InternalIP', address: n.ip }, { type: 'Hostname', address: n.name }] } });
    }
    for (const ns of ['default', 'kube-system']) this.namespace(ns);
  }

  namespace(name: string, labels: Record<string, string> = {}): this {
    this.cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });
    return this;
  }

  pod(ns: string, name: string, o: PodOpts = {}): KObject {
    const node = o.node ?? this.cluster.config.nodes[0]!.name;
    const idx = this.cluster.config.nodes.findIndex((n) => n.name === node);
    const n = this.next.get(node) ?? 10;
    this.next.set(node, n + 1);
    const ip = o.ip ?? `10.42.${idx}.${n}`;
    const containers = o.containers ?? [{ name: 'c', image: o.image ?? 'nginx', ...(o.args ? { args: o.args } : {}), ...(o.ports ? { ports: o.ports } : {}) }];
    const ready = o.ready ?? true;
    return this.cluster.store.create({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name, namespace: ns, labels: o.labels ?? { run: name } },
      spec: { nodeName: node, containers },
      status: { phase: o.phase ?? 'Running', podIP: ip, hostIP: this.cluster.config.nodes[idx]!.ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
  }

  service(ns: string, name: string, o: SvcOpts = {}): KObject {
    const type = o.type ?? 'ClusterIP';
    const spec: Record<string, unknown> = { type, ports: (o.ports ?? [{ port: 80 }]).map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p })) };
    if (type !== 'ExternalName') spec.clusterIP = o.clusterIP ?? `10.43.0.${this.nextSvc++}`;
    if (o.selector) spec.selector = o.selector;
    if (o.externalTrafficPolicy) spec.externalTrafficPolicy = o.externalTrafficPolicy;
    if (o.internalTrafficPolicy) spec.internalTrafficPolicy = o.internalTrafficPolicy;
    if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
    if (o.externalName) spec.externalName = o.externalName;
    const status = type === 'LoadBalancer' ? { loadBalancer: { ingress: this.cluster.config.nodes.map((n) => ({ ip: n.ip, ipMode: 'VIP' })) } } : {};
    const svc = this.cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec, status });
    this.syncSlices();
    return svc;
  }

  policy(ns: string, name: string, spec: Record<string, unknown>): this {
    this.cluster.store.create({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });
    return this;
  }

  /** Write the EndpointSlices the EndpointSlice controller would (one per Service). */
  syncSlices(): this {
    const store = this.cluster.store;
    for (const svc of store.list('Service')) {
      const sel: Record<string, string> | undefined = svc.spec.selector;
      if (!sel) continue;
      const ns = svc.metadata.namespace!;
      const pods = store.list('Pod', ns).filter((p) => matchesSelectorMap(p.metadata.labels, sel) && p.status?.podIP);
      const ports = (svc.spec.ports as any[]).map((p) => ({ name: p.name ?? '', protocol: p.protocol, port: resolveTarget(pods[0], p.targetPort) }));
      const slice: KObject = {
        apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
        metadata: { name: `${svc.metadata.name}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc.metadata.name } },
        endpoints: pods.map((p) => {
          const ready = (p.status.conditions as any[]).some((c) => c.type === 'Ready' && c.status === 'True');
          return { addresses: [p.status.podIP], conditions: { ready, serving: ready, terminating: false }, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns } };
        }),
        ports,
      };
      if (store.get('EndpointSlice', ns, slice.metadata.name)) store.update(slice);
      else store.create(slice);
    }
    return this;
  }
}

function resolveTarget(pod: KObject | undefined, target: number | string): number {
  if (typeof target === 'number') return target;
  for (const c of (pod?.spec?.containers as any[]) ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return 0;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  output: string;
  code: number;
  notes: Note[];
  fs: Workspace;
}

/** Run a command handler as the terminal or inside a pod. */
export function run(handler: CommandHandler, cluster: Cluster, argv: string[], host: Host = { kind: 'terminal' }, services: Record<string, unknown> = {}): RunResult {
  let stdout = '';
  let stderr = '';
  let output = '';
  const notes: Note[] = [];
  const fs = new Workspace();
  fs.mkdirp('/work');
  const ctx: CommandContext = {
    argv, stdin: '', env: new Map(), cwd: '/work', fs, host,
    services: { cluster, ...services } as unknown as CommandContext['services'],
    stdout: (t) => { stdout += t; output += t; },
    stderr: (t) => { stderr += t; output += t; },
    note: (n) => notes.push(n),
    runScript: () => 127,
    registry: new MapRegistry(),
    dialect: 'bash',
    exec: () => 127,
  };
  const code = handler(ctx);
  return { stdout, stderr, output, code, notes, fs };
}

export const inPod = (namespace: string, pod: string): Host => ({ kind: 'pod', namespace, pod, container: 'c' });
