/**
 * The objects kubectl builds on the client before sending them (or printing
 * them with --dry-run=client), in the JSON shape Go's encoding/json gives
 * the typed structs of k8s 1.33: zero `metav1.Time` as `creationTimestamp:
 * null`, empty structs that are not `omitempty` (`resources: {}`,
 * `status: {}`, `strategy: {}`, `status.loadBalancer: {}`) kept.
 *
 * Sources (kubernetes/kubectl v0.33.5): pkg/generate/versioned/run.go
 * (BasicPod), pkg/generate/versioned/service.go (ServiceGeneratorV2, used by
 * run --expose and expose), pkg/cmd/create/create_deployment.go,
 * create_namespace.go, create_service.go.
 */
import type { KObject } from '../api/object.ts';

export type GenResult<T = KObject> = { ok: true; obj: T } | { ok: false; message: string };

/** generate.ParseLabels: `a=b,c=d`. */
export function parseLabels(spec: string): GenResult<Record<string, string>> {
  if (spec === '') return { ok: false, message: 'no label spec passed' };
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return { ok: false, message: `unexpected label spec: ${part}` };
    if (kv[0] === '') return { ok: false, message: 'unexpected empty label key' };
    labels[kv[0]!] = kv[1]!;
  }
  return { ok: true, obj: labels };
}

export interface PodParams {
  name: string;
  image: string;
  labels?: string;
  port?: string;
  env: string[];
  restart: 'Always' | 'OnFailure' | 'Never';
  args: string[];
  /** --command: the args are the container's command, not its args. */
  command: boolean;
  stdin: boolean;
  tty: boolean;
  leaveStdinOpen: boolean;
  imagePullPolicy?: string;
  annotations: string[];
  privileged: boolean;
  namespace?: string;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** BasicPod.Generate. */
export function generatePod(p: PodParams): GenResult {
  let labels: Record<string, string> = { run: p.name };
  if (p.labels) {
    const l = parseLabels(p.labels);
    if (!l.ok) return l;
    labels = l.obj;
  }
  const env: Array<{ name: string; value: string }> = [];
  for (const e of p.env) {
    const i = e.indexOf('=');
    const name = i >= 0 ? e.slice(0, i) : '';
    if (i < 0 || name === '' || !ENV_NAME.test(name)) return { ok: false, message: `invalid env: ${e}` };
    env.push({ name, value: e.slice(i + 1) });
  }
  const annotations: Record<string, string> = {};
  for (const a of p.annotations) {
    const i = a.indexOf('=');
    if (i <= 0) return { ok: false, message: `invalid annotation format: ${a}` };
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  const container: Record<string, unknown> = { name: p.name, image: p.image, resources: {} };
  if (p.args.length > 0) container[p.command ? 'command' : 'args'] = [...p.args];
  if (env.length > 0) container.env = env;
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy;
  if (p.port) {
    if (!/^[+-]?\d+$/.test(p.port)) return { ok: false, message: `strconv.Atoi: parsing "${p.port}": invalid syntax` };
    container.ports = [{ containerPort: Number(p.port) }];
  }
  if (p.stdin) container.stdin = true;
  if (p.stdin && !p.leaveStdinOpen) container.stdinOnce = true;
  if (p.tty) container.tty = true;
  if (p.privileged) container.securityContext = { privileged: true };
  const metadata: Record<string, unknown> = { creationTimestamp: null, labels, name: p.name };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  if (p.namespace) metadata.namespace = p.namespace;
  return {
    ok: true,
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: metadata as KObject['metadata'],
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: p.restart },
      status: {},
    },
  };
}

export interface ServiceParams {
  name: string;
  /** `a=b,c=d`, required */
  selector: string;
  /** comma-separated ports */
  port: string;
  labels?: string;
  targetPort?: string;
  protocol?: string;
  /** Port → protocol, from the exposed object (expose's protocolsMap). */
  protocols?: Record<string, string>;
  type?: string;
  portName?: string;
  externalIp?: string;
  loadBalancerIp?: string;
  sessionAffinity?: string;
  clusterIp?: string;
  namespace?: string;
}

/** ServiceGeneratorV2 (generateService). */
export function generateService(p: ServiceParams): GenResult {
  if (!p.selector) return { ok: false, message: `'selector' is a required parameter` };
  const sel = parseLabels(p.selector);
  if (!sel.ok) return sel;
  let labels: Record<string, string> | undefined;
  if (p.labels) {
    const l = parseLabels(p.labels);
    if (!l.ok) return l;
    labels = l.obj;
  }
  const portStrings = p.port === '' ? [] : p.port.split(',');
  const ports: Array<Record<string, unknown>> = [];
  for (let i = 0; i < portStrings.length; i++) {
    const s = portStrings[i]!;
    if (!/^[+-]?\d+$/.test(s)) return { ok: false, message: `strconv.Atoi: parsing "${s}": invalid syntax` };
    const name = portStrings.length > 1 ? `port-${i + 1}` : (p.portName ?? '');
    const port: Record<string, unknown> = {};
    if (name) port.name = name;
    port.port = Number(s);
    port.protocol = p.protocol || p.protocols?.[s] || 'TCP';
    ports.push(port);
  }
  for (const port of ports) {
    const tp = p.targetPort;
    port.targetPort = tp ? (/^[+-]?\d+$/.test(tp) ? Number(tp) : tp) : port.port;
  }
  const spec: Record<string, unknown> = {};
  if (p.clusterIp) spec.clusterIP = p.clusterIp;
  if (p.externalIp) spec.externalIPs = [p.externalIp];
  if (p.type === 'LoadBalancer' && p.loadBalancerIp) spec.loadBalancerIP = p.loadBalancerIp;
  if (ports.length > 0) spec.ports = ports;
  spec.selector = sel.obj;
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') return { ok: false, message: `unknown session affinity: ${p.sessionAffinity}` };
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type) spec.type = p.type;
  const metadata: Record<string, unknown> = { creationTimestamp: null };
  if (labels) metadata.labels = labels;
  metadata.name = p.name;
  if (p.namespace) metadata.namespace = p.namespace;
  return {
    ok: true,
    obj: { apiVersion: 'v1', kind: 'Service', metadata: metadata as KObject['metadata'], spec, status: { loadBalancer: {} } },
  };
}

export interface DeploymentParams {
  name: string;
  images: string[];
  port: number;
  replicas: number;
  command: string[];
  namespace?: string;
  /** The random suffix sanitizeAndUniquify adds to names with `_` or `.`. */
  suffix: () => string;
}

/** create_deployment.go createDeployment + buildPodSpec. */
export function generateDeployment(p: DeploymentParams): KObject {
  const labels = { app: p.name };
  const containers = p.images.map((image) => {
    let name = image.split('/').pop()!;
    if (name.includes(':')) name = name.split(':')[0]!;
    if (name.includes('@')) name = name.split('@')[0]!;
    if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${p.suffix()}`;
    const c: Record<string, unknown> = {};
    if (p.command.length > 0) c.command = [...p.command];
    c.image = image;
    c.name = name;
    c.resources = {};
    return c;
  });
  if (p.port >= 0 && containers.length > 0) containers[0]!.ports = [{ containerPort: p.port }];
  const metadata: Record<string, unknown> = { creationTimestamp: null, labels: { ...labels }, name: p.name };
  if (p.namespace) metadata.namespace = p.namespace;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata as KObject['metadata'],
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
}

/** create_namespace.go. */
export function generateNamespace(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name } as unknown as KObject['metadata'], spec: {}, status: {} };
}

/**
 * create_service.go createService: `--tcp=P[:T]` pairs, selector app=NAME,
 * labels app=NAME; `clusterIP: None` for `--clusterip=None`.
 */
export function generateCreateService(
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName',
  name: string,
  tcp: string[],
  opts: { nodePort?: number; clusterIP?: string; externalName?: string; namespace?: string },
): GenResult {
  const ports: Array<Record<string, unknown>> = [];
  for (const pair of tcp) {
    const [portStr, targetStr] = splitPort(pair);
    if (!/^\d+$/.test(portStr)) return { ok: false, message: `strconv.Atoi: parsing "${portStr}": invalid syntax` };
    const port = Number(portStr);
    const target = targetStr === undefined ? port : /^\d+$/.test(targetStr) ? Number(targetStr) : targetStr;
    const sp: Record<string, unknown> = { name: pair.replace(/:/g, '-'), port, protocol: 'TCP', targetPort: target };
    if (opts.nodePort && opts.nodePort > 0) sp.nodePort = opts.nodePort;
    ports.push(sp);
  }
  const labels = { app: name };
  const spec: Record<string, unknown> = {};
  if (opts.clusterIP) spec.clusterIP = opts.clusterIP;
  if (type === 'ExternalName') spec.externalName = opts.externalName;
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { ...labels };
  spec.type = type;
  const metadata: Record<string, unknown> = { creationTimestamp: null, labels, name };
  if (opts.namespace) metadata.namespace = opts.namespace;
  return { ok: true, obj: { apiVersion: 'v1', kind: 'Service', metadata: metadata as KObject['metadata'], spec, status: { loadBalancer: {} } } };
}

function splitPort(pair: string): [string, string | undefined] {
  const i = pair.indexOf(':');
  return i < 0 ? [pair, undefined] : [pair.slice(0, i), pair.slice(i + 1)];
}

/** The object the server receives: client-side nulls and empty status dropped, as JSON encoding with omitempty on the wire would not send `creationTimestamp`. */
export function forServer(obj: KObject): KObject {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = strip(x);
      return out;
    }
    return v;
  };
  return strip(obj) as KObject;
}
