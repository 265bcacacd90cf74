/**
 * Pod status as the kubelet writes it (pkg/kubelet/status, kubelet_pods.go
 * generateAPIPodStatus): phase, conditions, containerStatuses, IPs.
 */
import type { KObject } from '../../api/object.ts';
import { toRfc3339 } from '../../sim/index.ts';
import { EMPTY_OBJECT } from '../../api/json.ts';
import type { ContainerPhase, ContainerRun } from './state.ts';

export interface PodRun {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  hostIP: string;
  podIP?: string;
  startTime: number;
  containers: ContainerRun[];
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** lastTransitionTime per condition type. */
  transitions: Record<string, number>;
}

function stateJson(p: ContainerPhase): Record<string, unknown> {
  switch (p.state) {
    case 'waiting':
      return { waiting: p.message ? { message: p.message, reason: p.reason } : { reason: p.reason } };
    case 'running':
      return { running: { startedAt: toRfc3339(p.startedAt) } };
    case 'terminated': {
      const t: Record<string, unknown> = { containerID: undefined, exitCode: p.exitCode, finishedAt: toRfc3339(p.finishedAt), reason: p.reason, startedAt: toRfc3339(p.startedAt) };
      if (p.message) t.message = p.message;
      return { terminated: t };
    }
  }
}

function containerStatus(c: ContainerRun): Record<string, unknown> {
  const state = stateJson(c.current);
  if (state.terminated && c.containerID) (state.terminated as Record<string, unknown>).containerID = `containerd://${c.containerID}`;
  else if (state.terminated) delete (state.terminated as Record<string, unknown>).containerID;
  const last = c.last ? stateJson(c.last) : EMPTY_OBJECT;
  if (last.terminated) {
    const t = last.terminated as Record<string, unknown>;
    if (c.containerID) t.containerID = `containerd://${c.containerID}`;
    else delete t.containerID;
  }
  const out: Record<string, unknown> = {};
  if (c.containerID) out.containerID = `containerd://${c.containerID}`;
  out.image = c.image;
  out.imageID = c.imageID ?? '';
  out.lastState = last;
  out.name = c.name;
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  out.started = c.started;
  out.state = state;
  return out;
}

export function allReady(run: PodRun): boolean {
  return run.containers.every((c) => c.ready);
}

/**
 * The last condition built per type. Pods started (or bound, by the
 * scheduler) in one pass share their conditions (same type, status, time,
 * reason): one frozen object for all of them rather than new ones per pod
 * and status write.
 */
const lastCondition = new Map<string, Readonly<Record<string, unknown>>>();

export function podCondition(type: string, status: string, at: string, reason?: string, message?: string): Readonly<Record<string, unknown>> {
  const last = lastCondition.get(type);
  if (last && last.status === status && last.lastTransitionTime === at && last.reason === reason && last.message === message) return last;
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: at, status, type };
  if (reason !== undefined) c.reason = reason;
  if (message !== undefined) c.message = message;
  lastCondition.set(type, Object.freeze(c));
  return c;
}

/** `hostIPs`, one frozen list per node address (every pod of a node has the same). */
const hostIpLists = new Map<string, ReadonlyArray<{ ip: string }>>();
function hostIPs(ip: string): ReadonlyArray<{ ip: string }> {
  let l = hostIpLists.get(ip);
  if (!l) {
    if (hostIpLists.size >= 10_000) hostIpLists.clear();
    hostIpLists.set(ip, (l = Object.freeze([Object.freeze({ ip })])));
  }
  return l;
}

/** Build `.status` from the kubelet's record; `prev` keeps the scheduler's PodScheduled condition. */
export function podStatus(run: PodRun, prev: KObject['status']): Record<string, unknown> {
  const t = (type: string) => toRfc3339(run.transitions[type] ?? run.startTime);
  const ready = allReady(run) && run.phase === 'Running';
  const done = run.phase === 'Succeeded' || run.phase === 'Failed';
  const scheduled = ((prev?.conditions ?? []) as Array<Record<string, unknown>>).find((c) => c.type === 'PodScheduled');
  const notReadyReason = done ? 'PodCompleted' : 'ContainersNotReady';
  const unready = () => `containers with unready status: [${run.containers.filter((x) => !x.ready).map((x) => x.name).join(' ')}]`;
  const cond = (type: string, status: boolean, reason?: string) => {
    const r = reason && !status ? reason : undefined;
    return podCondition(type, status ? 'True' : 'False', t(type), r, r === 'ContainersNotReady' ? unready() : undefined);
  };
  const conditions: Array<Record<string, unknown>> = [
    cond('PodReadyToStartContainers', !done),
    done ? podCondition('Initialized', 'True', t('Initialized'), 'PodCompleted') : cond('Initialized', true),
    cond('Ready', ready, notReadyReason),
    cond('ContainersReady', ready, notReadyReason),
    scheduled ?? cond('PodScheduled', true),
  ];
  const status: Record<string, unknown> = {
    conditions,
    containerStatuses: run.containers.map(containerStatus),
    hostIP: run.hostIP,
    hostIPs: hostIPs(run.hostIP),
    phase: run.phase,
  };
  if (run.podIP) {
    status.podIP = run.podIP;
    status.podIPs = [{ ip: run.podIP }];
  }
  status.qosClass = prev?.qosClass ?? 'BestEffort';
  status.startTime = toRfc3339(run.startTime);
  return status;
}
