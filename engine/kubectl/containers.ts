/**
 * Finding the pod and container that `exec`, `logs` and `run --attach`
 * talk to, as polymorphichelpers.AttachablePodForObject and
 * podcmd.FindOrDefaultContainerByName do (kubernetes/kubectl v0.33.5), and
 * the process environment of a container for exec.
 */
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../api/object.ts';
import type { Kube } from './context.ts';
import { plainErr, statusErr, type KubectlError } from './errors.ts';
import { resolveType } from './resources.ts';
import { containerRuntime } from '../images/runtime.ts';

export type PodLookup = { ok: true; pod: KObject } | { ok: false; error: KubectlError };

/** `x`, `pod/x`, `deployment/web` (first pod its selector picks). */
export function findPod(k: Kube, ref: string): PodLookup {
  let kind = 'Pod';
  let name = ref;
  const slash = ref.indexOf('/');
  if (slash >= 0) {
    const info = resolveType(ref.slice(0, slash));
    if (!('kind' in info)) return { ok: false, error: info };
    kind = info.kind;
    name = ref.slice(slash + 1);
  }
  const r = k.api.get(kind, k.namespace, name);
  if (!r.ok) return { ok: false, error: statusErr(r.error) };
  if (kind === 'Pod') return { ok: true, pod: r.value };
  const selector = r.value.spec?.selector;
  const sel = selector && (selector.matchLabels || selector.matchExpressions) ? selector : { matchLabels: selector ?? {} };
  const pods = k.api.list('Pod', k.namespace, sel);
  const running = pods.find((p) => p.status?.phase === 'Running') ?? pods[0];
  if (!running) return { ok: false, error: plainErr(`no pods found for ${kind.toLowerCase()} "${name}"`) };
  return { ok: true, pod: running };
}

export type ContainerPick = { ok: true; name: string } | { ok: false; error: KubectlError };

/** FindOrDefaultContainerByName: -c, the default-container annotation, or the first (with a note on stderr). */
export function pickContainer(k: Kube, pod: KObject, requested: string, quiet: boolean): ContainerPick {
  const p = pod as unknown as Pod;
  const containers = p.spec?.containers ?? [];
  const all = [...containers, ...(p.spec?.initContainers ?? [])];
  if (requested) {
    if (!all.some((c) => c.name === requested)) return { ok: false, error: plainErr(`container ${requested} not found in pod ${pod.metadata.name}`) };
    return { ok: true, name: requested };
  }
  if (containers.length === 0) return { ok: false, error: plainErr(`pod ${pod.metadata.namespace}/${pod.metadata.name} does not have any containers`) };
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return { ok: true, name: annotated };
  const first = containers[0]!.name;
  if (!quiet && (containers.length > 1 || (p.spec?.initContainers ?? []).length > 0)) {
    const names = [...containers.map((c) => c.name), ...(p.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)];
    k.err(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  }
  return { ok: true, name: first };
}

/** Is the container's process running (the kubelet can only exec into a running one)? */
export function containerRunning(pod: KObject, container: string): boolean {
  const statuses = ((pod as unknown as Pod).status?.containerStatuses ?? []);
  return statuses.some((s) => s.name === container && !!s.state?.running);
}

/**
 * The environment a process in the container sees: PATH and HOSTNAME first,
 * the image's ENV, the container's `env`, then HOME, as containerd builds it
 * for an exec (the kubelet's service-link variables are left to the runtime).
 */
export function containerEnv(k: Kube, pod: KObject, container: string): Map<string, string> {
  const rt = containerRuntime(k.cluster);
  const image = rt.imageOf(pod.metadata.namespace ?? 'default', pod.metadata.name, container);
  const env = new Map<string, string>();
  const imageEnv = image?.env ?? [];
  const path = imageEnv.find((e) => e.startsWith('PATH='));
  env.set('PATH', path ? path.slice(5) : '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('HOSTNAME', pod.metadata.name);
  for (const e of imageEnv) {
    const i = e.indexOf('=');
    if (i > 0 && e.slice(0, i) !== 'PATH') env.set(e.slice(0, i), e.slice(i + 1));
  }
  const spec = ((pod as unknown as Pod).spec?.containers ?? []).find((c) => c.name === container);
  for (const e of spec?.env ?? []) if (e.value !== undefined) env.set(e.name, e.value);
  if (!env.has('HOME')) env.set('HOME', '/root');
  return env;
}
