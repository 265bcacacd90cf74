/**
 * The Deployment controller (pkg/controller/deployment), without rollout
 * pacing: the ReplicaSet whose template equals the Deployment's (ignoring
 * pod-template-hash) is scaled to spec.replicas, others to 0. A new
 * template gets a ReplicaSet `<deploy>-<pod-template-hash>`.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { toRfc3339 } from '../sim/index.ts';
import { recordEvent } from './events.ts';
import { podTemplateHash, stableJson } from './names.ts';
import { controllerRef, type OwnerIndex } from './owners.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

const HASH = 'pod-template-hash';

/** Keys by template object: stored objects are never mutated, so a template's key never changes. */
const templateKeys = new WeakMap<object, string>();

function templateKey(template: unknown): string {
  const cached = template && typeof template === 'object' ? templateKeys.get(template) : undefined;
  if (cached !== undefined) return cached;
  const t = { ...((template ?? {}) as { metadata?: { labels?: Record<string, string> } }) };
  if (t.metadata?.labels && HASH in t.metadata.labels) {
    const { [HASH]: _hash, ...labels } = t.metadata.labels;
    t.metadata = { ...t.metadata, labels };
  }
  const key = stableJson(t);
  if (template && typeof template === 'object') templateKeys.set(template, key);
  return key;
}

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer, private readonly owners: () => OwnerIndex) {
    watch(cluster.store, ['Deployment', 'ReplicaSet'], (c) => {
      if (c.kind === 'Deployment') return c.type !== 'DELETED' && this.dirty.add(keyOf(c.namespace, c.name));
      for (const o of [c.old, c.obj]) {
        const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
        if (ref) this.dirty.add(keyOf(c.namespace, ref.name));
      }
    });
    for (const d of cluster.store.list('Deployment')) this.dirty.add(keyOf(d.metadata.namespace, d.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const d = this.cluster.store.get('Deployment', ns, name);
      if (d && this.sync(d)) changed = true;
    }
    return changed;
  }

  private event(d: KObject, message: string): void {
    recordEvent(this.cluster, d, 'Normal', 'ScalingReplicaSet', message, { component: 'deployment-controller' });
  }

  private sync(d: KObject): boolean {
    const want = (d.spec?.replicas as number | undefined) ?? 1;
    const rss = this.owners()
      .dependents(d.metadata.uid!, 'ReplicaSet')
      .map((x) => this.cluster.store.get('ReplicaSet', x.namespace, x.name))
      .filter((x): x is KObject => !!x);
    const key = templateKey(d.spec?.template);
    let current = rss.find((rs) => templateKey(rs.spec?.template) === key);
    let changed = false;
    const revision = Math.max(0, ...rss.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    if (!current) {
      const hash = podTemplateHash(d.spec?.template, (d.status?.collisionCount as number | undefined) ?? 0);
      const template = structuredClone(d.spec.template);
      template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH]: hash } };
      const rs: KObject = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: d.metadata.namespace,
          labels: { ...(d.spec.template?.metadata?.labels ?? {}), [HASH]: hash },
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(want),
            'deployment.kubernetes.io/max-replicas': String(want + Math.ceil(want / 4)),
            'deployment.kubernetes.io/revision': String(revision + 1),
          },
          ownerReferences: [controllerRef(d)],
        },
        spec: {
          replicas: want,
          selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), [HASH]: hash } },
          template,
        },
      };
      const r = this.api.create(rs);
      if (!r.ok) return false;
      current = r.value;
      this.event(d, `Scaled up replica set ${current.metadata.name} from 0 to ${want}`);
      changed = true;
    } else if ((current.spec?.replicas ?? 1) !== want) {
      const from = current.spec?.replicas ?? 1;
      const r = this.api.update({
        ...current,
        metadata: { ...current.metadata, annotations: { ...(current.metadata.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': String(want), 'deployment.kubernetes.io/max-replicas': String(want + Math.ceil(want / 4)) } },
        spec: { ...current.spec, replicas: want },
      });
      if (r.ok) current = r.value;
      this.event(d, `Scaled ${want > from ? 'up' : 'down'} replica set ${current.metadata.name} from ${from} to ${want}`);
      changed = true;
    }
    for (const old of rss) {
      if (old.metadata.uid === current.metadata.uid || (old.spec?.replicas ?? 0) === 0) continue;
      const from = old.spec?.replicas ?? 1;
      this.api.update({ ...old, spec: { ...old.spec, replicas: 0 } });
      this.event(d, `Scaled down replica set ${old.metadata.name} from ${from} to 0`);
      changed = true;
    }
    return this.syncStatus(d, current) || changed;
  }

  private syncStatus(d: KObject, rs: KObject): boolean {
    const replicas = (rs.status?.replicas as number | undefined) ?? 0;
    const ready = (rs.status?.readyReplicas as number | undefined) ?? 0;
    const want = (d.spec?.replicas as number | undefined) ?? 1;
    const prev = (d.status?.conditions ?? []) as Array<Record<string, string>>;
    const at = toRfc3339(this.cluster.clock.now());
    const keep = (type: string, status: string, reason: string, message: string) => {
      const old = prev.find((c) => c.type === type);
      const same = old && old.status === status && old.reason === reason;
      return { lastTransitionTime: same ? old.lastTransitionTime : at, lastUpdateTime: same && old.message === message ? old.lastUpdateTime : at, message, reason, status, type };
    };
    const available = ready >= want;
    const conditions = [
      keep('Available', available ? 'True' : 'False', available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.'),
      keep('Progressing', 'True', ready >= want ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', ready >= want ? `ReplicaSet "${rs.metadata.name}" has successfully progressed.` : `ReplicaSet "${rs.metadata.name}" is progressing.`),
    ];
    const status: Record<string, unknown> = { conditions, observedGeneration: d.metadata.generation ?? 1, replicas, updatedReplicas: replicas };
    if (ready > 0) {
      status.availableReplicas = ready;
      status.readyReplicas = ready;
    }
    if (replicas - ready > 0) status.unavailableReplicas = replicas - ready;
    if (JSON.stringify(status) === JSON.stringify(d.status ?? {})) return false;
    this.api.updateStatus({ ...d, status });
    return true;
  }
}
