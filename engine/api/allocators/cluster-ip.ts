/**
 * The ClusterIP allocator over --service-cidr (pkg/registry/core/service/
 * ipallocator): the network and broadcast addresses are never handed out;
 * slot 0 is the first host address (10.43.0.1, the `kubernetes` Service).
 */
import type { Random } from '../../sim/index.ts';
import { SlotRange, bandOffset } from './bitmap.ts';
import { formatIPv4, parseCidr, parseIPv4, type Cidr } from './ip.ts';
import { ipAlreadyAllocated, ipNotInRange, rangeFull, type Allocated } from './errors.ts';

export class ClusterIpAllocator {
  private readonly cidr: Cidr;
  private readonly slots: SlotRange;

  constructor(serviceCidr: string, random: Random) {
    const cidr = parseCidr(serviceCidr);
    if (!cidr) throw new RangeError(`service CIDR ${serviceCidr} is not an IPv4 CIDR`);
    this.cidr = cidr;
    // The usable range drops network and broadcast addresses (ipallocator.NewAllocatorCIDRRange).
    const size = Math.max(0, cidr.size - 2);
    this.slots = new SlotRange(size, bandOffset(cidr.size, 16, 256, 16), random);
  }

  get range(): string {
    return this.cidr.text;
  }

  get used(): number {
    return this.slots.count;
  }

  private slotOf(ip: string): number | undefined {
    const n = parseIPv4(ip);
    if (n === undefined) return undefined;
    const i = n - this.cidr.base - 1;
    return i >= 0 && i < this.slots.size ? i : undefined;
  }

  /** Reserve a requested address. */
  allocate(ip: string): Allocated<string> {
    const i = this.slotOf(ip);
    if (i === undefined) return { ok: false, error: ipNotInRange(this.cidr.text) };
    if (!this.slots.take(i)) return { ok: false, error: ipAlreadyAllocated() };
    return { ok: true, value: ip };
  }

  /** A random free address, upper band first. */
  allocateNext(): Allocated<string> {
    const i = this.slots.next();
    if (i === undefined) return { ok: false, error: rangeFull() };
    return { ok: true, value: formatIPv4(this.cidr.base + 1 + i) };
  }

  release(ip: string): void {
    const i = this.slotOf(ip);
    if (i !== undefined) this.slots.release(i);
  }

  has(ip: string): boolean {
    const i = this.slotOf(ip);
    return i !== undefined && this.slots.has(i);
  }

  /** Mark an address found on a stored object (repair); out-of-range ones are ignored. */
  mark(ip: string): void {
    const i = this.slotOf(ip);
    if (i !== undefined) this.slots.take(i);
  }
}
