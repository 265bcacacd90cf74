/**
 * The StatefulSet controller (OrderedReady): pods `<sts>-0`, `<sts>-1`, …
 * created one at a time, each once the previous one is Running and Ready,
 * with hostname and subdomain set so `web-0.nginx` resolves; scale-down
 * removes the highest ordinal first.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { recordEvent } from './events.ts';
import { podTemplateHash } from './names.ts';
import { isReady, podFromTemplate } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer) {
    watch(cluster.store, ['StatefulSet', 'Pod'], (c) => {
      if (c.kind === 'StatefulSet') return c.type !== 'DELETED' && this.dirty.add(keyOf(c.namespace, c.name));
      for (const o of [c.old, c.obj]) {
        const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'StatefulSet');
        if (ref) this.dirty.add(keyOf(c.namespace, ref.name));
      }
    });
    for (const s of cluster.store.list('StatefulSet')) this.dirty.add(keyOf(s.metadata.namespace, s.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const sts = this.cluster.store.get('StatefulSet', ns, name);
      if (sts && this.sync(sts)) changed = true;
    }
    return changed;
  }

  private sync(sts: KObject): boolean {
    const ns = sts.metadata.namespace!;
    const name = sts.metadata.name;
    const want = (sts.spec?.replicas as number | undefined) ?? 1;
    const parallel = sts.spec?.podManagementPolicy === 'Parallel';
    const revision = `${name}-${podTemplateHash(sts.spec?.template)}`;
    let changed = false;
    for (let i = 0; i < want; i++) {
      const podName = `${name}-${i}`;
      const existing = this.cluster.store.get('Pod', ns, podName);
      if (existing) {
        if (!parallel && !isReady(existing)) break;
        continue;
      }
      const pod = podFromTemplate(sts, {
        name: podName,
        labels: { 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
        spec: { hostname: podName, ...(sts.spec?.serviceName ? { subdomain: sts.spec.serviceName } : {}) },
      });
      const r = this.api.create(pod);
      if (!r.ok) break;
      recordEvent(this.cluster, sts, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`, { component: 'statefulset-controller' });
      changed = true;
      if (!parallel) break;
    }
    for (let i = want; ; i++) {
      const podName = `${name}-${i}`;
      if (!this.cluster.store.get('Pod', ns, podName)) break;
      this.api.delete('Pod', ns, podName);
      recordEvent(this.cluster, sts, 'Normal', 'SuccessfulDelete', `delete Pod ${podName} in StatefulSet ${name} successful`, { component: 'statefulset-controller' });
      changed = true;
    }
    const pods = Array.from({ length: want }, (_, i) => this.cluster.store.get('Pod', ns, `${name}-${i}`)).filter((p): p is KObject => !!p);
    const ready = pods.filter(isReady).length;
    const status: Record<string, unknown> = {
      availableReplicas: ready,
      collisionCount: 0,
      currentReplicas: pods.length,
      currentRevision: revision,
      observedGeneration: sts.metadata.generation ?? 1,
      readyReplicas: ready,
      replicas: pods.length,
      updateRevision: revision,
      updatedReplicas: pods.length,
    };
    if (ready === 0) delete status.readyReplicas;
    if (JSON.stringify(status) !== JSON.stringify(sts.status ?? {})) {
      this.api.updateStatus({ ...this.cluster.store.get('StatefulSet', ns, name)!, status });
      changed = true;
    }
    return changed;
  }
}
