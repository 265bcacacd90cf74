/**
 * Tables for Node, Namespace, Event, ConfigMap, Secret, ServiceAccount:
 * ports of the matching print* functions in kubernetes
 * pkg/printers/internalversion/printers.go (v1.33).
 */
import type { Node, Namespace, Event, ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1.js';
import { nodeAddress, type KObject } from '../../../api/object.ts';
import { translateTimestampSince } from '../duration.ts';
import { NONE, sortedUnique, type Column } from './common.ts';

export const nodeColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Status' },
  { name: 'Roles' },
  { name: 'Age' },
  { name: 'Version' },
  { name: 'Internal-IP', wide: true },
  { name: 'External-IP', wide: true },
  { name: 'OS-Image', wide: true },
  { name: 'Kernel-Version', wide: true },
  { name: 'Container-Runtime', wide: true },
];

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles: string[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.push(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.push(v);
    }
  }
  return sortedUnique(roles);
}

/** The STATUS cell: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // Only the Ready condition is reported (NodeAllConditions); the last one of a type wins.
  let ready: { status?: string } | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === 'Ready') ready = c;
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export function nodeRow(obj: KObject, now: number): string[] {
  const node = obj as unknown as Node;
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name ?? '',
    nodeStatus(node),
    nodeRoles(node.metadata?.labels).join(',') || NONE,
    translateTimestampSince(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    nodeAddress(obj, 'InternalIP') ?? NONE,
    nodeAddress(obj, 'ExternalIP') ?? NONE,
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

export const namespaceColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Status' }, { name: 'Age' }];

export function namespaceRow(obj: KObject, now: number): string[] {
  const ns = obj as unknown as Namespace;
  return [ns.metadata?.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata?.creationTimestamp, now)];
}

export const eventColumns: readonly Column[] = [
  { name: 'Last Seen' },
  { name: 'Type' },
  { name: 'Reason' },
  { name: 'Object' },
  { name: 'Subobject', wide: true },
  { name: 'Source', wide: true },
  { name: 'Message' },
  { name: 'First Seen', wide: true },
  { name: 'Count', wide: true },
  { name: 'Name', wide: true, format: 'name' },
];

/** formatEventSource: component (or reportingController), then `, host` (or reportingInstance). */
export function formatEventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export function eventRow(obj: KObject, now: number): string[] {
  const ev = obj as unknown as Event;
  let first = translateTimestampSince(ev.firstTimestamp, now);
  if (!ev.firstTimestamp) first = translateTimestampSince(ev.eventTime, now);
  let last = ev.lastTimestamp ? translateTimestampSince(ev.lastTimestamp, now) : first;
  let count = ev.count ?? 0;
  if (ev.series) {
    last = translateTimestampSince(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events of the new API have no count
  }
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  const target = ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
  return [
    last,
    ev.type ?? '',
    ev.reason ?? '',
    target,
    ev.involvedObject?.fieldPath ?? '',
    formatEventSource(ev),
    (ev.message ?? '').trim(),
    first,
    String(count),
    ev.metadata?.name ?? '',
  ];
}

export const configMapColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Data' }, { name: 'Age' }];

export function configMapRow(obj: KObject, now: number): string[] {
  const cm = obj as unknown as ConfigMap;
  const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata?.name ?? '', String(n), translateTimestampSince(cm.metadata?.creationTimestamp, now)];
}

export const secretColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }];

export function secretRow(obj: KObject, now: number): string[] {
  const s = obj as unknown as Secret;
  return [s.metadata?.name ?? '', s.type ?? '', String(Object.keys(s.data ?? {}).length), translateTimestampSince(s.metadata?.creationTimestamp, now)];
}

export const serviceAccountColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Secrets' }, { name: 'Age' }];

export function serviceAccountRow(obj: KObject, now: number): string[] {
  const sa = obj as unknown as ServiceAccount;
  return [sa.metadata?.name ?? '', String((sa.secrets ?? []).length), translateTimestampSince(sa.metadata?.creationTimestamp, now)];
}
