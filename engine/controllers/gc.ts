/**
 * The garbage collector: when an owner is deleted, its dependents (by
 * ownerReferences) are deleted too, in background propagation, which is
 * kubectl delete's default. Deleting a Deployment removes its ReplicaSets,
 * and their deletion removes the pods.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { ApiServer } from '../api/server-types.ts';
import type { OwnerIndex } from './owners.ts';

export class GarbageCollector implements Controller {
  readonly name = 'garbagecollector';
  private queue: string[] = [];

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer, private readonly owners: () => OwnerIndex) {}

  orphaned(uid: string): void {
    this.queue.push(uid);
  }

  reconcile(): boolean {
    let changed = false;
    while (this.queue.length > 0) {
      const uids = this.queue;
      this.queue = [];
      for (const uid of uids) {
        for (const d of this.owners().dependents(uid)) {
          const o = this.cluster.store.get(d.kind, d.namespace, d.name);
          // Only when every owner is gone (an object may have several).
          const alive = (o?.metadata.ownerReferences ?? []).some((r) => r.uid !== uid && this.cluster.store.list(r.kind, d.namespace).some((x) => x.metadata.uid === r.uid));
          if (!o || alive) continue;
          const r = this.api.delete(d.kind, d.namespace, d.name);
          if (!r.ok) this.cluster.store.delete(d.kind, d.namespace, d.name);
          changed = true;
        }
      }
    }
    return changed;
  }
}
