/**
 * The object store: what the API server and etcd are to a real cluster.
 * It keeps objects by kind, namespace and name, stamps uid, resourceVersion
 * and creationTimestamp, indexes labels, and records every change so that
 * controllers reconcile only what changed (kube-proxy's change trackers).
 *
 * It does no admission: engine/api/admission decides what may be written.
 * Callers treat returned objects as read-only and write through update().
 */
import type { Clock } from '../sim/index.ts';
import { Random } from '../sim/index.ts';
import { copyState } from '../cluster/clone.ts';
import { kindInfo } from './kinds.ts';
import { matchesLabelSelector, objectKey, type KObject, type LabelSelector } from './object.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  kind: string;
  namespace?: string;
  name: string;
  old?: KObject;
  obj?: KObject;
}

export type ChangeListener = (change: Change) => void;

export class StoreError extends Error {
  constructor(
    readonly reason: 'AlreadyExists' | 'NotFound' | 'Conflict' | 'BadRequest',
    readonly kind: string,
    readonly objName: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A stored object built when first read. Events are stored so: five per
 * pod, 750,000 at scale, and hardly any ever read (kubectl describe and get
 * events read a few). The store stamps its resourceVersion when it stores
 * it; build() makes the object as it would have been stored, and the store
 * keeps the built object from then on. Never mutated once stored.
 */
export abstract class LazyObject {
  /** Set by the store: the resourceVersion of this version. */
  resourceVersion = 0;
  /**
   * The resourceVersion the object was created with, its uid's seed: set by
   * createLazy(); a next version (replaceLazy) carries it over.
   */
  uidVersion = 0;
  abstract readonly kind: string;
  abstract readonly name: string;
  abstract readonly namespace: string;
  abstract build(uid: string, resourceVersion: string): KObject;
}

type Bucket = Map<string, KObject | LazyObject>; // name -> object, one per namespace ('' when cluster-scoped)

/** The Change of a LazyObject: `obj` and `old` are built only if a watcher reads them (none does for Events). */
class LazyChange implements Change {
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  private built?: KObject;
  private builtOld?: KObject;

  constructor(
    private readonly store: ObjectStore,
    readonly type: ChangeType,
    private readonly bucket: Bucket,
    private readonly lazy: LazyObject,
    private readonly oldRaw: KObject | LazyObject | undefined,
  ) {
    this.kind = lazy.kind;
    this.namespace = lazy.namespace || undefined;
    this.name = lazy.name;
  }

  get obj(): KObject {
    return (this.built ??= this.store.buildLazy(this.bucket, this.lazy));
  }

  get old(): KObject | undefined {
    const o = this.oldRaw;
    return o instanceof LazyObject ? (this.builtOld ??= this.store.buildLazy(this.bucket, o)) : o;
  }
}

export class ObjectStore {
  private readonly kinds = new Map<string, Map<string, Bucket>>();
  /** kind -> namespace -> 'key=value' -> names */
  private readonly labelIndex = new Map<string, Map<string, Map<string, Set<string>>>>();
  private readonly listeners: Array<{ listener: ChangeListener; kinds?: ReadonlySet<string> }> = [];
  /** kind -> the listeners that watch it, in subscription order (rebuilt after onChange/unsubscribe). */
  private byKind = new Map<string, ChangeListener[]>();
  private readonly uidRandom: Random;
  private rv = 1000;

  constructor(
    private readonly clock: Clock,
    random: Random,
    /** Cluster.clone(): the uid stream continues where the original's is. */
    uidRandom?: Random,
  ) {
    this.uidRandom = uidRandom ?? random.fork('uid');
  }

  /**
   * A copy for Cluster.clone(): the same objects (shared: they are never
   * mutated in place), indexes and resourceVersion counter, the uid stream
   * at the same point, and no listeners (the clone's modules subscribe).
   */
  clone(clock: Clock, random: Random): ObjectStore {
    const s = new ObjectStore(clock, random, copyState(this.uidRandom));
    s.rv = this.rv;
    for (const [kind, byNs] of this.kinds) {
      const m = new Map<string, Bucket>();
      for (const [ns, bucket] of byNs) m.set(ns, new Map(bucket));
      s.kinds.set(kind, m);
    }
    for (const [kind, byNs] of this.labelIndex) {
      const m = new Map<string, Map<string, Set<string>>>();
      for (const [ns, idx] of byNs) {
        const i = new Map<string, Set<string>>();
        for (const [key, names] of idx) i.set(key, new Set(names));
        m.set(ns, i);
      }
      s.labelIndex.set(kind, m);
    }
    return s;
  }

  /** How many modules watch this store (Cluster.clone() checks its copy has as many). */
  get listenerCount(): number {
    return this.listeners.length;
  }

  /**
   * Subscribe to changes; with `kinds`, only to changes of those kinds (a
   * busy store then skips the listeners that would ignore the change).
   * Listeners run in subscription order either way.
   */
  onChange(listener: ChangeListener, kinds?: readonly string[]): () => void {
    const entry = { listener, kinds: kinds ? new Set(kinds) : undefined };
    this.listeners.push(entry);
    this.byKind = new Map();
    return () => {
      const i = this.listeners.indexOf(entry);
      if (i >= 0) this.listeners.splice(i, 1);
      this.byKind = new Map();
    };
  }

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const bucket = this.kinds.get(kind)?.get(namespace ?? '');
    const v = bucket?.get(name);
    return v instanceof LazyObject ? this.materialize(bucket!, v) : v;
  }

  /** Is there such an object? (Builds nothing.) */
  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.kinds.get(kind)?.get(namespace ?? '')?.has(name) ?? false;
  }

  /** Objects of a kind, in one namespace or (namespace undefined) all, in creation order per namespace. */
  list(kind: string, namespace?: string): KObject[] {
    const byNs = this.kinds.get(kind);
    if (!byNs) return [];
    const out: KObject[] = [];
    const add = (bucket: Bucket) => {
      for (const o of bucket.values()) out.push(o instanceof LazyObject ? this.materialize(bucket, o) : o);
    };
    if (namespace !== undefined) {
      const bucket = byNs.get(namespace);
      if (bucket) add(bucket);
      return out;
    }
    for (const bucket of byNs.values()) add(bucket);
    return out;
  }

  count(kind: string, namespace?: string): number {
    const byNs = this.kinds.get(kind);
    if (!byNs) return 0;
    if (namespace !== undefined) return byNs.get(namespace)?.size ?? 0;
    let n = 0;
    for (const b of byNs.values()) n += b.size;
    return n;
  }

  /** Objects in `namespace` whose labels carry `key=value`, through the label index. */
  byLabel(kind: string, namespace: string, key: string, value: string): KObject[] {
    const names = this.labelIndex.get(kind)?.get(namespace)?.get(`${key}=${value}`);
    if (!names) return [];
    const bucket = this.kinds.get(kind)?.get(namespace);
    return [...names].map((n) => bucket!.get(n) as KObject);
  }

  /**
   * Objects in `namespace` matching an equality selector map (a Service's
   * spec.selector) or a LabelSelector. Uses the smallest label-index set
   * when there is a matchLabels term, else scans the namespace.
   */
  select(kind: string, namespace: string, selector: Record<string, string> | LabelSelector): KObject[] {
    const sel: LabelSelector = 'matchLabels' in selector || 'matchExpressions' in selector
      ? (selector as LabelSelector)
      : { matchLabels: selector as Record<string, string> };
    const terms = Object.entries(sel.matchLabels ?? {});
    let candidates: KObject[];
    if (terms.length > 0) {
      let best: Set<string> | undefined;
      for (const [k, v] of terms) {
        const s = this.labelIndex.get(kind)?.get(namespace)?.get(`${k}=${v}`);
        if (!s) return [];
        if (!best || s.size < best.size) best = s;
      }
      const bucket = this.kinds.get(kind)?.get(namespace);
      candidates = [...best!].map((n) => bucket!.get(n) as KObject);
    } else {
      candidates = this.list(kind, namespace);
    }
    return candidates.filter((o) => matchesLabelSelector(o.metadata.labels, sel));
  }

  /** Store a new object. Stamps uid, resourceVersion and creationTimestamp (unless already set, as for a fixture). */
  create(obj: KObject): KObject {
    return this.insert({ ...obj, metadata: { ...obj.metadata } });
  }

  /**
   * create() for an object the caller built for the store and drops: it is
   * stored as it is (its metadata stamped in place), without the copy
   * create() makes. The API server's admitted copies take this path (a
   * pod per pod at scale; Events are stored lazily: createLazy).
   */
  createOwned(obj: KObject): KObject {
    return this.insert(obj);
  }

  private insert(stored: KObject): KObject {
    const ns = this.namespaceOf(stored);
    const bucket = this.bucket(stored.kind, ns);
    const meta = stored.metadata;
    const name = meta.name;
    if (bucket.has(name)) {
      throw new StoreError('AlreadyExists', stored.kind, name, `${stored.kind} "${name}" already exists`);
    }
    if (ns) meta.namespace = ns;
    meta.uid ??= this.newUid();
    meta.resourceVersion = String(++this.rv);
    meta.creationTimestamp ??= this.clock.nowIso();
    bucket.set(name, stored);
    this.indexLabels(stored, ns, true);
    this.emit({ type: 'ADDED', kind: stored.kind, namespace: ns || undefined, name, obj: stored });
    return stored;
  }

  /** Replace an existing object; bumps resourceVersion. uid and creationTimestamp are kept. */
  update(obj: KObject): KObject {
    return this.replace({ ...obj });
  }

  /** update() for an object the caller built for the store and drops (see createOwned): stored without the outer copy. */
  updateOwned(obj: KObject): KObject {
    return this.replace(obj);
  }

  private replace(stored: KObject): KObject {
    const ns = this.namespaceOf(stored);
    const bucket = this.bucket(stored.kind, ns);
    const name = stored.metadata.name;
    const raw = bucket.get(name);
    if (!raw) throw new StoreError('NotFound', stored.kind, name, `${stored.kind} "${name}" not found`);
    const old = raw instanceof LazyObject ? this.materialize(bucket, raw) : raw;
    // A new metadata object: the caller's may be the old version's, shared.
    stored.metadata = {
      ...stored.metadata,
      ...(ns ? { namespace: ns } : {}),
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      resourceVersion: String(++this.rv),
    };
    // Status writes keep the labels object: the index then needs no work.
    const relabel = old.metadata.labels !== stored.metadata.labels;
    if (relabel) this.indexLabels(old, ns, false);
    bucket.set(name, stored);
    if (relabel) this.indexLabels(stored, ns, true);
    this.emit({ type: 'MODIFIED', kind: stored.kind, namespace: ns || undefined, name, old, obj: stored });
    return stored;
  }

  /**
   * Store a LazyObject as a new object (AlreadyExists as create()). Its
   * watchers' Change builds the object only if a watcher reads `obj`. It is
   * not label-indexed: only kinds without labels (Events) are stored so.
   */
  createLazy(lazy: LazyObject): void {
    const bucket = this.bucket(lazy.kind, lazy.namespace);
    if (bucket.has(lazy.name)) throw new StoreError('AlreadyExists', lazy.kind, lazy.name, `${lazy.kind} "${lazy.name}" already exists`);
    lazy.resourceVersion = ++this.rv;
    lazy.uidVersion = lazy.resourceVersion;
    // Frozen once stamped: Cluster.clone() then shares it, as it shares stored objects.
    Object.freeze(lazy);
    bucket.set(lazy.name, lazy);
    this.emitLazy('ADDED', bucket, lazy, undefined);
  }

  /** Replace an existing object with a LazyObject's next version (its uid and creation time are the LazyObject's to keep). */
  replaceLazy(lazy: LazyObject): void {
    const bucket = this.bucket(lazy.kind, lazy.namespace);
    const raw = bucket.get(lazy.name);
    if (!raw) throw new StoreError('NotFound', lazy.kind, lazy.name, `${lazy.kind} "${lazy.name}" not found`);
    lazy.resourceVersion = ++this.rv;
    Object.freeze(lazy);
    bucket.set(lazy.name, lazy);
    this.emitLazy('MODIFIED', bucket, lazy, raw);
  }

  /**
   * A lazily built object's uid: drawn from the store's seed and the
   * resourceVersion it was created with, so the order objects are read in
   * never changes any uid.
   */
  private lazyUid(lazy: LazyObject): string {
    return uuidFrom(new Random(`${this.uidRandom.seed}/lazy/${lazy.uidVersion}`));
  }

  private materialize(bucket: Bucket, lazy: LazyObject): KObject {
    const o = lazy.build(this.lazyUid(lazy), String(lazy.resourceVersion));
    if (bucket.get(lazy.name) === lazy) bucket.set(lazy.name, o);
    return o;
  }

  private emitLazy(type: ChangeType, bucket: Bucket, lazy: LazyObject, oldRaw: KObject | LazyObject | undefined): void {
    this.emit(new LazyChange(this, type, bucket, lazy, oldRaw));
  }

  /** LazyChange's way in: the object of a LazyObject, built (and kept when it is still the stored version). */
  buildLazy(bucket: Bucket, lazy: LazyObject): KObject {
    return bucket.get(lazy.name) === lazy ? this.materialize(bucket, lazy) : lazy.build(this.lazyUid(lazy), String(lazy.resourceVersion));
  }

  delete(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const ns = kindInfo(kind)?.namespaced === false ? '' : (namespace ?? '');
    const bucket = this.kinds.get(kind)?.get(ns);
    const raw = bucket?.get(name);
    if (!raw) return undefined;
    const old = raw instanceof LazyObject ? this.materialize(bucket!, raw) : raw;
    bucket!.delete(name);
    this.indexLabels(old, ns, false);
    this.emit({ type: 'DELETED', kind, namespace: ns || undefined, name, old });
    return old;
  }

  /** Namespaces that hold at least one object of `kind`. */
  namespacesOf(kind: string): string[] {
    return [...(this.kinds.get(kind)?.keys() ?? [])].filter((ns) => (this.kinds.get(kind)?.get(ns)?.size ?? 0) > 0);
  }

  /** currentResourceVersion() as a number: a check per DNS query compares it without making a string. */
  get resourceVersionNumber(): number {
    return this.rv;
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  private namespaceOf(obj: KObject): string {
    const info = kindInfo(obj.kind);
    if (info && !info.namespaced) return '';
    return obj.metadata.namespace ?? 'default';
  }

  private bucket(kind: string, ns: string): Bucket {
    let byNs = this.kinds.get(kind);
    if (!byNs) this.kinds.set(kind, (byNs = new Map()));
    let bucket = byNs.get(ns);
    if (!bucket) byNs.set(ns, (bucket = new Map()));
    return bucket;
  }

  private indexLabels(obj: KObject, ns: string, add: boolean): void {
    const labels = obj.metadata.labels;
    if (!labels) return;
    let byNs = this.labelIndex.get(obj.kind);
    if (!byNs) this.labelIndex.set(obj.kind, (byNs = new Map()));
    let idx = byNs.get(ns);
    if (!idx) byNs.set(ns, (idx = new Map()));
    for (const [k, v] of Object.entries(labels)) {
      const key = `${k}=${v}`;
      let set = idx.get(key);
      if (add) {
        if (!set) idx.set(key, (set = new Set()));
        set.add(obj.metadata.name);
      } else if (set) {
        set.delete(obj.metadata.name);
        if (set.size === 0) idx.delete(key);
      }
    }
  }

  private emit(change: Change): void {
    let ls = this.byKind.get(change.kind);
    if (!ls) {
      ls = this.listeners.filter((e) => !e.kinds || e.kinds.has(change.kind)).map((e) => e.listener);
      this.byKind.set(change.kind, ls);
    }
    for (const l of ls) l(change);
  }

  /** A random (v4-shaped) UUID from the seeded source. */
  private newUid(): string {
    return uuidFrom(this.uidRandom);
  }
}

/** A v4-shaped UUID drawn from `r`. */
function uuidFrom(r: Random): string {
  // The same draws as before this was inlined: int(0, 3) for the variant
  // first, then string(8, hex), string(4, hex), string(3, hex),
  // string(3, hex), string(12, hex). 16 and 4 divide 2^32, so each is one
  // draw modulo the span, never rejected. One pass into one flat string
  // (a uid per object: 750,000 at scale).
  const codes = UID_CODES;
  const variant = VARIANT.charCodeAt(r.nextUint32() % 4);
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) codes[i] = 45; // '-'
    else if (i === 14) codes[i] = 52; // '4'
    else if (i === 19) codes[i] = variant;
    else codes[i] = HEX.charCodeAt(r.nextUint32() % 16);
  }
  return String.fromCharCode.apply(null, codes);
}

const HEX = '0123456789abcdef';
const VARIANT = '89ab';
/** newUid's scratch buffer (the store runs on one thread). */
const UID_CODES: number[] = new Array<number>(36).fill(0);

export { objectKey };
