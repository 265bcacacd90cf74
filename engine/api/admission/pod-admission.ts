/**
 * What admission plugins and the pod strategy add to a Pod on create:
 * ServiceAccount (plugin/pkg/admission/serviceaccount: serviceAccountName,
 * the kube-api-access-xxxxx projected volume and its mounts),
 * DefaultTolerationSeconds (not-ready / unreachable NoExecute for 300s),
 * Priority (priority 0, preemptionPolicy), and PrepareForCreate's status
 * (phase Pending, qosClass).
 */
import type { Random } from '../../sim/index.ts';
import { SAFE_ALPHABET } from '../../sim/index.ts';
import { deepFreeze, isPlainObject } from '../json.ts';

type Obj = Record<string, any>;
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The kube-api-access volume's projection, the same in every pod: one
 * frozen copy shared by all stored pods (stored objects are never mutated;
 * writes go through copies), 12 objects less per pod at 150,000 pods.
 */
const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

function tokenVolume(name: string): Obj {
  return { name, projected: TOKEN_PROJECTION };
}

/** DefaultTolerationSeconds' two tolerations, shared (frozen) by every pod that brings none of its own. */
const DEFAULT_TOLERATIONS = deepFreeze(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })));

function serviceAccount(spec: Obj, random: Random): void {
  spec.serviceAccountName ||= spec.serviceAccount || 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)];
  if (containers.some((c) => objects(c.volumeMounts).some((m) => m.mountPath === SA_MOUNT_PATH))) return;
  const name = `kube-api-access-${random.string(5, SAFE_ALPHABET)}`;
  spec.volumes = [...objects(spec.volumes), tokenVolume(name)];
  for (const c of containers) c.volumeMounts = [...objects(c.volumeMounts), { mountPath: SA_MOUNT_PATH, name, readOnly: true }];
}

function defaultTolerations(spec: Obj): void {
  if (objects(spec.tolerations).length === 0) {
    spec.tolerations = DEFAULT_TOLERATIONS;
    return;
  }
  const tolerations = objects(spec.tolerations);
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === 'NoExecute' || !t.effect));
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

function priority(spec: Obj): void {
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** qos.GetPodQOS, reduced to cpu and memory. */
export function qosClass(spec: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...objects(spec.initContainers), ...objects(spec.containers)];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = isPlainObject(c.resources?.requests) ? c.resources.requests : {};
    const lim = isPlainObject(c.resources?.limits) ? c.resources.limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) if (lim[r] === undefined || String(req[r] ?? lim[r]) !== String(lim[r])) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function admitPodCreate(pod: Obj, random: Random): void {
  const spec = (pod.spec ??= {}) as Obj;
  serviceAccount(spec, random);
  defaultTolerations(spec);
  priority(spec);
  pod.status = { phase: 'Pending', qosClass: qosClass(spec) };
}
