/**
 * Client-side `kubectl apply`: the last-applied-configuration annotation and
 * the three-way merge of (last applied, new manifest, live object).
 *
 * The real client computes a strategic merge patch
 * (k8s.io/apimachinery/pkg/util/strategicpatch) from the Go types' patch
 * strategies; this approximation merges maps recursively, merges the lists
 * whose items carry a merge key (containers by name, Service ports by port,
 * container ports by containerPort, volumeMounts by mountPath) item by item,
 * and replaces every other list as a whole.
 */
import type { KObject } from './object.ts';
import { clone, deepEqual, goJson, isPlainObject, setOwn } from './json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation's value as kubectl writes it (apply.GetModifiedConfiguration):
 * the manifest with `metadata.annotations` present (an empty map when it had
 * none) minus the annotation itself, as compact key-sorted JSON plus "\n".
 */
export function lastAppliedValue(manifest: KObject): string {
  const m = clone(manifest);
  const annotations = { ...(m.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  m.metadata = { ...m.metadata, annotations };
  return goJson(m) + '\n';
}

/** The manifest as it is sent: annotated with its own last-applied value. */
export function withLastApplied(manifest: KObject): KObject {
  const value = lastAppliedValue(manifest);
  const m = clone(manifest);
  m.metadata = { ...m.metadata, annotations: { ...(m.metadata.annotations ?? {}), [LAST_APPLIED]: value } };
  return m;
}

/** The previous manifest recorded on a live object, if it parses. */
export function lastAppliedOf(live: KObject): Record<string, unknown> | undefined {
  const raw = live.metadata.annotations?.[LAST_APPLIED];
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return isPlainObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Which key identifies the items of a list field, as the Go types' patchMergeKey does. */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports': {
      const first = items.find(isPlainObject);
      return first && 'containerPort' in first ? 'containerPort' : 'port';
    }
    default:
      return undefined;
  }
}

/**
 * Three-way merge: start from `live`, set what `modified` says, delete what
 * `original` had and `modified` dropped. Returns a new object.
 */
export function threeWayMerge(original: unknown, modified: unknown, live: unknown, field = ''): unknown {
  if (isPlainObject(modified) && isPlainObject(live)) {
    const orig = isPlainObject(original) ? original : {};
    const out = clone(live);
    for (const k of Object.keys(modified)) {
      const m = modified[k];
      if (m === null) {
        delete out[k];
        continue;
      }
      setOwn(out, k, threeWayMerge(orig[k], m, live[k], k));
    }
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    return out;
  }
  if (Array.isArray(modified) && Array.isArray(live)) {
    const key = mergeKeyFor(field, modified);
    if (key && modified.every((x) => isPlainObject(x) && key in x)) return mergeList(key, Array.isArray(original) ? original : [], modified, live, field);
  }
  return clone(modified);
}

function mergeList(key: string, original: unknown[], modified: unknown[], live: unknown[], field: string): unknown[] {
  const keyOf = (x: unknown) => (isPlainObject(x) ? JSON.stringify(x[key]) : undefined);
  const find = (list: unknown[], k: string | undefined) => list.find((x) => keyOf(x) === k);
  const out: unknown[] = modified.map((m) => threeWayMerge(find(original, keyOf(m)), m, find(live, keyOf(m)) ?? {}, field));
  const wanted = new Set(modified.map(keyOf));
  const dropped = new Set(original.map(keyOf));
  for (const l of live) {
    const k = keyOf(l);
    if (!wanted.has(k) && !dropped.has(k)) out.push(clone(l));
  }
  return out;
}

/** Merge an (annotated) manifest into the live object; `changed` false when kubectl would say "unchanged". */
export function applyPatch(manifest: KObject, live: KObject): { merged: KObject; changed: boolean } {
  const modified = withLastApplied(manifest);
  const original = lastAppliedOf(live) ?? {};
  const merged = threeWayMerge(original, modified, live) as KObject;
  return { merged, changed: !deepEqual(merged, live) };
}
