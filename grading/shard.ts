/**
 * `grade --shard I/N`: this CI job grades every N-th submission starting
 * with the I-th (1-based), after sorting nothing: the submissions' order
 * on the command line decides, so N jobs given the same list split it
 * without overlap and without a coordinator.
 */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return `--shard takes I/N (e.g. 2/8), not "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: I must be between 1 and N`;
  return { index, count };
}

/** The positions (0-based) a shard grades. */
export function shardPositions(total: number, s: Shard): number[] {
  const out: number[] = [];
  for (let i = s.index - 1; i < total; i += s.count) out.push(i);
  return out;
}
