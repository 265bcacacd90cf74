/**
 * The ReplicaSet controller (pkg/controller/replicaset): keep
 * spec.replicas active pods named `<rs>-<5 random>`, and report status.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { recordEvent } from './events.ts';
import type { OwnerIndex } from './owners.ts';
import { isActive, isReady, podFromTemplate } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer, private readonly owners: () => OwnerIndex) {
    watch(cluster.store, ['ReplicaSet', 'Pod'], (c) => {
      if (c.kind === 'ReplicaSet') return c.type !== 'DELETED' && this.dirty.add(keyOf(c.namespace, c.name));
      for (const o of [c.old, c.obj]) {
        const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
        if (ref) this.dirty.add(keyOf(c.namespace, ref.name));
      }
    });
    for (const rs of cluster.store.list('ReplicaSet')) this.dirty.add(keyOf(rs.metadata.namespace, rs.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const rs = this.cluster.store.get('ReplicaSet', ns, name);
      if (rs && this.sync(rs)) changed = true;
    }
    return changed;
  }

  private sync(rs: KObject): boolean {
    const pods = this.owners()
      .dependents(rs.metadata.uid!, 'Pod')
      .map((d) => this.cluster.store.get('Pod', d.namespace, d.name))
      .filter((p): p is KObject => !!p);
    const active = pods.filter(isActive);
    const want = (rs.spec?.replicas as number | undefined) ?? 1;
    let changed = false;
    for (let i = active.length; i < want; i++) {
      const r = this.api.create(podFromTemplate(rs, { generateName: `${rs.metadata.name}-` }));
      if (!r.ok) {
        recordEvent(this.cluster, rs, 'Warning', 'FailedCreate', `Error creating: ${r.error.message}`, { component: 'replicaset-controller' });
        break;
      }
      recordEvent(this.cluster, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`, { component: 'replicaset-controller' });
      active.push(r.value);
      changed = true;
    }
    if (active.length > want) {
      // controller.ActivePods ordering: unscheduled, then not ready, then newest first.
      const rank = (p: KObject) => (p.spec?.nodeName ? 1 : 0) * 2 + (isReady(p) ? 1 : 0);
      const victims = [...active].sort((a, b) => rank(a) - rank(b) || (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || b.metadata.name.localeCompare(a.metadata.name));
      for (const p of victims.slice(0, active.length - want)) {
        this.api.delete('Pod', p.metadata.namespace, p.metadata.name);
        recordEvent(this.cluster, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, { component: 'replicaset-controller' });
        changed = true;
      }
    }
    const now = pods.filter((p) => isActive(p) && this.cluster.store.get('Pod', p.metadata.namespace, p.metadata.name));
    const ready = now.filter(isReady).length;
    const status: Record<string, unknown> = { fullyLabeledReplicas: now.length, observedGeneration: rs.metadata.generation ?? 1, replicas: now.length };
    if (ready > 0) {
      status.availableReplicas = ready;
      status.readyReplicas = ready;
    }
    if (now.length === 0) delete status.fullyLabeledReplicas;
    if (JSON.stringify(status) !== JSON.stringify(rs.status ?? {})) {
      const fresh = this.cluster.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
      if (fresh) this.api.updateStatus({ ...fresh, status });
      changed = true;
    }
    return changed;
  }
}
