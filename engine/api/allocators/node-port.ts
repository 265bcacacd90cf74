/** The NodePort allocator over --service-node-port-range (pkg/registry/core/service/portallocator). */
import type { Random } from '../../sim/index.ts';
import { SlotRange, bandOffset } from './bitmap.ts';
import { portAlreadyAllocated, portNotInRange, rangeFull, type Allocated } from './errors.ts';

export class NodePortAllocator {
  private readonly slots: SlotRange;

  constructor(
    private readonly min: number,
    private readonly max: number,
    random: Random,
  ) {
    const size = max - min + 1;
    this.slots = new SlotRange(size, bandOffset(size, 16, 128, 32), random);
  }

  /** net.PortRange.String(): `30000-32767`. */
  get range(): string {
    return `${this.min}-${this.max}`;
  }

  get used(): number {
    return this.slots.count;
  }

  private inRange(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max;
  }

  allocate(port: number): Allocated<number> {
    if (!this.inRange(port)) return { ok: false, error: portNotInRange(this.range) };
    if (!this.slots.take(port - this.min)) return { ok: false, error: portAlreadyAllocated() };
    return { ok: true, value: port };
  }

  allocateNext(): Allocated<number> {
    const i = this.slots.next();
    if (i === undefined) return { ok: false, error: rangeFull() };
    return { ok: true, value: this.min + i };
  }

  release(port: number): void {
    if (this.inRange(port)) this.slots.release(port - this.min);
  }

  has(port: number): boolean {
    return this.inRange(port) && this.slots.has(port - this.min);
  }

  mark(port: number): void {
    if (this.inRange(port)) this.slots.take(port - this.min);
  }
}
