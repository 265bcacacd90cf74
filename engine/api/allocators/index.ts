export { ClusterIpAllocator } from './cluster-ip.ts';
export { NodePortAllocator } from './node-port.ts';
export { ServiceAllocations, type AllocationResult } from './services.ts';
export { SlotRange, bandOffset } from './bitmap.ts';
export { parseIPv4, formatIPv4, parseCidr, cidrContains, type Cidr } from './ip.ts';
export type { AllocationError, Allocated } from './errors.ts';
