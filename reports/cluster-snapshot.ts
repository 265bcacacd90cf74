/**
 * The cluster as the report's diagram draws it: nodes with their pods,
 * Services, and the path each request took or where it stopped. The steps
 * attach one per scenario (media type CLUSTER_MEDIA_TYPE, JSON body) at the
 * end of the scenario; reports/ never imports the engine, so this is the
 * whole contract between them. Names, labels and addresses come from the
 * student's manifests: every writer escapes them.
 */

export const CLUSTER_MEDIA_TYPE = 'application/vnd.kube-netlab.cluster+json';

/** One step of a request's path, as the data plane records it (engine/network Hop). */
export interface ReportHop {
  /** pod, node, service, nodeport, loadbalancer, snat, flannel, policy, gateway, world. */
  kind: string;
  /** Where the hop sits: an address, `ip:port`, `namespace/name`, a node name. */
  at: string;
  /** One phrase: "DNAT to 10.42.0.5:80 (pod default/web-1)". */
  detail: string;
}

export interface SnapshotNode {
  name: string;
  /** InternalIP. */
  ip: string;
  roles: string[];
}

export interface SnapshotPod {
  namespace: string;
  name: string;
  /** Empty while the pod has no IP. */
  ip: string;
  /** Empty while the pod is not scheduled. */
  node: string;
  labels: Record<string, string>;
  /** Pending, Running, Succeeded, Failed, Unknown. */
  phase?: string;
}

export interface SnapshotServicePort {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface SnapshotService {
  namespace: string;
  name: string;
  /** ClusterIP, NodePort, LoadBalancer, ExternalName. */
  type: string;
  /** `None` for a headless Service, empty for ExternalName. */
  clusterIP: string;
  ports: SnapshotServicePort[];
  selector?: Record<string, string>;
  /** Load-balancer ingress IPs and externalIPs. */
  externalIPs?: string[];
  externalName?: string;
}

/** One request of the scenario: where it went, and where it stopped if it failed. */
export interface RequestTrace {
  /** Index (0-based) into the scenario's commands: which `When I run` made it. */
  command?: number;
  /** `terminal`, `namespace/pod`, or a node name. */
  from: string;
  /** What was asked for, e.g. `192.168.164.2:30080`. */
  to: string;
  ok: boolean;
  hops: ReportHop[];
  /** Why it stopped (the data plane's sentence), when !ok. */
  reason?: string;
}

export interface ClusterSnapshot {
  nodes: SnapshotNode[];
  pods: SnapshotPod[];
  services: SnapshotService[];
  /** Optional: without it, the report draws the hops the failed runs' notes carry. */
  requests?: RequestTrace[];
}

export type SnapshotResult = { ok: true; snapshot: ClusterSnapshot } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  // defineProperty: a label key `__proto__` (student input) stays a plain key.
  if (isObj(v)) for (const k of Object.keys(v).sort()) if (typeof v[k] === 'string') Object.defineProperty(out, k, { value: v[k], enumerable: true, writable: true, configurable: true });
  return out;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strList = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

export function readHop(v: unknown): ReportHop | undefined {
  if (!isObj(v) || typeof v.at !== 'string') return undefined;
  return { kind: str(v.kind) || 'hop', at: v.at, detail: str(v.detail) };
}

export function readHops(v: unknown): ReportHop[] {
  return list(v).map(readHop).filter((h): h is ReportHop => h !== undefined);
}

function readPort(v: unknown): SnapshotServicePort | undefined {
  if (!isObj(v) || typeof v.port !== 'number') return undefined;
  const p: SnapshotServicePort = { port: v.port, protocol: str(v.protocol) || 'TCP' };
  if (typeof v.name === 'string' && v.name !== '') p.name = v.name;
  if (typeof v.targetPort === 'number' || typeof v.targetPort === 'string') p.targetPort = v.targetPort;
  if (typeof v.nodePort === 'number') p.nodePort = v.nodePort;
  return p;
}

function readService(v: Obj): SnapshotService {
  const s: SnapshotService = {
    namespace: str(v.namespace),
    name: str(v.name),
    type: str(v.type) || 'ClusterIP',
    clusterIP: str(v.clusterIP),
    ports: list(v.ports).map(readPort).filter((p): p is SnapshotServicePort => p !== undefined),
  };
  if (isObj(v.selector)) s.selector = strMap(v.selector);
  if (Array.isArray(v.externalIPs)) s.externalIPs = strList(v.externalIPs);
  if (typeof v.externalName === 'string') s.externalName = v.externalName;
  return s;
}

function readRequest(v: Obj): RequestTrace {
  const r: RequestTrace = { from: str(v.from), to: str(v.to), ok: v.ok === true, hops: readHops(v.hops) };
  if (typeof v.command === 'number' && Number.isInteger(v.command) && v.command >= 0) r.command = v.command;
  if (typeof v.reason === 'string') r.reason = v.reason;
  return r;
}

/**
 * Reads an attachment body into a ClusterSnapshot. Unknown fields are
 * dropped and missing ones defaulted, so the report stays valid against its
 * schema whatever the steps send; only a body that is not a JSON object is
 * an error.
 */
export function parseClusterSnapshot(body: string): SnapshotResult {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `cluster snapshot is not JSON: ${(e as Error).message}` };
  }
  if (!isObj(raw)) return { ok: false, error: 'cluster snapshot is not a JSON object' };
  const snapshot: ClusterSnapshot = {
    nodes: list(raw.nodes).filter(isObj).map((n) => ({ name: str(n.name), ip: str(n.ip), roles: strList(n.roles) })),
    pods: list(raw.pods)
      .filter(isObj)
      .map((p) => {
        const pod: SnapshotPod = { namespace: str(p.namespace), name: str(p.name), ip: str(p.ip), node: str(p.node), labels: strMap(p.labels) };
        if (typeof p.phase === 'string') pod.phase = p.phase;
        return pod;
      }),
    services: list(raw.services).filter(isObj).map(readService),
  };
  if (Array.isArray(raw.requests)) snapshot.requests = raw.requests.filter(isObj).map(readRequest);
  return { ok: true, snapshot };
}
