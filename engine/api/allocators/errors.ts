/**
 * Allocator failures, worded as pkg/registry/core/service/ipallocator
 * (interfaces.go: ErrAllocated, ErrNotInRange, ErrFull) and portallocator
 * (allocator.go) word them; the Service REST code wraps them in field errors.
 */
export type AllocationError =
  | { code: 'AlreadyAllocated'; message: string }
  | { code: 'NotInRange'; validRange: string; message: string }
  | { code: 'RangeFull'; message: string }
  | { code: 'Malformed'; message: string };

export type Allocated<T> = { ok: true; value: T } | { ok: false; error: AllocationError };

export const ipAlreadyAllocated = (): AllocationError => ({ code: 'AlreadyAllocated', message: 'provided IP is already allocated' });
export const ipNotInRange = (validRange: string): AllocationError => ({
  code: 'NotInRange',
  validRange,
  message: `provided IP is not in the valid range. The range of valid IPs is ${validRange}`,
});
export const portAlreadyAllocated = (): AllocationError => ({ code: 'AlreadyAllocated', message: 'provided port is already allocated' });
export const portNotInRange = (validRange: string): AllocationError => ({
  code: 'NotInRange',
  validRange,
  message: `provided port is not in the valid range. The range of valid ports is ${validRange}`,
});
export const rangeFull = (): AllocationError => ({ code: 'RangeFull', message: 'range is full' });
