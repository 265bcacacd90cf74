/**
 * The kubelet's view of one container through restarts, as plain data: the
 * state machine of pkg/kubelet (running → terminated → back-off → running)
 * with the CrashLoopBackOff delays of kuberuntime (10s doubling, capped at
 * 5 minutes). Transitions take the time they happen at.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** The first restart comes at the kubelet's next sync, about a second after the exit. */
export const FIRST_RESTART_MS = 1_000;

export type ContainerPhase =
  | { state: 'waiting'; reason: string; message?: string }
  | { state: 'running'; startedAt: number }
  | { state: 'terminated'; exitCode: number; reason: string; message?: string; startedAt: number; finishedAt: number };

export interface ContainerRun {
  name: string;
  image: string;
  imageID?: string;
  containerID?: string;
  restartCount: number;
  current: ContainerPhase;
  last?: Extract<ContainerPhase, { state: 'terminated' }>;
  ready: boolean;
  started: boolean;
}

/** Delay before restart number `n + 1` after `n` restarts already happened. */
export function restartDelay(restartCount: number): number {
  if (restartCount === 0) return FIRST_RESTART_MS;
  return Math.min(BACKOFF_INITIAL_MS * 2 ** (restartCount - 1), BACKOFF_MAX_MS);
}

/** Does restartPolicy restart a container that exited with `exitCode`? */
export function restarts(policy: string | undefined, exitCode: number): boolean {
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return exitCode !== 0;
  return true;
}

/** Go's time.Duration.String() for whole seconds/minutes: 10s, 40s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return `${m}m${s % 60}s`;
}
