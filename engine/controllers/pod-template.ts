/** Pods from a workload's template, as the workload controllers build them (pkg/controller/controller_utils.go GetPodFromTemplate). */
import type { KObject } from '../api/object.ts';
import { controllerRef } from './owners.ts';
import { setOwn } from '../api/json.ts';

export function podFromTemplate(owner: KObject, opts: { name?: string; generateName?: string; labels?: Record<string, string>; spec?: Record<string, unknown> }): KObject {
  const t = (owner.spec?.template ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
  const metadata: KObject['metadata'] = {
    name: opts.name ?? '',
    namespace: owner.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}), ...(opts.labels ?? {}) },
    ownerReferences: [controllerRef(owner)],
  };
  if (opts.generateName) metadata.generateName = opts.generateName;
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { ...copyJson(t.spec ?? {}), ...(opts.spec ?? {}) } };
}

/**
 * A full copy of JSON data, frozen parts included (admission writes defaults
 * into the new pod's spec). What structuredClone did for a template, without
 * its serialisation: a DaemonSet creates one pod per node (5,000 at scale).
 */
function copyJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyJson) as unknown as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, copyJson(x));
    return out as T;
  }
  return v;
}

/** Pods that count toward a workload's replicas: not finished, not being deleted. */
export function isActive(pod: KObject): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export function isReady(pod: KObject): boolean {
  return ((pod.status?.conditions ?? []) as Array<{ type: string; status: string }>).some((c) => c.type === 'Ready' && c.status === 'True');
}
