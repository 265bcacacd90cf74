/**
 * Events as client-go's recorder writes them (core/v1 Event, the form
 * `kubectl describe` and `kubectl get events` read), through its
 * EventCorrelator (event-correlator.ts): repeats raise a count (`BackOff
 * (x4 over 2m)`), the 10th distinct message of a reason becomes one
 * combined Event, a source past its budget for an object is dropped. The
 * store keeps each Event as a compact record and builds the object when read.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { toRfc3339 } from '../sim/index.ts';
import { AGGREGATE_PREFIX, SPAM_BURST, SPAM_QPS, StoredEvent, aggregates, sameSource, scanGroup, spamAllows, startingTokens, type ObjectEvents } from './event-correlator.ts';

export interface EventSource {
  component: string;
  /** The node name, for the kubelet. */
  host?: string;
}

export interface RecordOptions {
  /** When it happened (simulated ms); default: now. */
  at?: number;
  /** `spec.containers{nginx}` for container events. */
  fieldPath?: string;
}

interface EventState {
  seq: number;
  /**
   * What client-go's EventCorrelator remembers, per involved object (uid,
   * or kind/namespace/name without one): the object's stored Events (for
   * de-duplication and aggregation, compared field by field: no long key
   * string per Event, 750,000 of them at scale), the spam filter's token
   * buckets per source, and the aggregator's message sets, made only for
   * objects that need them.
   */
  byObject: Map<string, ObjectEvents>;
  /** The record used last, and its key. */
  lastKey?: string;
  lastRec?: ObjectEvents;
  /** Events deleted so far (a lab's `kubectl delete events`, a namespace going): records re-check theirs when it moves. */
  deletions: number;
  /**
   * The last involvedObject built, shared by the next Events about the same
   * object version and field path (a pod's Pulled, Created and Started):
   * stored objects are never mutated, and printers copy before writing.
   */
  lastInvolved?: { uid: string; resourceVersion: unknown; fieldPath: string; involved: Record<string, unknown> };
  /**
   * The last message stored per reason: consecutive pods' `Created container:
   * web` share one string. Cheaper than interning every message (hashing
   * 750,000 mostly unique strings).
   */
  lastMessage: Map<string, string>;
}

/**
 * `at` (ms) × 10^6 + seq, in hex: Go's UnixNano() as client-go names an
 * Event, exact without BigInt (a few hundred thousand per build at scale).
 * Split at 2^24: at = high·2^24 + low, so both products stay below 2^53.
 */
export function nanosHex(at: number, seq: number): string {
  const high = Math.floor(at / 0x1000000);
  const low = at - high * 0x1000000;
  const l = low * 1_000_000 + seq;
  const carry = Math.floor(l / 0x1000000);
  const bottom = (l - carry * 0x1000000).toString(16);
  // The top digits change only with `at` and the carry: V8 prints doubles in hex slowly, so once per (at, carry).
  if (lastTop.at !== at || lastTop.carry !== carry) {
    const top = high * 1_000_000 + carry;
    lastTop = { at, carry, hex: top > 0 ? top.toString(16) : '' };
  }
  return lastTop.hex === '' ? bottom : lastTop.hex + bottom.padStart(6, '0');
}
let lastTop = { at: NaN, carry: NaN, hex: '' };

/** toRfc3339 of the last timestamp asked: a controller's pass records many Events at one instant. */
let lastTs = { at: NaN, text: '' };
function rfc3339(at: number): string {
  if (lastTs.at !== at) lastTs = { at, text: toRfc3339(at) };
  return lastTs.text;
}

/** The `source` objects, shared by every Event of one (component, host): stored objects are never mutated. */
const sources = new Map<string, Map<string, Readonly<EventSource>>>();
function sourceOf(source: EventSource): Readonly<EventSource> {
  let byHost = sources.get(source.component);
  if (!byHost) sources.set(source.component, (byHost = new Map()));
  const host = source.host ?? '';
  let s = byHost.get(host);
  if (!s) byHost.set(host, (s = source.host ? { component: source.component, host: source.host } : { component: source.component }));
  return s;
}

/** `message`, or the equal string stored for the previous Event of this reason. */
function sharedMessage(state: EventState, reason: string, message: string): string {
  const last = state.lastMessage.get(reason);
  if (last === message) return last;
  const flat = flatString(message);
  state.lastMessage.set(reason, flat);
  return flat;
}

const FLATTEN = /^/;
/**
 * The same string, flattened. Template literals leave a tree of cons-string
 * cells (32 bytes per part) that a stored Event would keep alive; running a
 * regular expression over a string makes V8 flatten it in place, and the
 * garbage collector then drops the cells (about 1 KB per pod at scale).
 */
export function flatString(s: string): string {
  if (s.length >= 13) FLATTEN.test(s);
  return s;
}

/** One shared copy of each repeated string (field paths, image references). */
const interned = new Map<string, string>();
export function intern(s: string): string {
  let v = interned.get(s);
  if (v === undefined) {
    if (interned.size > 10_000) interned.clear();
    interned.set(s, (v = flatString(s)));
  }
  return v;
}

/** The involvedObject for an Event about `obj`, reused from the previous Event when it would be the same. */
function involvedObject(state: EventState, obj: KObject, fieldPath: string): Record<string, unknown> {
  const uid = obj.metadata.uid;
  const last = state.lastInvolved;
  if (uid && last && last.uid === uid && last.resourceVersion === obj.metadata.resourceVersion && last.fieldPath === fieldPath) return last.involved;
  const involved: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    resourceVersion: obj.metadata.resourceVersion,
    uid,
  };
  if (fieldPath) involved.fieldPath = intern(fieldPath);
  if (!obj.metadata.namespace) delete involved.namespace;
  if (uid) state.lastInvolved = { uid, resourceVersion: obj.metadata.resourceVersion, fieldPath, involved };
  return involved;
}

/**
 * Record one event about `obj`, through client-go's EventCorrelator: the
 * same event again raises its count; the 10th distinct message of one
 * reason becomes an aggregate; a source past its spam budget for the object
 * is dropped. Writes straight to the store (events take no admission).
 */
export function recordEvent(
  cluster: Cluster,
  obj: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  opts: RecordOptions = {},
): void {
  const state = eventState(cluster);
  const at = opts.at ?? cluster.clock.now();
  const ns = obj.metadata.namespace ?? 'default';
  const fieldPath = opts.fieldPath ?? '';
  const src = sourceOf(source);
  const objKey = recordKey(obj);
  // The kubelet records four Events about a pod in a row: the last record first, before the map (150,000 objects at scale).
  let rec = state.lastKey === objKey ? state.lastRec : state.byObject.get(objKey);
  if (!rec) state.byObject.set(objKey, (rec = { events: [], checked: state.deletions, writes: 0 }));
  state.lastKey = objKey;
  state.lastRec = rec;
  const scan = scanGroup(liveEvents(cluster, state, rec, ns), src, type, reason, fieldPath, message);
  const aggregate = aggregates(rec, scan, src, type, reason, message, at);
  const text = aggregate ? AGGREGATE_PREFIX + message : message;
  const existing = aggregate ? scan.aggregate : scan.same;
  if (!spamAllows(rec, src, at)) return;
  const ts = rfc3339(at);
  if (existing) {
    const next = existing.repeated(ts, text === existing.message ? existing.message : flatString(text));
    cluster.store.replaceLazy(next);
    rec.events[rec.events.indexOf(existing)] = next;
    return;
  }
  // client-go names events `<object>.<unix nanos in hex>`; the sequence keeps names unique within a tick.
  const name = flatString(`${obj.metadata.name}.${nanosHex(at, state.seq++)}`);
  // An aggregate's involvedObject is the new event's; its field path too.
  const involved = involvedObject(state, obj, fieldPath);
  const stored = new StoredEvent(name, ns, involved, reason, aggregate ? flatString(text) : sharedMessage(state, reason, message), src, type, ts, ts, 1);
  cluster.store.createLazy(stored);
  rec.events.push(stored);
}

/**
 * How many more Events `source` may write about `obj` now before the spam
 * filter drops them (25 at first): a controller about to record many in a
 * row skips building the ones that would be dropped.
 */
export function eventBudget(cluster: Cluster, obj: KObject, source: EventSource, at: number = cluster.clock.now()): number {
  const state = eventState(cluster);
  const rec = state.byObject.get(recordKey(obj));
  if (!rec) return SPAM_BURST;
  const bucket = rec.spam?.find((b) => sameSource(b[0], source));
  const tokens = bucket ? bucket[1] + (Math.max(0, at - bucket[2]) / 1000) * SPAM_QPS : startingTokens(rec, source, at);
  return Math.max(0, Math.floor(Math.min(SPAM_BURST, tokens)));
}

/** The correlator's record of an object: by uid, or kind/namespace/name without one. */
const recordKey = (obj: KObject): string => obj.metadata.uid ?? `${obj.kind}\u0000${obj.metadata.namespace ?? 'default'}\u0000${obj.metadata.name}`;

function eventState(cluster: Cluster): EventState {
  return cluster.ext<EventState>('controllers.events', (c) => {
    const state: EventState = { seq: 0, byObject: new Map(), deletions: 0, lastMessage: new Map() };
    c.store.onChange((ch) => {
      if (ch.type === 'DELETED') state.deletions++;
    }, ['Event']);
    return state;
  });
}

/** The object's Events still in the store (a lab may delete Events): checked only after a deletion. */
function liveEvents(cluster: Cluster, state: EventState, rec: ObjectEvents, ns: string): StoredEvent[] {
  if (rec.checked === state.deletions) return rec.events;
  rec.checked = state.deletions;
  rec.events = rec.events.filter((e) => cluster.store.has('Event', ns, e.name));
  return rec.events;
}
