/**
 * The DaemonSet controller: one pod per eligible node (nodeSelector), named
 * `<ds>-<5 random>`, pinned with required node affinity on metadata.name
 * as the real controller does, so the scheduler places it (and reports
 * host-port conflicts).
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { recordEvent } from './events.ts';
import { podTemplateHash } from './names.ts';
import type { OwnerIndex } from './owners.ts';
import { isActive, isReady, podFromTemplate } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

const DS_TOLERATIONS = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/pid-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', operator: 'Exists' },
];

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer, private readonly owners: () => OwnerIndex) {
    watch(cluster.store, ['DaemonSet', 'Pod', 'Node'], (c) => {
      if (c.kind === 'DaemonSet') return c.type !== 'DELETED' && this.dirty.add(keyOf(c.namespace, c.name));
      if (c.kind === 'Node') {
        for (const ds of cluster.store.list('DaemonSet')) this.dirty.add(keyOf(ds.metadata.namespace, ds.metadata.name));
        return;
      }
      for (const o of [c.old, c.obj]) {
        const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet');
        if (ref) this.dirty.add(keyOf(c.namespace, ref.name));
      }
    });
    for (const ds of cluster.store.list('DaemonSet')) this.dirty.add(keyOf(ds.metadata.namespace, ds.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const ds = this.cluster.store.get('DaemonSet', ns, name);
      if (ds && this.sync(ds)) changed = true;
    }
    return changed;
  }

  private nodeOf(pod: KObject): string | undefined {
    return pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0] ?? pod.spec?.nodeName;
  }

  private sync(ds: KObject): boolean {
    const pods = this.owners()
      .dependents(ds.metadata.uid!, 'Pod')
      .map((d) => this.cluster.store.get('Pod', d.namespace, d.name))
      .filter((p): p is KObject => !!p && isActive(p));
    const selector = (ds.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>;
    const nodes = this.cluster.config.nodes
      .map((n) => this.cluster.store.get('Node', undefined, n.name))
      .filter((n): n is KObject => !!n && Object.entries(selector).every(([k, v]) => n.metadata.labels?.[k] === v));
    const hash = podTemplateHash(ds.spec?.template);
    let changed = false;
    const served = new Set(pods.map((p) => this.nodeOf(p)));
    for (const node of nodes) {
      if (served.has(node.metadata.name)) continue;
      const tmplTolerations = (ds.spec?.template?.spec?.tolerations ?? []) as unknown[];
      const pod = podFromTemplate(ds, {
        generateName: `${ds.metadata.name}-`,
        labels: { 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        spec: {
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }] } } },
          tolerations: [...tmplTolerations, ...DS_TOLERATIONS],
        },
      });
      const r = this.api.create(pod);
      if (!r.ok) continue;
      recordEvent(this.cluster, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`, { component: 'daemonset-controller' });
      pods.push(r.value);
      served.add(this.nodeOf(r.value));
      changed = true;
    }
    const scheduled = pods.filter((p) => p.spec?.nodeName).length;
    const ready = pods.filter(isReady).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: scheduled,
      desiredNumberScheduled: nodes.length,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: scheduled,
    };
    if (ready < nodes.length) status.numberUnavailable = nodes.length - ready;
    if (ready === 0) delete status.numberAvailable;
    if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) {
      this.api.updateStatus({ ...this.cluster.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name)!, status });
      changed = true;
    }
    return changed;
  }
}
