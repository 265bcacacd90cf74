/**
 * The shape every bench/*.bench.ts exports, and small helpers they share.
 * A benchmark measures its own baseline in the same run (so a slow machine
 * slows both), prints figures, and states bounds; bench/run.ts compares.
 */

/** One bound: `value` must be at most `limit` (NaN: not measured). */
export interface Bound {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** Why the value is NaN, when it could not be measured. */
  note?: string;
}

export interface Result {
  /** Everything measured, baseline included (ms, µs, MiB, ratios...: say the unit in the key). */
  figures: Record<string, number>;
  bounds: Bound[];
}

export interface Benchmark {
  name: string;
  run(): Promise<Result> | Result;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Growth exponent of a cost between sizes: the slope of log(cost) against
 * log(size), least squares over all points (1.0 is linear).
 */
export function growthExponent(points: readonly { size: number; cost: number }[]): number {
  const pts = points.filter((p) => p.size > 0 && p.cost > 0);
  if (pts.length < 2) return NaN;
  const xs = pts.map((p) => Math.log(p.size));
  const ys = pts.map((p) => Math.log(p.cost));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

export const round = (x: number, digits = 2): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
