/**
 * The API server keeps its own Service: `default/kubernetes` (with its
 * Endpoints and EndpointSlice) is recreated when deleted, as the apiserver's
 * built-in controller does, so `kubectl delete svc --all` in a lab leaves it
 * standing (with a fresh AGE).
 */
import type { ApiServer } from '../api/server-types.ts';
import type { Cluster, Controller } from '../cluster/cluster.ts';
import { apiserverServiceObjects } from './bootstrap/index.ts';

export class ApiserverServiceController implements Controller {
  readonly name = 'apiserver-kubernetes-service';
  private names?: ReadonlyArray<readonly [string, string]>;

  constructor(
    private readonly cluster: Cluster,
    private readonly api: ApiServer,
  ) {}

  reconcile(): boolean {
    const store = this.cluster.store;
    // Only after bootstrap has written them once (a cluster with no nodes yet has none).
    if (store.count('Node') === 0) return false;
    // The objects' kinds and names never change: build them only when one is missing (this runs every settle round).
    this.names ??= apiserverServiceObjects(this.cluster, this.cluster.clock.nowIso()).map((o) => [o.kind, o.metadata.name] as const);
    if (this.names.every(([kind, name]) => store.get(kind, 'default', name))) return false;
    let changed = false;
    for (const obj of apiserverServiceObjects(this.cluster, this.cluster.clock.nowIso())) {
      if (store.get(obj.kind, 'default', obj.metadata.name)) continue;
      const { creationTimestamp: _ignored, ...metadata } = obj.metadata;
      const r = this.api.create({ ...obj, metadata: { ...metadata, name: obj.metadata.name } });
      if (r.ok) changed = true;
    }
    return changed;
  }
}
