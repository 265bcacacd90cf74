/**
 * The simulated clock. Nothing in engine/ reads the wall clock: ages, events,
 * CrashLoopBackOff back-offs and `sleep N` all move this clock instead, so a
 * lab prints the same bytes on every run.
 */
export class Clock {
  /** Milliseconds since the Unix epoch, simulated. */
  private nowMs: number;

  constructor(startIso = DEFAULT_START) {
    this.nowMs = Date.parse(startIso);
  }

  now(): number {
    return this.nowMs;
  }

  /** RFC 3339 with second precision, as the API server writes timestamps. */
  nowIso(): string {
    return toRfc3339(this.nowMs);
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`the clock only moves forward (asked ${ms} ms)`);
    this.nowMs += ms;
  }
}

/** When the default cluster's simulated day starts (the k3s install). */
export const DEFAULT_START = '2026-01-05T09:00:00Z';

export function toRfc3339(ms: number): string {
  // Controllers stamp many objects at one simulated instant: format each instant once.
  if (ms !== lastRfc3339.ms) lastRfc3339 = { ms, text: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return lastRfc3339.text;
}
let lastRfc3339 = { ms: NaN, text: '' };
