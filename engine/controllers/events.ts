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
  byKey: Map<string, string>;
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
  const state = cluster.ext<EventState>('controllers.events', () => ({ seq: 0, byKey: new Map() }));
  const at = opts.at ?? cluster.clock.now();
  const ts = toRfc3339(at);
  const ns = obj.metadata.namespace ?? 'default';
  const key = [obj.kind, ns, obj.metadata.name, obj.metadata.uid, opts.fieldPath ?? '', reason, message, source.component, source.host ?? ''].join('\u0000');
  const existingName = state.byKey.get(key);
  const existing = existingName ? cluster.store.get('Event', ns, existingName) : undefined;
  if (existing) {
    cluster.store.update({ ...existing, count: ((existing.count as number) ?? 1) + 1, lastTimestamp: ts });
    return;
  }
  // client-go names events `<object>.<unix nanos in hex>`; the sequence keeps names unique within a tick.
  const name = `${obj.metadata.name}.${(BigInt(at) * 1000000n + BigInt(state.seq++)).toString(16)}`;
  const involved: Record<string, unknown> = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    resourceVersion: obj.metadata.resourceVersion,
    uid: obj.metadata.uid,
  };
  if (opts.fieldPath) involved.fieldPath = opts.fieldPath;
  if (!obj.metadata.namespace) delete involved.namespace;
  cluster.store.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns, creationTimestamp: ts },
    involvedObject: involved,
    reason,
    message,
    source: source.host ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  });
  state.byKey.set(key, name);
}
