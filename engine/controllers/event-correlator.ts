/**
 * client-go's EventCorrelator (tools/record/events_cache.go) over the
 * Events of one involved object: the aggregator, the spam filter and the
 * de-duplication key, as functions over the object's record. The
 * recorder (events.ts) stores what they decide.
 */
import type { KObject } from '../api/object.ts';
import { LazyObject } from '../api/store.ts';
import type { EventSource } from './events.ts';

/**
 * One Event as stored: the fields the correlator compares, built into the
 * core/v1 Event kubectl reads only when something reads it (the store's
 * LazyObject). Immutable: a repeat stores a next version.
 */
export class StoredEvent extends LazyObject {
  get kind(): string {
    return 'Event';
  }

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly involved: Record<string, unknown>,
    readonly reason: string,
    readonly message: string,
    readonly source: Readonly<EventSource>,
    readonly type: string,
    /** firstTimestamp and lastTimestamp, RFC 3339. */
    readonly first: string,
    readonly last: string,
    readonly count: number,
  ) {
    super();
  }

  /** The next version: one more occurrence at `last`, with `message` (an aggregate's latest). */
  repeated(last: string, message: string): StoredEvent {
    const next = new StoredEvent(this.name, this.namespace, this.involved, this.reason, message, this.source, this.type, this.first, last, this.count + 1);
    next.uidVersion = this.uidVersion;
    return next;
  }

  get fieldPath(): string {
    return (this.involved.fieldPath as string | undefined) ?? '';
  }

  build(uid: string, resourceVersion: string): KObject {
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.name, namespace: this.namespace, creationTimestamp: this.first, uid, resourceVersion },
      involvedObject: this.involved,
      reason: this.reason,
      message: this.message,
      source: this.source,
      firstTimestamp: this.first,
      lastTimestamp: this.last,
      count: this.count,
      type: this.type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
  }
}

export interface ObjectEvents {
  /** The object's Events as last stored. */
  events: StoredEvent[];
  /** state.deletions when `events` was last checked against the store. */
  checked: number;
  /** Writes (new Events and repeats) so far, until the 25th. */
  writes: number;
  /** The spam filter's token bucket per source, [source, tokens, last time], from the 25th write on. */
  spam?: Array<[Readonly<EventSource>, number, number]>;
  /** The aggregator's records per (source, type, reason), once a second message shows up. */
  groups?: Map<string, { keys: Set<string>; last: number }>;
}

/**
 * client-go's EventCorrelator defaults (tools/record/events_cache.go): a
 * source may write 25 Events about an object, then one per 5 minutes; the
 * 10th distinct message with the same (source, object, type, reason) within
 * 10 minutes starts one aggregate Event, "(combined from similar events): …",
 * whose count grows instead.
 */
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
export const AGGREGATE_PREFIX = '(combined from similar events): ';

/** Is `e` about the same (source, object, type, reason) as a new Event: the aggregator's group? */
function sameGroup(e: StoredEvent, source: Readonly<EventSource>, type: string, reason: string): boolean {
  return e.type === type && e.reason === reason && sameSource(e.source, source);
}

export const sameSource = (a: EventSource, b: EventSource) => a === b || (a.component === b.component && (a.host ?? '') === (b.host ?? ''));

/** getEventKey's fields beyond the group's: the same field path and message. */
function sameKey(e: StoredEvent, fieldPath: string, message: string): boolean {
  return e.message === message && e.fieldPath === fieldPath;
}

export const isAggregate = (e: StoredEvent) => e.message.startsWith(AGGREGATE_PREFIX);

/**
 * The spam filter (EventSourceObjectSpamFilter): a token bucket of 25 per
 * source and object, refilled one per 5 minutes on the simulated clock.
 * Until the object's 25th write no source can have run dry, so buckets
 * (memory per object: 150,000 pods at scale) are made only past that.
 */
export function spamAllows(rec: ObjectEvents, source: Readonly<EventSource>, at: number): boolean {
  if (!rec.spam) {
    if (rec.writes < SPAM_BURST) {
      rec.writes++;
      return true;
    }
    rec.spam = [];
  }
  let bucket = rec.spam.find((b) => sameSource(b[0], source));
  if (!bucket) rec.spam.push((bucket = [source, startingTokens(rec, source, at), at]));
  const tokens = Math.min(SPAM_BURST, bucket[1] + (Math.max(0, at - bucket[2]) / 1000) * SPAM_QPS);
  bucket[2] = at;
  if (tokens < 1) {
    bucket[1] = tokens;
    return false;
  }
  bucket[1] = tokens - 1;
  return true;
}

/**
 * A source's tokens when its bucket is first needed: 25, less its writes so
 * far (its Events' counts), plus the refill since its first one. Exact
 * while the bucket never sat full after that first write (writes come
 * faster than one per 5 minutes: a crash loop, a controller's burst).
 */
export function startingTokens(rec: ObjectEvents, source: EventSource, at: number): number {
  let writes = 0;
  let first = at;
  for (const e of rec.events) {
    if (!sameSource(e.source, source)) continue;
    writes += e.count;
    first = Math.min(first, Date.parse(e.first));
  }
  return Math.min(SPAM_BURST, SPAM_BURST - writes + (Math.max(0, at - first) / 1000) * SPAM_QPS);
}

/** The group's Events found in one pass: how many, the one with the same key, the aggregate. */
export interface GroupScan {
  size: number;
  first?: StoredEvent;
  same?: StoredEvent;
  aggregate?: StoredEvent;
}

export function scanGroup(events: StoredEvent[], source: Readonly<EventSource>, type: string, reason: string, fieldPath: string, message: string): GroupScan {
  const g: GroupScan = { size: 0 };
  for (const e of events) {
    if (!sameGroup(e, source, type, reason)) continue;
    g.size++;
    g.first ??= e;
    if (isAggregate(e)) g.aggregate = e;
    else if (!g.same && sameKey(e, fieldPath, message)) g.same = e;
  }
  return g;
}

/**
 * The aggregator (EventAggregate): does this message make its group
 * aggregate? The message set is kept only once a group has two messages;
 * before, the group's one stored Event is the record.
 */
export function aggregates(rec: ObjectEvents, scan: GroupScan, source: Readonly<EventSource>, type: string, reason: string, message: string, at: number): boolean {
  if (scan.size === 0 && !rec.groups) return false;
  const key = `${source.component}\u0000${source.host ?? ''}\u0000${type}\u0000${reason}`;
  let g = rec.groups?.get(key);
  if (!g) {
    if (scan.size === 0 || (scan.size === 1 && scan.first!.message === message && !isAggregate(scan.first!))) return false;
    const group = rec.events.filter((e) => sameGroup(e, source, type, reason));
    const last = Math.max(...group.map((e) => Date.parse(e.last)));
    g = { keys: new Set(group.filter((e) => !isAggregate(e)).map((e) => e.message)), last };
    (rec.groups ??= new Map()).set(key, g);
  }
  if (at - g.last > AGGREGATE_INTERVAL_MS) g.keys = new Set();
  g.keys.add(message);
  g.last = at;
  if (g.keys.size < AGGREGATE_MAX_EVENTS) return false;
  // "do not grow our local key set any larger than max" (Go pops any; the oldest here)
  g.keys.delete(g.keys.values().next().value!);
  return true;
}
