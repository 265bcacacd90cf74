/**
 * `kubectl get pods`: a port of printPod in kubernetes
 * pkg/printers/internalversion/printers.go (v1.33): READY counts, the STATUS
 * reason (Init:…, CrashLoopBackOff, Completed, Terminating…) and RESTARTS
 * with the `(5m ago)` suffix.
 */
import type { Pod, ContainerStatus, Container, PodCondition } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../../api/object.ts';
import { translateTimestampSince, parseTimestamp } from '../duration.ts';
import { NONE, type Column } from './common.ts';

export const podColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', wide: true },
  { name: 'Node', wide: true },
  { name: 'Nominated Node', wide: true },
  { name: 'Readiness Gates', wide: true },
];

/** podutil.IsRestartableInitContainer: a sidecar (`restartPolicy: Always` on an init container). */
function isRestartable(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(conds: readonly PodCondition[] | undefined, type: string): boolean {
  return (conds ?? []).some((c) => c.type === type && c.status === 'True');
}

/** The latest lastState.terminated.finishedAt seen so far (0 = Go's zero time). */
function laterFinish(current: number, s: ContainerStatus): number {
  const t = parseTimestamp(s.lastState?.terminated?.finishedAt);
  return t !== undefined && t > current ? t : current;
}

interface Progress { reason: string; ready: number; restarts: number; lastRestart: number }

/** The init-container pass: returns whether the pod is still initializing. */
function scanInitContainers(pod: Pod, p: Progress, sidecar: Progress): boolean {
  const spec = pod.spec?.initContainers ?? [];
  const byName = new Map(spec.map((c) => [c.name, c]));
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i]!;
    const restartable = isRestartable(byName.get(c.name));
    p.restarts += c.restartCount ?? 0;
    p.lastRestart = laterFinish(p.lastRestart, c);
    if (restartable) {
      sidecar.restarts += c.restartCount ?? 0;
      sidecar.lastRestart = laterFinish(sidecar.lastRestart, c);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && c.started) {
      if (c.ready) p.ready++;
      continue;
    }
    if (term) {
      if (!term.reason) p.reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else p.reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      p.reason = `Init:${waiting.reason}`;
    } else {
      p.reason = `Init:${i}/${spec.length}`;
    }
    return true;
  }
  return false;
}

/** The regular-container pass, last container first as printers.go walks them. */
function scanContainers(pod: Pod, p: Progress): void {
  const statuses = pod.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    p.restarts += c.restartCount ?? 0;
    p.lastRestart = laterFinish(p.lastRestart, c);
    const waiting = c.state?.waiting;
    const term = c.state?.terminated;
    if (waiting?.reason) p.reason = waiting.reason;
    else if (term?.reason) p.reason = term.reason;
    else if (term) p.reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
    else if (c.ready && c.state?.running) {
      hasRunning = true;
      p.ready++;
    }
  }
  // A pod with one container still running is not "Completed".
  if (p.reason === 'Completed' && hasRunning) p.reason = hasCondition(pod.status?.conditions, 'Ready') ? 'Running' : 'NotReady';
}

function podStatusCells(pod: Pod, now: number): { ready: string; reason: string; restarts: string } {
  const phase = pod.status?.phase ?? '';
  let reason = pod.status?.reason || phase;
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  let total = pod.spec?.containers?.length ?? 0;
  total += (pod.spec?.initContainers ?? []).filter(isRestartable).length;
  const p: Progress = { reason, ready: 0, restarts: 0, lastRestart: 0 };
  const sidecar: Progress = { reason, ready: 0, restarts: 0, lastRestart: 0 };
  const initializing = scanInitContainers(pod, p, sidecar);
  if (!initializing || hasCondition(pod.status?.conditions, 'Initialized')) {
    p.restarts = sidecar.restarts;
    p.lastRestart = sidecar.lastRestart;
    scanContainers(pod, p);
  }
  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && pod.status?.reason === 'NodeLost') p.reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') p.reason = 'Terminating';
  let restarts = String(p.restarts);
  if (p.restarts !== 0 && p.lastRestart !== 0) restarts = `${p.restarts} (${translateTimestampSince(new Date(p.lastRestart).toISOString(), now)} ago)`;
  return { ready: `${p.ready}/${total}`, reason: p.reason, restarts };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  let trueConditions = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

/** Every cell of a pod's row (wide ones included). */
export function podRow(obj: KObject, now: number): string[] {
  const pod = obj as unknown as Pod;
  const { ready, reason, restarts } = podStatusCells(pod, now);
  const ip = pod.status?.podIPs?.[0]?.ip || NONE;
  return [
    pod.metadata?.name ?? '',
    ready,
    reason,
    restarts,
    translateTimestampSince(pod.metadata?.creationTimestamp, now),
    ip,
    pod.spec?.nodeName || NONE,
    pod.status?.nominatedNodeName || NONE,
    readinessGates(pod),
  ];
}
