/**
 * Events as client-go's recorder writes them (core/v1 Event, the form
 * `kubectl describe` and `kubectl get events` read). Repeats of the same
 * (object, reason, message, source) are folded into one Event whose count
 * grows, as the recorder's EventCorrelator does; `BackOff (x4 over 2m)`
 * comes from that count.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { toRfc3339 } from '../sim/index.ts';

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
   * Event names per involved object (uid, or kind/namespace/name without
   * one). A repeat is found by comparing the few Events of that object
   * field by field, so no long per-Event key string is kept (750,000 Events
   * at scale).
   */
  byObject: Map<string, string[]>;
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

/** Is `e` the Event recorded earlier for the same (object, fieldPath, reason, message, source)? */
function sameSeries(e: KObject, obj: KObject, fieldPath: string, reason: string, message: string, source: EventSource): boolean {
  const inv = e.involvedObject as Record<string, unknown>;
  const src = e.source as EventSource;
  return e.reason === reason && e.message === message && (inv.fieldPath ?? '') === fieldPath &&
    src.component === source.component && (src.host ?? '') === (source.host ?? '') &&
    inv.kind === obj.kind && inv.name === obj.metadata.name && inv.uid === obj.metadata.uid;
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

/** Record one event about `obj`. Writes straight to the store (events take no admission). */
export function recordEvent(
  cluster: Cluster,
  obj: KObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  source: EventSource,
  opts: RecordOptions = {},
): void {
  const state = cluster.ext<EventState>('controllers.events', () => ({ seq: 0, byObject: new Map(), lastMessage: new Map() }));
  const at = opts.at ?? cluster.clock.now();
  const ts = rfc3339(at);
  const ns = obj.metadata.namespace ?? 'default';
  const objKey = obj.metadata.uid ?? `${obj.kind}\u0000${ns}\u0000${obj.metadata.name}`;
  const fieldPath = opts.fieldPath ?? '';
  let names = state.byObject.get(objKey);
  for (const n of names ?? []) {
    const existing = cluster.store.get('Event', ns, n);
    if (existing && sameSeries(existing, obj, fieldPath, reason, message, source)) {
      cluster.store.updateOwned({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: ts });
      return;
    }
  }
  // client-go names events `<object>.<unix nanos in hex>`; the sequence keeps names unique within a tick.
  const name = flatString(`${obj.metadata.name}.${(BigInt(at) * 1000000n + BigInt(state.seq++)).toString(16)}`);
  const involved = involvedObject(state, obj, fieldPath);
  cluster.store.createOwned({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns, creationTimestamp: ts },
    involvedObject: involved,
    reason,
    message: sharedMessage(state, reason, message),
    source: sourceOf(source),
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  });
  if (!names) state.byObject.set(objKey, (names = []));
  names.push(name);
}
