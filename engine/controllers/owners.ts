/**
 * Who owns what, by owner uid (the garbage collector's graph): kept up to
 * date from the store's changes so that "the pods of this ReplicaSet" is a
 * lookup, not a scan.
 */
import { KINDS } from '../api/kinds.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject, OwnerReference } from '../api/object.ts';

export interface Dependent {
  kind: string;
  namespace?: string;
  name: string;
}

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, Dependent>>();

  constructor(cluster: Cluster, onOrphaned: (ownerUid: string) => void) {
    const refKey = (d: Dependent) => `${d.kind}/${d.namespace ?? ''}/${d.name}`;
    const apply = (o: KObject | undefined, sign: 1 | -1) => {
      if (!o) return;
      for (const ref of (o.metadata.ownerReferences ?? []) as OwnerReference[]) {
        const d = { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name };
        let m = this.byOwner.get(ref.uid);
        if (sign > 0) {
          if (!m) this.byOwner.set(ref.uid, (m = new Map()));
          m.set(refKey(d), d);
        } else if (m) {
          m.delete(refKey(d));
          if (m.size === 0) this.byOwner.delete(ref.uid);
        }
      }
    };
    for (const info of ['Pod', 'ReplicaSet', 'Endpoints', 'EndpointSlice', 'DaemonSet', 'ControllerRevision', 'Job']) {
      for (const o of cluster.store.list(info)) apply(o, 1);
    }
    // Every kind but Events: they own nothing and are owned by nothing (and reading them builds the lazily stored ones).
    cluster.store.onChange((c) => {
      // A status write keeps the owner references (the same array): nothing to re-index.
      if (c.type === 'MODIFIED' && c.old?.metadata.ownerReferences === c.obj?.metadata.ownerReferences) return;
      apply(c.old, -1);
      apply(c.obj, 1);
      if (c.type === 'DELETED' && c.old?.metadata.uid) onOrphaned(c.old.metadata.uid);
    }, KINDS.map((k) => k.kind).filter((k) => k !== 'Event'));
  }

  dependents(ownerUid: string, kind?: string): Dependent[] {
    const all = [...(this.byOwner.get(ownerUid)?.values() ?? [])];
    return kind ? all.filter((d) => d.kind === kind) : all;
  }
}

export function controllerRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}
