/**
 * Generated names: the `<rs>-<5>` pod suffixes of apimachinery's
 * names.SimpleNameGenerator and the pod-template-hash of the deployment
 * controller (a 32-bit FNV-1a of the template, rendered with
 * rand.SafeEncodeString), both from engine/sim so that runs repeat.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { fnv32a, SAFE_ALPHABET } from '../sim/index.ts';
import type { Random } from '../sim/index.ts';

/** rand.SafeEncodeString: each character maps into the safe alphabet. */
export function safeEncode(s: string): string {
  const alphanums = SAFE_ALPHABET;
  let out = '';
  for (const ch of s) out += alphanums[ch.charCodeAt(0) % alphanums.length];
  return out;
}

/** `controller.ComputeHash`: FNV-1a of the template (with a collision count), safe-encoded. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  // Controllers hash the same stored (never mutated) template on every sync: cache by object.
  const cache = template && typeof template === 'object' ? hashes.get(template) : undefined;
  const hit = cache?.get(collisionCount);
  if (hit !== undefined) return hit;
  const text = stableJson(template) + (collisionCount ? String(collisionCount) : '');
  const hash = safeEncode(String(fnv32a(text)));
  if (template && typeof template === 'object') {
    if (cache) cache.set(collisionCount, hash);
    else hashes.set(template, new Map([[collisionCount, hash]]));
  }
  return hash;
}

const hashes = new WeakMap<object, Map<number, string>>();

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The stream every generated suffix in the controllers draws from. */
export function nameRandom(cluster: Cluster): Random {
  return cluster.ext('controllers.names', (c) => c.random.fork('controllers/names'));
}

/** `<base>-<5 safe chars>`, retried until free (the API server's generateName retries the same way). */
export function generateName(cluster: Cluster, base: string, taken: (name: string) => boolean, n = 5): string {
  const r = nameRandom(cluster);
  for (;;) {
    const name = `${base}-${r.string(n, SAFE_ALPHABET)}`;
    if (!taken(name)) return name;
  }
}

/** 64 hex digits: a containerd container id. */
export function containerId(cluster: Cluster): string {
  return nameRandom(cluster).string(64, '0123456789abcdef');
}
