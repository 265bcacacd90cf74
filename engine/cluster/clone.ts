/**
 * Copying a cluster's per-module state onto a clone (Cluster.clone()).
 *
 * Why generic: the engine's modules keep their state in ordinary fields
 * (Maps, Sets, class instances, seeded Random streams), and other helpers
 * add fields all the time; a hand-written clone per class would silently
 * miss the next one. Instead the clone re-creates every module with its own
 * factory against the new cluster (so store subscriptions and closures point
 * at the new cluster), then `transplant` copies the old instance's data
 * fields over the new one's:
 * - functions are never copied (the new instance's own closures stay);
 * - objects already paired (old cluster → new cluster, old module → new
 *   module) map to their counterpart;
 * - a field holding a class instance on both sides is transplanted in place
 *   (an index the new module's closures already reference, say);
 * - stored API objects are shared: the store never mutates them in place;
 * - everything else is deep-copied, keeping shared references shared.
 */

/** Old object → its counterpart in the clone. */
export class Transplanter {
  private readonly memo = new Map<object, unknown>();

  pair(from: object, to: object): void {
    this.memo.set(from, to);
  }

  /** Copy `from`'s data fields onto `to` (same class), in place. */
  transplant(from: object, to: object): void {
    if (from === to) return;
    this.memo.set(from, to);
    const src = from as Record<string, unknown>;
    const dst = to as Record<string, unknown>;
    for (const k of Object.keys(dst)) {
      if (!(k in src) && typeof dst[k] !== 'function') delete dst[k];
    }
    for (const k of Object.keys(src)) {
      const ov = src[k];
      if (typeof ov === 'function') continue;
      const nv = dst[k];
      if (ov === null || typeof ov !== 'object') {
        dst[k] = ov;
      } else if (ov === nv || this.memo.has(ov)) {
        dst[k] = this.memo.has(ov) ? this.memo.get(ov) : ov;
      } else if (nv !== null && typeof nv === 'object' && isClassInstance(ov) && Object.getPrototypeOf(ov) === Object.getPrototypeOf(nv) && !isShared(ov)) {
        this.transplant(ov, nv);
      } else {
        dst[k] = this.copy(ov);
      }
    }
  }

  /** A deep copy of `v` (stored API objects and functions shared). */
  copy<T>(v: T): T {
    if (v === null || typeof v !== 'object') return v;
    const o = v as unknown as object;
    if (this.memo.has(o)) return this.memo.get(o) as T;
    if (isShared(o)) return v;
    if (o instanceof Map) {
      const m = new Map();
      this.memo.set(o, m);
      for (const [k, x] of o) m.set(this.copy(k), this.copy(x));
      return m as T;
    }
    if (o instanceof Set) {
      const s = new Set();
      this.memo.set(o, s);
      for (const x of o) s.add(this.copy(x));
      return s as T;
    }
    if (Array.isArray(o)) {
      const a: unknown[] = [];
      this.memo.set(o, a);
      for (const x of o) a.push(this.copy(x));
      return a as T;
    }
    if (ArrayBuffer.isView(o)) return (o as unknown as { slice(): T }).slice();
    if (o instanceof Date) return new Date(o.getTime()) as T;
    if (o instanceof RegExp) return v;
    const out = Object.create(Object.getPrototypeOf(o)) as Record<string, unknown>;
    this.memo.set(o, out);
    for (const k of Object.keys(o)) out[k] = this.copy((o as Record<string, unknown>)[k]);
    return out as T;
  }
}

function isClassInstance(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p !== null && p !== Object.prototype && !Array.isArray(o) && !(o instanceof Map) && !(o instanceof Set) && !ArrayBuffer.isView(o);
}

/** Stored API objects (never mutated in place: the store replaces them) and frozen values are shared, not copied. */
function isShared(o: object): boolean {
  if (Object.isFrozen(o)) return true;
  const r = o as { apiVersion?: unknown; kind?: unknown; metadata?: unknown };
  return typeof r.kind === 'string' && typeof r.apiVersion === 'string' && typeof r.metadata === 'object' && r.metadata !== null;
}

/** A copy of an object made of primitive fields only (Clock, Random): same class, same state. */
export function copyState<T extends object>(o: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(o)) as T, o);
}
