/**
 * The endpoints and endpointslice controllers: for every Service with a
 * selector, Endpoints (subsets of ready and notReady addresses) and one
 * EndpointSlice `<svc>-<5 random>` from the pods it selects. Named
 * targetPorts resolve per pod from its container ports; a pod without the
 * named port is left out, as endpoints.go does. Recomputed only for
 * Services whose selector or selected pods changed (STYLE.md lesson 4).
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import { matchesSelectorMap, type KObject } from '../api/object.ts';
import { deepEqual } from '../api/json.ts';
import type { ApiServer } from '../api/server-types.ts';
import { toRfc3339 } from '../sim/index.ts';
import { generateName } from './names.ts';
import { isReady } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

interface SvcPort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
}

interface EpPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

interface Addr {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
  ready: boolean;
  pod: KObject;
}

function resolvePort(pod: KObject, p: SvcPort): number | undefined {
  const t = p.targetPort ?? p.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of (pod.spec?.containers ?? []) as Array<{ ports?: Array<{ name?: string; containerPort: number; protocol?: string }> }>) {
    for (const cp of c.ports ?? []) if (cp.name === t && (cp.protocol ?? 'TCP') === (p.protocol ?? 'TCP')) return cp.containerPort;
  }
  return undefined;
}

/** Desired Endpoints subsets and slice endpoints for a Service (pure). */
export function computeEndpoints(svc: KObject, pods: KObject[]): { subsets: unknown[]; slicePorts: EpPort[]; sliceEndpoints: unknown[] } {
  const ports = (svc.spec?.ports ?? []) as SvcPort[];
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  // Group addresses by their resolved port set, as endpoints.go's subsets repacking does.
  const groups = new Map<string, { ports: EpPort[]; ready: Addr[]; notReady: Addr[] }>();
  const sliceEndpoints: unknown[] = [];
  let slicePorts: EpPort[] = [];
  for (const pod of pods) {
    const ip = pod.status?.podIP as string | undefined;
    if (!ip || pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const ready = isReady(pod) || publishNotReady;
    const eps: EpPort[] = [];
    let missing = false;
    for (const p of ports) {
      const port = resolvePort(pod, p);
      if (port === undefined) {
        missing = true;
        continue;
      }
      const e: EpPort = { port, protocol: p.protocol ?? 'TCP' };
      if (p.name) e.name = p.name;
      if (p.appProtocol) e.appProtocol = p.appProtocol;
      eps.push(e);
    }
    if (missing && eps.length === 0 && ports.length > 0) continue;
    const hostname = pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? (pod.spec.hostname as string) : undefined;
    const addr: Addr = { ip, nodeName: pod.spec?.nodeName, hostname, ready, pod, targetRef: targetRefOf(pod) };
    const k = JSON.stringify(eps);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports: eps, ready: [], notReady: [] }));
    (ready ? g.ready : g.notReady).push(addr);
    if (slicePorts.length === 0) slicePorts = eps;
    const se: Record<string, unknown> = {
      addresses: [ip],
      conditions: conditionsOf(isReady(pod) || publishNotReady, isReady(pod)),
    };
    if (hostname) se.hostname = hostname;
    se.nodeName = pod.spec?.nodeName;
    se.targetRef = addr.targetRef;
    sliceEndpoints.push(se);
  }
  const toJson = (a: Addr) => {
    const o: Record<string, unknown> = {};
    if (a.hostname) o.hostname = a.hostname;
    o.ip = a.ip;
    if (a.nodeName) o.nodeName = a.nodeName;
    o.targetRef = a.targetRef;
    return o;
  };
  const byIp = (a: Addr, b: Addr) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  const subsets = [...groups.values()].map((g) => {
    const s: Record<string, unknown> = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIp).map(toJson);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIp).map(toJson);
    s.ports = g.ports;
    return s;
  });
  return { subsets, slicePorts, sliceEndpoints };
}

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  private readonly dirty = new DirtyKeys();
  /** namespace → `key=value` (one term of each selector) → service name → selector: pod changes find their services by label. */
  private readonly bySelectorTerm = new Map<string, Map<string, Map<string, Record<string, string>>>>();
  /** namespace/service → the term it is filed under. */
  private readonly filedAs = new Map<string, string>();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer) {
    watch(cluster.store, ['Service', 'Pod'], (c) => {
      const ns = c.namespace ?? 'default';
      if (c.kind === 'Service') {
        this.file(ns, c.name, c.type === 'DELETED' ? undefined : c.obj?.spec?.selector);
        this.dirty.add(keyOf(ns, c.name));
        return;
      }
      // A pod without an IP is in no Service's endpoints (computeEndpoints skips it): while it has none, before and
      // after, nothing it does changes them (a new pod, its binding to a node: two of a pod's three writes as it starts).
      if (!c.old?.status?.podIP && !c.obj?.status?.podIP) return;
      this.podChanged(ns, c.old?.metadata.labels, c.obj?.metadata.labels);
    });
    for (const s of cluster.store.list('Service')) {
      this.file(s.metadata.namespace!, s.metadata.name, s.spec?.selector);
      this.dirty.add(keyOf(s.metadata.namespace, s.metadata.name));
    }
  }

  private file(ns: string, name: string, selector: Record<string, string> | undefined): void {
    const key = keyOf(ns, name);
    const old = this.filedAs.get(key);
    if (old !== undefined) {
      this.bySelectorTerm.get(ns)?.get(old)?.delete(name);
      this.filedAs.delete(key);
    }
    const terms = Object.entries(selector ?? {});
    if (terms.length === 0) return;
    const term = `${terms[0]![0]}=${terms[0]![1]}`;
    let byTerm = this.bySelectorTerm.get(ns);
    if (!byTerm) this.bySelectorTerm.set(ns, (byTerm = new Map()));
    let m = byTerm.get(term);
    if (!m) byTerm.set(term, (m = new Map()));
    m.set(name, selector!);
    this.filedAs.set(key, term);
  }

  private podChanged(ns: string, before: Record<string, string> | undefined, after: Record<string, string> | undefined): void {
    const byTerm = this.bySelectorTerm.get(ns);
    if (!byTerm) return;
    // A status write keeps the labels object: one pass then.
    this.labelsChanged(ns, byTerm, before, after, before);
    if (after !== before) this.labelsChanged(ns, byTerm, before, after, after);
  }

  /** The Services with a selector term among `labels` that match the pod before or after (for…in: no entry arrays per pod change). */
  private labelsChanged(ns: string, byTerm: Map<string, Map<string, Record<string, string>>>, before: Record<string, string> | undefined, after: Record<string, string> | undefined, labels: Record<string, string> | undefined): void {
    if (!labels) return;
    for (const k in labels) {
      const services = byTerm.get(`${k}=${labels[k]}`);
      if (!services) continue;
      for (const [svc, sel] of services) {
        if (matchesSelectorMap(before, sel) || matchesSelectorMap(after, sel)) this.dirty.add(keyOf(ns, svc));
      }
    }
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      if (syncServiceEndpoints(this.cluster, this.api, ns, name)) changed = true;
    }
    return changed;
  }
}

const SLICE_MANAGER = 'endpointslice-controller.k8s.io';

/** Bring Endpoints and the managed EndpointSlice of one Service in line; true when something was written. */
export function syncServiceEndpoints(cluster: Cluster, api: ApiServer, ns: string, name: string): boolean {
  const store = cluster.store;
  const svc = store.get('Service', ns, name);
  const slices = store.byLabel('EndpointSlice', ns, 'kubernetes.io/service-name', name).filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === SLICE_MANAGER);
  const ep = store.get('Endpoints', ns, name);
  if (!svc || !svc.spec?.selector || svc.spec?.type === 'ExternalName') {
    let changed = false;
    // Selectorless Services keep hand-made Endpoints; only controller-made objects go.
    if (!svc && ep) {
      api.delete('Endpoints', ns, name);
      changed = true;
    }
    for (const s of slices) {
      api.delete('EndpointSlice', ns, s.metadata.name);
      changed = true;
    }
    return changed;
  }
  const pods = store.select('Pod', ns, svc.spec.selector as Record<string, string>);
  pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const { subsets, slicePorts, sliceEndpoints } = computeEndpoints(svc, pods);
  const now = toRfc3339(cluster.clock.now());
  let changed = false;
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  // Compared in place (deepEqual allocates nothing): a Service is synced several times as its pods start.
  if (!ep || !deepEqual(ep.subsets ?? [], subsets) || !deepEqual(ep.metadata.labels ?? {}, labels)) {
    const obj: KObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now } },
    };
    if (subsets.length) obj.subsets = subsets;
    if (ep) api.update({ ...obj, metadata: { ...ep.metadata, labels, annotations: obj.metadata.annotations } });
    else api.create(obj);
    changed = true;
  }
  const sliceLabels = { ...labels, 'endpointslice.kubernetes.io/managed-by': SLICE_MANAGER, 'kubernetes.io/service-name': name };
  const body = { addressType: 'IPv4', endpoints: sliceEndpoints.length ? sliceEndpoints : null, ports: slicePorts.length ? slicePorts : null };
  const existing = slices[0];
  // Compared as stored: the API server defaults an unnamed slice port's name to "" (defaults.ts), so an
  // unchanged slice no longer goes through a no-op update (and an extra settle round) on every sync.
  const storedForm = { ...body, ports: body.ports && body.ports.map((p) => (p.name === undefined ? { ...p, name: '' } : p)) };
  if (existing && existing.addressType === storedForm.addressType && deepEqual(existing.endpoints ?? null, storedForm.endpoints) && deepEqual(existing.ports ?? null, storedForm.ports)) return changed;
  const sliceMeta = {
    namespace: ns,
    labels: sliceLabels,
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now },
    generateName: `${name}-`,
    ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (existing) api.update({ ...existing, ...body, metadata: { ...existing.metadata, labels: sliceLabels, annotations: sliceMeta.annotations } });
  else {
    const sliceName = generateName(cluster, name, (n) => !!store.get('EndpointSlice', ns, n));
    api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: sliceName, ...sliceMeta }, ...body });
  }
  return true;
}

/**
 * An endpoint's targetRef, one per pod version: every sync of a Service
 * (several per pod as it starts) and both its Endpoints and EndpointSlice
 * share it. Frozen: stored objects are never mutated.
 */
const targetRefs = new WeakMap<KObject, Addr['targetRef']>();
function targetRefOf(pod: KObject): Addr['targetRef'] {
  let t = targetRefs.get(pod);
  if (!t) targetRefs.set(pod, (t = Object.freeze({ kind: 'Pod' as const, name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid! })));
  return t;
}

/** An EndpointSlice endpoint's conditions: four possible, each one shared frozen object. */
const CONDITIONS = [false, true].map((ready) => [false, true].map((serving) => Object.freeze({ ready, serving, terminating: false })));
const conditionsOf = (ready: boolean, serving: boolean) => CONDITIONS[ready ? 1 : 0]![serving ? 1 : 0]!;
