/**
 * Pod IPs per node, as the CNI's host-local IPAM hands them out: each node
 * owns a /24 of the cluster CIDR (in the node table's order, as k3s's node
 * IPAM does for a fresh cluster), .1 is the cni0 gateway, and the next
 * address is the one after the last handed out (host-local's lastReserved),
 * so a freed address is not reused at once. State is rebuildable from the
 * pods (kwok's markPodIP; k8s repair.go).
 */
import type { Cluster } from '../cluster/cluster.ts';

export class IpamError extends Error {
  constructor(readonly code: 'RangeFull' | 'NoRange', message: string) {
    super(message);
  }
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The /24 that node number `index` owns in `clusterCidr` (10.42.0.0/16 → 10.42.<index>.0/24). */
export function nodePodCidr(clusterCidr: string, index: number): string {
  const [base] = clusterCidr.split('/');
  return `${intToIp((ipToInt(base!) + index * 256) >>> 0)}/24`;
}

class NodeRange {
  private readonly used = new Set<number>();
  private last: number;
  constructor(private readonly base: number) {
    this.last = base + 1; // the gateway: the first pod gets .2
  }
  allocateNext(): string {
    for (let i = 0; i < 253; i++) {
      let next = this.last + 1;
      if (next > this.base + 254) next = this.base + 2;
      this.last = next;
      if (!this.used.has(next)) {
        this.used.add(next);
        return intToIp(next);
      }
    }
    throw new IpamError('RangeFull', `failed to allocate for range 0: no IP addresses available in range set: ${intToIp(this.base + 1)}-${intToIp(this.base + 254)}`);
  }
  mark(ip: number, isLast: boolean): void {
    this.used.add(ip);
    if (isLast || ip > this.last) this.last = ip;
  }
  release(ip: number): void {
    this.used.delete(ip);
  }
}

export class PodIpam {
  private readonly ranges = new Map<string, NodeRange>();

  constructor(private readonly cluster: Cluster) {
    cluster.config.nodes.forEach((n, i) => {
      const cidr = nodePodCidr(cluster.config.clusterCidr, i);
      this.ranges.set(n.name, new NodeRange(ipToInt(cidr.split('/')[0]!)));
    });
    // Rebuild from the pods the store already holds (bootstrap, a snapshot).
    for (const pod of cluster.store.list('Pod')) {
      const ip = pod.status?.podIP as string | undefined;
      const node = pod.spec?.nodeName as string | undefined;
      if (ip && node && !pod.spec?.hostNetwork && !isTerminal(pod.status?.phase)) this.ranges.get(node)?.mark(ipToInt(ip), false);
    }
  }

  allocate(node: string): string {
    const r = this.ranges.get(node);
    if (!r) throw new IpamError('NoRange', `node ${node} has no pod CIDR`);
    return r.allocateNext();
  }

  release(node: string, ip: string): void {
    this.ranges.get(node)?.release(ipToInt(ip));
  }
}

export function isTerminal(phase: unknown): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

export function podIpam(cluster: Cluster): PodIpam {
  return cluster.ext('controllers.ipam', (c) => new PodIpam(c));
}
