/**
 * The Job controller, for run-to-completion pods (k3s's helm-install jobs,
 * labs' one-shot clients): `completions` successful pods named
 * `<job>-<5 random>`, then the Complete condition.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { toRfc3339 } from '../sim/index.ts';
import { recordEvent } from './events.ts';
import type { OwnerIndex } from './owners.ts';
import { isActive, podFromTemplate } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

export class JobController implements Controller {
  readonly name = 'job-controller';
  private readonly dirty = new DirtyKeys();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer, private readonly owners: () => OwnerIndex) {
    watch(cluster.store, ['Job', 'Pod'], (c) => {
      if (c.kind === 'Job') return c.type !== 'DELETED' && this.dirty.add(keyOf(c.namespace, c.name));
      for (const o of [c.old, c.obj]) {
        const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job');
        if (ref) this.dirty.add(keyOf(c.namespace, ref.name));
      }
    });
    for (const j of cluster.store.list('Job')) this.dirty.add(keyOf(j.metadata.namespace, j.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const job = this.cluster.store.get('Job', ns, name);
      if (job && this.sync(job)) changed = true;
    }
    return changed;
  }

  private sync(job: KObject): boolean {
    if (((job.status?.conditions ?? []) as Array<{ type: string }>).some((c) => c.type === 'Complete' || c.type === 'Failed')) return false;
    const pods = this.owners()
      .dependents(job.metadata.uid!, 'Pod')
      .map((d) => this.cluster.store.get('Pod', d.namespace, d.name))
      .filter((p): p is KObject => !!p);
    const completions = (job.spec?.completions as number | undefined) ?? 1;
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const active = pods.filter(isActive).length;
    let changed = false;
    const uid = job.metadata.uid!;
    const now = toRfc3339(this.cluster.clock.now());
    if (succeeded < completions && active === 0 && failed <= ((job.spec?.backoffLimit as number | undefined) ?? 6)) {
      const r = this.api.create(
        podFromTemplate(job, {
          generateName: `${job.metadata.name}-`,
          labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name, 'controller-uid': uid, 'job-name': job.metadata.name },
        }),
      );
      if (r.ok) {
        recordEvent(this.cluster, job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`, { component: 'job-controller' });
        changed = true;
      }
    }
    const status: Record<string, unknown> = { ...(job.status ?? {}), startTime: job.status?.startTime ?? now, ready: 0, terminating: 0 };
    if (active) status.active = active;
    else delete status.active;
    if (succeeded) status.succeeded = succeeded;
    if (failed) status.failed = failed;
    if (succeeded >= completions) {
      status.completionTime = now;
      status.conditions = [
        { lastProbeTime: now, lastTransitionTime: now, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' },
        { lastProbeTime: now, lastTransitionTime: now, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' },
      ];
      status.uncountedTerminatedPods = {};
      recordEvent(this.cluster, job, 'Normal', 'Completed', 'Job completed', { component: 'job-controller' });
    }
    if (JSON.stringify(status) !== JSON.stringify(job.status ?? {})) {
      this.api.updateStatus({ ...this.cluster.store.get('Job', job.metadata.namespace, job.metadata.name)!, status });
      changed = true;
    }
    return changed;
  }
}
