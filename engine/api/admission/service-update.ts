/**
 * What the Service strategy does to an update before validation
 * (pkg/registry/core/service/strategy.go PrepareForUpdate →
 * patchAllocatedValues, dropTypeDependentFields): values the server
 * allocated survive a PUT that omits them, and fields that only make sense
 * for the old type are dropped when the type changes and the user left
 * them untouched. Also the IP-family fields alloc.go's initIPFamilyFields sets.
 */
import { deepEqual, isPlainObject } from '../json.ts';

type Obj = Record<string, any>;
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);

const needsClusterIP = (s: Obj) => s.type !== 'ExternalName';
const needsNodePort = (s: Obj) => s.type === 'NodePort' || s.type === 'LoadBalancer';
const needsHealthCheck = (s: Obj) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
const externallyAccessible = (s: Obj) => needsNodePort(s) || (s.type === 'ClusterIP' && Array.isArray(s.externalIPs) && s.externalIPs.length > 0);
const nodePorts = (s: Obj) => objects(s.ports).map((p) => p.nodePort ?? 0);

/** initIPFamilyFields for a single-stack IPv4 cluster. */
export function defaultIpFamilies(s: Obj, old: Obj | undefined): void {
  if (s.type === 'ExternalName') return;
  const headlessSelectorless = s.clusterIP === 'None' && (!isPlainObject(s.selector) || Object.keys(s.selector).length === 0);
  if (s.ipFamilyPolicy == null) {
    if (old?.ipFamilyPolicy) s.ipFamilyPolicy = old.ipFamilyPolicy;
    else s.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  }
  if (!Array.isArray(s.ipFamilies) || s.ipFamilies.length === 0) s.ipFamilies = old && Array.isArray(old.ipFamilies) && old.ipFamilies.length ? [...old.ipFamilies] : ['IPv4'];
  // Headless and selectorless: the one case allowed to name both families on a single-stack cluster.
  if (headlessSelectorless && s.ipFamilyPolicy !== 'SingleStack' && s.ipFamilies.length < 2) s.ipFamilies.push(s.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4');
}

/** normalizeClusterIPs on create: a lone clusterIP seeds clusterIPs. */
export function normalizeClusterIpsOnCreate(s: Obj): void {
  if (s.clusterIP && (!Array.isArray(s.clusterIPs) || s.clusterIPs.length === 0)) s.clusterIPs = [s.clusterIP];
}

export function prepareServiceUpdate(s: Obj, o: Obj): void {
  // patchAllocatedValues
  if (needsClusterIP(o) && needsClusterIP(s)) {
    if (!s.clusterIP) s.clusterIP = o.clusterIP;
    if (!Array.isArray(s.clusterIPs) || s.clusterIPs.length === 0) s.clusterIPs = o.clusterIPs;
  }
  if (needsNodePort(o) && needsNodePort(s)) {
    const used = new Set(nodePorts(o).filter((p) => nodePorts(s).includes(p)));
    const byName = new Map(objects(o.ports).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of objects(s.ports)) {
      if (p.nodePort) continue;
      const was = byName.get(p.name ?? '') ?? 0;
      if (was && !used.has(was)) p.nodePort = was;
    }
  }
  if (needsHealthCheck(o) && needsHealthCheck(s) && !s.healthCheckNodePort) s.healthCheckNodePort = o.healthCheckNodePort;
  // normalizeClusterIPs: a changed singular with an untouched plural means the singular.
  if (s.clusterIP !== o.clusterIP && sameList(s.clusterIPs, o.clusterIPs)) {
    if (s.clusterIP) s.clusterIPs = [s.clusterIP];
    else delete s.clusterIPs;
  }
  // dropTypeDependentFields
  if (s.type === o.type) return;
  if (!needsClusterIP(s) && sameList(s.clusterIPs, o.clusterIPs) && s.clusterIP === o.clusterIP) {
    delete s.clusterIP;
    delete s.clusterIPs;
    if (deepEqual(s.ipFamilies, o.ipFamilies)) delete s.ipFamilies;
    if (s.ipFamilyPolicy === o.ipFamilyPolicy) delete s.ipFamilyPolicy;
  }
  if (!needsNodePort(s) && deepEqual(nodePorts(s), nodePorts(o))) for (const p of objects(s.ports)) delete p.nodePort;
  if (!needsHealthCheck(s) && s.healthCheckNodePort === o.healthCheckNodePort) delete s.healthCheckNodePort;
  if (s.type !== 'LoadBalancer') {
    if (s.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete s.allocateLoadBalancerNodePorts;
    if (s.loadBalancerClass === o.loadBalancerClass) delete s.loadBalancerClass;
  }
  if (!externallyAccessible(s) && s.externalTrafficPolicy === o.externalTrafficPolicy) delete s.externalTrafficPolicy;
  if (s.type === 'ExternalName' && s.internalTrafficPolicy === o.internalTrafficPolicy) delete s.internalTrafficPolicy;
}

function sameList(a: unknown, b: unknown): boolean {
  return deepEqual(a ?? [], b ?? []);
}
