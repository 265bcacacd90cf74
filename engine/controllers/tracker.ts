/**
 * Dirty-key tracking (kube-proxy's change trackers, STYLE.md lesson 4):
 * controllers subscribe to the store's changes for the kinds they watch and
 * reconcile only the keys that changed since their last pass.
 */
import type { Change, ObjectStore } from '../api/store.ts';

export class DirtyKeys {
  private keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** The dirty keys, in the order they were first marked; the set is emptied. */
  take(): string[] {
    const out = [...this.keys];
    this.keys = new Set();
    return out;
  }
}

/** Subscribe `f` to changes of the given kinds. */
export function watch(store: ObjectStore, kinds: readonly string[], f: (c: Change) => void): () => void {
  return store.onChange(f, kinds);
}

export const keyOf = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
