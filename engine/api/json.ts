/**
 * Plain-JSON helpers for API objects: a deep copy that never touches a
 * prototype (a manifest may carry a `__proto__` key), deep equality, and the
 * compact, key-sorted encoding Go's encoding/json gives a map.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPlainObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Set an own data property, even for `__proto__`, without invoking setters. */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Deep copy of JSON-like data; undefined members are dropped, as JSON would. */
/**
 * Freeze a constant and everything in it. Parts of stored objects that are
 * the same everywhere (defaults) are shared frozen constants: stored
 * objects are never mutated, and a frozen one says so loudly if it is.
 */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** `{}` in a stored object (resources, securityContext, lastState): one shared frozen instance. */
export const EMPTY_OBJECT: Record<string, never> = Object.freeze({});

/** A deep copy; frozen parts are shared, not copied (nobody can change them: see deepFreeze). */
export function clone<T>(v: T): T {
  if (Object.isFrozen(v)) return v; // primitives are frozen too
  if (Array.isArray(v)) return v.map((x) => clone(x)) as unknown as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    // for…in over own keys, no key array: every API write clones its object.
    for (const k in v) {
      if (!hasOwn(v, k)) continue;
      const x = v[k];
      if (x !== undefined) setOwn(out, k, clone(x));
    }
    return out as T;
  }
  return v;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Equal as JSON (undefined members count as absent). Allocates nothing: status writes compare whole statuses. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    let na = 0;
    for (const k in a) {
      if (!hasOwn(a, k) || a[k] === undefined) continue;
      na++;
      if (!hasOwn(b, k) || !deepEqual(a[k], b[k])) return false;
    }
    let nb = 0;
    for (const k in b) if (hasOwn(b, k) && b[k] !== undefined) nb++;
    return na === nb;
  }
  return false;
}

/** encoding/json of a map[string]interface{}: keys sorted bytewise, no spaces, Go's HTML escaping. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(byteCompare);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(v[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Go escapes <, > and & as \u003c… and U+2028/2029 in JSON strings. */
function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
