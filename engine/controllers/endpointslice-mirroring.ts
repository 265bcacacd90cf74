/**
 * The EndpointSlice mirroring controller (kubernetes
 * pkg/controller/endpointslicemirroring): a selectorless Service's
 * hand-made Endpoints are mirrored into EndpointSlices `<name>-<5 random>`,
 * managed by `endpointslicemirroring-controller.k8s.io` and owned by the
 * Endpoints. That is why `kubectl describe svc` (which reads slices since
 * 1.33) and `kubectl get endpointslices` show the outside host.
 *
 * Mirrored when: the Service exists, has no selector, and the Endpoints do
 * not carry `endpointslice.kubernetes.io/skip-mirror: "true"` (the
 * controller-made Endpoints of selector Services are never mirrored).
 * One slice per distinct port list of the subsets, as reconciler.go does.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { generateName } from './names.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

export const MIRROR_MANAGER = 'endpointslicemirroring-controller.k8s.io';

interface EpSubset {
  addresses?: Array<Record<string, any>>;
  notReadyAddresses?: Array<Record<string, any>>;
  ports?: Array<{ name?: string; port: number; protocol?: string; appProtocol?: string }>;
}

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslice-mirroring-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer) {
    watch(cluster.store, ['Service', 'Endpoints'], (c) => this.dirty.add(keyOf(c.namespace ?? 'default', c.name)));
    for (const e of cluster.store.list('Endpoints')) this.dirty.add(keyOf(e.metadata.namespace, e.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      if (this.sync(ns, name)) changed = true;
    }
    return changed;
  }

  private sync(ns: string, name: string): boolean {
    const store = this.cluster.store;
    const svc = store.get('Service', ns, name);
    const ep = store.get('Endpoints', ns, name);
    const mine = store.byLabel('EndpointSlice', ns, 'kubernetes.io/service-name', name).filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === MIRROR_MANAGER);
    const mirror = !!svc && !!ep && !hasSelector(svc) && svc.spec?.type !== 'ExternalName' && ep.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true';
    const desired = mirror ? desiredSlices(ep!) : [];
    let changed = false;
    // Reuse existing slices in order; delete the surplus; create the rest.
    desired.forEach((body, i) => {
      const existing = mine[i];
      const meta = sliceMeta(ep!, ns, name);
      if (existing) {
        if (JSON.stringify({ e: existing.endpoints, p: existing.ports }) === JSON.stringify({ e: body.endpoints, p: body.ports })) return;
        this.api.update({ ...existing, ...body, metadata: { ...existing.metadata, labels: meta.labels } });
      } else {
        const sliceName = generateName(this.cluster, name, (n) => !!store.get('EndpointSlice', ns, n));
        this.api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: sliceName, generateName: `${name}-`, ...meta }, ...body });
      }
      changed = true;
    });
    for (const s of mine.slice(desired.length)) {
      this.api.delete('EndpointSlice', ns, s.metadata.name);
      changed = true;
    }
    return changed;
  }
}

function hasSelector(svc: KObject): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}

function sliceMeta(ep: KObject, ns: string, name: string) {
  const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': MIRROR_MANAGER, 'kubernetes.io/service-name': name };
  return {
    namespace: ns,
    labels,
    ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name, uid: ep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
}

/** One slice body per distinct port list; addresses → endpoints with ready true/false. */
function desiredSlices(ep: KObject): Array<{ addressType: string; endpoints: unknown[]; ports: unknown[] }> {
  const byPorts = new Map<string, { addressType: string; endpoints: unknown[]; ports: unknown[] }>();
  for (const s of (ep.subsets ?? []) as EpSubset[]) {
    const ports = (s.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const key = JSON.stringify(ports);
    let slice = byPorts.get(key);
    if (!slice) byPorts.set(key, (slice = { addressType: 'IPv4', endpoints: [], ports }));
    for (const [list, ready] of [[s.addresses ?? [], true], [s.notReadyAddresses ?? [], false]] as const) {
      for (const a of list) {
        if (typeof a.ip !== 'string' || a.ip.includes(':')) continue; // IPv6 goes to another slice type; the model is IPv4 only
        slice.endpoints.push({
          addresses: [a.ip],
          conditions: { ready },
          ...(a.hostname ? { hostname: a.hostname } : {}),
          ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          ...(a.targetRef ? { targetRef: a.targetRef } : {}),
        });
      }
    }
  }
  return [...byPorts.values()].filter((s) => s.endpoints.length > 0);
}
