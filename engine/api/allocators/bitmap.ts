/**
 * A range of numbered slots with the API server's allocation policy
 * (k8s.io/kubernetes pkg/registry/core/service/allocator, bitmap.go):
 * dynamic picks are random in the upper band [offset, size) first, then in
 * the lower band [0, offset) reserved for static requests (KEP-3070 for
 * cluster IPs, KEP-3668 for node ports). The random start comes from the
 * cluster's seeded source; the scan from it is linear, as Go's is.
 */
import type { Random } from '../../sim/index.ts';

export class SlotRange {
  private readonly used = new Set<number>();

  constructor(
    readonly size: number,
    readonly offset: number,
    private readonly random: Random,
  ) {}

  has(i: number): boolean {
    return this.used.has(i);
  }

  /** Take slot i; false when it is already taken. */
  take(i: number): boolean {
    if (this.used.has(i)) return false;
    this.used.add(i);
    return true;
  }

  release(i: number): void {
    this.used.delete(i);
  }

  get count(): number {
    return this.used.size;
  }

  /** randomScanStrategyWithOffset.AllocateBit; undefined when full. */
  next(): number | undefined {
    if (this.used.size >= this.size) return undefined;
    const upper = this.size - this.offset;
    if (upper > 0) {
      const start = this.random.int(0, upper - 1);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (!this.used.has(at)) return this.mark(at);
      }
    }
    if (this.offset > 0) {
      const start = this.random.int(0, this.offset - 1);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (!this.used.has(at)) return this.mark(at);
      }
    }
    return undefined;
  }

  private mark(i: number): number {
    this.used.add(i);
    return i;
  }
}

/** calculateRangeOffset of ipallocator (16, 256, /16) and portallocator (16, 128, /32): min(max(min, size/step), max). */
export function bandOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  const o = Math.floor(size / step);
  return o < min ? min : o > max ? max : o;
}
