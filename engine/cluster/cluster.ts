/**
 * One simulated k3s cluster: its configuration, clock, random source and
 * object store, the API server in front of the store, the controllers that
 * reconcile after every write, and the container runtime. Every other part
 * of the engine (network, dns, kubectl) is a function of a Cluster.
 */
import { ObjectStore } from '../api/store.ts';
import { Clock, Random } from '../sim/index.ts';
import type { ClusterConfig } from './config.ts';

/** A controller looks at the store and makes changes; it returns true when it changed something. */
export interface Controller {
  readonly name: string;
  reconcile(): boolean;
}

export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: ObjectStore;
  private readonly controllers: Controller[] = [];
  private readonly extensions = new Map<string, unknown>();
  private settling = false;

  constructor(readonly config: ClusterConfig, startIso?: string) {
    this.clock = new Clock(startIso);
    this.random = new Random(config.seed);
    this.store = new ObjectStore(this.clock, this.random);
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
    }
    return v;
  }
}
