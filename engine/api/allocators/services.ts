/**
 * ClusterIPs and NodePorts of Services, as the Service REST storage
 * allocates them (pkg/registry/core/service/storage/alloc.go): before
 * validation, with errors wrapped as field errors of the Service, and
 * reverted when the write fails.
 *
 * The allocators mirror the store: they are rebuilt from the Services in it
 * on first use (bootstrap writes kube-system Services straight into the
 * store) and follow every later store change, so a Service written or
 * deleted by anyone marks or frees its addresses.
 */
import type { Cluster } from '../../cluster/cluster.ts';
import type { KObject } from '../object.ts';
import type { FieldError } from '../server-types.ts';
import { FieldPath, invalid } from '../field.ts';
import { goStringSlice } from '../gofmt.ts';
import { ClusterIpAllocator } from './cluster-ip.ts';
import { NodePortAllocator } from './node-port.ts';

export type AllocationResult = { ok: true; undo: () => void } | { ok: false; errors: FieldError[]; internal?: string };

interface ServicePortLike {
  port?: number;
  nodePort?: number;
}

function usesNodePorts(spec: any): boolean {
  return spec?.type === 'NodePort' || spec?.type === 'LoadBalancer';
}

/** shouldAllocateNodePorts: LoadBalancer may opt out with allocateLoadBalancerNodePorts: false. */
function shouldAllocateNodePorts(spec: any): boolean {
  if (spec?.type === 'NodePort') return true;
  if (spec?.type === 'LoadBalancer') return spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
function needsHealthCheck(spec: any): boolean {
  return spec?.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

function headless(spec: any): boolean {
  return Array.isArray(spec?.clusterIPs) ? spec.clusterIPs[0] === 'None' : spec?.clusterIP === 'None';
}

function clusterIpsOf(svc: KObject | undefined): string[] {
  const spec = svc?.spec;
  if (!spec || spec.type === 'ExternalName') return [];
  const ips: unknown = spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []);
  return Array.isArray(ips) ? ips.filter((ip): ip is string => typeof ip === 'string' && ip !== 'None' && ip !== '') : [];
}

function nodePortsOf(svc: KObject | undefined): number[] {
  const spec = svc?.spec;
  if (!spec) return [];
  const out: number[] = [];
  for (const p of (Array.isArray(spec.ports) ? spec.ports : []) as ServicePortLike[]) if (typeof p?.nodePort === 'number' && p.nodePort) out.push(p.nodePort);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort) out.push(spec.healthCheckNodePort);
  return out;
}

export class ServiceAllocations {
  readonly ips: ClusterIpAllocator;
  readonly ports: NodePortAllocator;

  constructor(cluster: Cluster) {
    this.ips = new ClusterIpAllocator(cluster.config.serviceCidr, cluster.random.fork('clusterip'));
    const r = cluster.config.nodePortRange;
    this.ports = new NodePortAllocator(r.min, r.max, cluster.random.fork('nodeport'));
    for (const svc of cluster.store.list('Service')) this.markAll(svc);
    cluster.store.onChange((c) => {
      if (c.old) this.releaseAll(c.old, c.obj);
      if (c.obj) this.markAll(c.obj);
    }, ['Service']);
  }

  private markAll(svc: KObject): void {
    for (const ip of clusterIpsOf(svc)) this.ips.mark(ip);
    for (const p of nodePortsOf(svc)) this.ports.mark(p);
  }

  /** Free what `old` held and `now` no longer holds. */
  private releaseAll(old: KObject, now: KObject | undefined): void {
    const keepIps = new Set(clusterIpsOf(now));
    const keepPorts = new Set(nodePortsOf(now));
    for (const ip of clusterIpsOf(old)) if (!keepIps.has(ip)) this.ips.release(ip);
    for (const p of nodePortsOf(old)) if (!keepPorts.has(p)) this.ports.release(p);
  }

  /** allocateCreate: mutates svc.spec (clusterIP, clusterIPs, nodePorts, healthCheckNodePort). */
  allocateCreate(svc: KObject): AllocationResult {
    return this.allocate(svc, undefined);
  }

  /** allocateUpdate: keeps what `old` holds, allocates what is new; releases happen when the store changes. */
  allocateUpdate(svc: KObject, old: KObject): AllocationResult {
    return this.allocate(svc, old);
  }

  private allocate(svc: KObject, old: KObject | undefined): AllocationResult {
    const taken: Array<() => void> = [];
    const undo = () => taken.reverse().forEach((f) => f());
    const fail = (r: AllocationResult): AllocationResult => (undo(), r);
    const spec = svc.spec ?? (svc.spec = {});
    const ipResult = this.allocateIps(svc, old, taken);
    if (!ipResult.ok) return fail(ipResult);
    const portResult = this.allocateNodePorts(svc, old, taken);
    if (!portResult.ok) return fail(portResult);
    if (needsHealthCheck(spec) && !spec.healthCheckNodePort) {
      const oldHc = old?.spec?.healthCheckNodePort;
      if (oldHc && needsHealthCheck(old!.spec)) spec.healthCheckNodePort = oldHc;
      else {
        const r = this.ports.allocateNext();
        if (!r.ok) return fail({ ok: false, errors: [], internal: `failed to allocate a HealthCheck NodePort 0: ${r.error.message}` });
        taken.push(() => this.ports.release(r.value));
        spec.healthCheckNodePort = r.value;
      }
    }
    return { ok: true, undo };
  }

  private allocateIps(svc: KObject, old: KObject | undefined, taken: Array<() => void>): AllocationResult {
    const spec = svc.spec;
    if (spec.type === 'ExternalName' || headless(spec)) return { ok: true, undo: () => {} };
    const oldIps = clusterIpsOf(old);
    const wanted: string = (Array.isArray(spec.clusterIPs) ? spec.clusterIPs[0] : undefined) ?? spec.clusterIP ?? '';
    if (oldIps.length > 0 && (wanted === '' || wanted === oldIps[0])) {
      // Unchanged on update (immutability is validation's concern).
      spec.clusterIP = oldIps[0];
      spec.clusterIPs = [oldIps[0]];
      return { ok: true, undo: () => {} };
    }
    if (wanted === '') {
      const r = this.ips.allocateNext();
      if (!r.ok) return { ok: false, errors: [], internal: `failed to allocate a serviceIP: ${r.error.message}` };
      taken.push(() => this.ips.release(r.value));
      spec.clusterIP = r.value;
      spec.clusterIPs = [r.value];
      return { ok: true, undo: () => {} };
    }
    const r = this.ips.allocate(wanted);
    if (!r.ok) {
      const ips: string[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [wanted];
      return { ok: false, errors: [invalid(FieldPath.root('spec', 'clusterIPs'), goStringSlice(ips), `failed to allocate IP ${wanted}: ${r.error.message}`)] };
    }
    taken.push(() => this.ips.release(wanted));
    spec.clusterIP = wanted;
    spec.clusterIPs = [wanted];
    return { ok: true, undo: () => {} };
  }

  /** initNodePorts / updateNodePorts: ports sharing a port number share a node port. */
  private allocateNodePorts(svc: KObject, old: KObject | undefined, taken: Array<() => void>): AllocationResult {
    const spec = svc.spec;
    if (!usesNodePorts(spec)) return { ok: true, undo: () => {} };
    const ports: ServicePortLike[] = Array.isArray(spec.ports) ? spec.ports : [];
    const oldPorts = new Set(old && usesNodePorts(old.spec) ? nodePortsOf(old) : []);
    const byServicePort = new Map<number | undefined, number>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i]!;
      if (!p || typeof p !== 'object') continue;
      if (!p.nodePort && !shouldAllocateNodePorts(spec)) continue;
      const shared = byServicePort.get(p.port);
      if (!p.nodePort && shared) {
        p.nodePort = shared;
        continue;
      }
      if (p.nodePort) {
        if (oldPorts.has(p.nodePort) || shared === p.nodePort) {
          byServicePort.set(p.port, p.nodePort);
          continue;
        }
        const np = p.nodePort;
        const r = this.ports.allocate(np);
        if (!r.ok) return { ok: false, errors: [invalid(FieldPath.root('spec', 'ports').index(i).child('nodePort'), np, r.error.message)] };
        taken.push(() => this.ports.release(np));
        byServicePort.set(p.port, np);
      } else {
        const r = this.ports.allocateNext();
        if (!r.ok) return { ok: false, errors: [], internal: `failed to allocate a nodePort: ${r.error.message}` };
        taken.push(() => this.ports.release(r.value));
        p.nodePort = r.value;
        byServicePort.set(p.port, r.value);
      }
    }
    return { ok: true, undo: () => {} };
  }
}
