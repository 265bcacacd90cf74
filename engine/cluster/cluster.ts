/**
 * One simulated k3s cluster: its configuration, clock, random source and
 * object store, the API server in front of the store, the controllers that
 * reconcile after every write, and the container runtime. Every other part
 * of the engine (network, dns, kubectl) is a function of a Cluster.
 */
import { ObjectStore } from '../api/store.ts';
import { Clock, Random } from '../sim/index.ts';
import { Transplanter, copyState } from './clone.ts';
import type { ClusterConfig } from './config.ts';

/** A controller looks at the store and makes changes; it returns true when it changed something. */
export interface Controller {
  readonly name: string;
  reconcile(): boolean;
}

/**
 * An ext() value may clone itself for Cluster.clone() (when the generic
 * re-create-and-transplant would be wrong, e.g. state built lazily that
 * subscribes to the store). It returns the clone's value for the same key.
 */
export interface ClonableExt {
  cloneFor(into: Cluster, t: Transplanter): unknown;
}

const isClonable = (v: unknown): v is ClonableExt =>
  typeof v === 'object' && v !== null && typeof (v as Partial<ClonableExt>).cloneFor === 'function';

/** Cluster.clone() could not reproduce a module's state; the caller boots afresh instead. */
export class CloneError extends Error {}

export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: ObjectStore;
  private readonly controllers: Controller[] = [];
  private readonly extensions = new Map<string, unknown>();
  /** Each ext's factory, to re-create it on a clone. */
  private readonly makers = new Map<string, (cluster: Cluster) => unknown>();
  private settling = false;

  constructor(readonly config: ClusterConfig, startIso?: string, from?: Cluster) {
    if (from) {
      this.clock = copyState(from.clock);
      this.random = copyState(from.random);
      this.store = from.store.clone(this.clock, this.random);
    } else {
      this.clock = new Clock(startIso);
      this.random = new Random(config.seed);
      this.store = new ObjectStore(this.clock, this.random);
    }
  }

  /**
   * An independent copy of this cluster, as it is now: same objects, clock,
   * random streams and module state, so that whatever runs on the copy prints
   * what it would print on this cluster (engine/lab/boot.ts boots the default
   * cluster once and hands each scenario a clone). Stored objects are shared
   * (never mutated in place). `config` (equal to this one's) lets each clone
   * own its config object. Must not be called while settling. Throws
   * CloneError when a module's state cannot be reproduced.
   */
  clone(config: ClusterConfig = this.config): Cluster {
    if (this.settling) throw new CloneError('cannot clone a cluster while it settles');
    const c = new Cluster(config, undefined, this);
    const t = new Transplanter();
    t.pair(this, c);
    t.pair(this.store, c.store);
    t.pair(this.clock, c.clock);
    t.pair(this.random, c.random);
    t.pair(this.config, c.config);
    const pairs: [object, object][] = [];
    // Re-create in the original creation order (a factory may create others, and add controllers).
    for (const [key, v] of this.extensions) {
      if (c.extensions.has(key)) {
        const nv = c.extensions.get(key);
        if (typeof v === 'object' && v !== null && typeof nv === 'object' && nv !== null) pairs.push([v, nv]);
        continue;
      }
      if (isClonable(v)) {
        c.extensions.set(key, v.cloneFor(c, t));
        c.makers.set(key, this.makers.get(key)!);
        continue;
      }
      const nv = c.ext(key, this.makers.get(key)!);
      if (typeof v === 'object' && v !== null && typeof nv === 'object' && nv !== null) pairs.push([v, nv]);
      else if (v !== nv) throw new CloneError(`ext '${key}' holds a primitive or function; it cannot be cloned`);
    }
    if (c.controllers.length !== this.controllers.length) throw new CloneError(`the clone has ${c.controllers.length} controllers, the original ${this.controllers.length}`);
    this.controllers.forEach((old, i) => {
      const nc = c.controllers[i]!;
      if (Object.getPrototypeOf(old) !== Object.getPrototypeOf(nc)) throw new CloneError(`controller ${i}: ${old.name} vs ${nc.name}`);
      pairs.push([old, nc]);
    });
    for (const [o, n] of pairs) t.pair(o, n);
    for (const [o, n] of pairs) t.transplant(o, n);
    // A module that subscribed to the original store but not to the copy's would go stale.
    if (c.store.listenerCount !== this.store.listenerCount) {
      throw new CloneError(`the clone's store has ${c.store.listenerCount} listeners, the original ${this.store.listenerCount}`);
    }
    return c;
  }

  addController(c: Controller): void {
    this.controllers.push(c);
  }

  /**
   * Run every controller until none changes anything (a fixed point), as a
   * real cluster would settle in the seconds after a write. Guards against
   * controllers that never settle.
   */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < 100; round++) {
        let changed = false;
        for (const c of this.controllers) if (c.reconcile()) changed = true;
        if (!changed) return;
      }
      throw new Error(`controllers did not settle after 100 rounds: ${this.controllers.map((c) => c.name).join(', ')}`);
    } finally {
      this.settling = false;
    }
  }

  /** Move the simulated clock and let controllers react (CrashLoopBackOff restarts, ...). */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.settle();
  }

  /**
   * Per-cluster state owned by one module (a DNS cache, the data plane's
   * compiled rules, a container's installed packages), created on first use.
   */
  ext<T>(key: string, make: (cluster: Cluster) => T): T {
    let v = this.extensions.get(key) as T | undefined;
    if (v === undefined) {
      v = make(this);
      this.extensions.set(key, v);
      this.makers.set(key, make as (cluster: Cluster) => unknown);
    }
    return v;
  }
}
