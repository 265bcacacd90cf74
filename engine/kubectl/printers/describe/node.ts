/**
 * `kubectl describe node`: ports of describeNode, describeNodeLease,
 * describeNodeResource, getPodsTotalRequestsAndLimits and findNodeRoles in
 * kubectl pkg/describe/describe.go (v0.33), with PodRequestsAndLimits from
 * kubectl pkg/util/resource/resource.go.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../../api/object.ts';
import { LEVEL_0, LEVEL_1, describeEvents, printAnnotationsMultiline, printLabelsMultiline, tabbedString, type PrefixWriter } from './writer.ts';
import { printTaintsMultiline, rfc1123z, str } from './fields.ts';
import { ZERO, addResourceList, maxResourceList, milliValue, quantityString, resourceList, value, type Quantity, type ResourceList } from './quantity.ts';
import { compareGoStrings } from '../gojson.ts';
import { translateTimestampSince } from '../duration.ts';

export interface NodeDescribeInputs {
  /** Pods of the cluster; those on this node and not Succeeded/Failed are listed. */
  pods: readonly KObject[];
  /** The node's Lease (kube-node-lease/<node>); undefined prints kubectl's not-found line. */
  lease?: KObject;
  events?: readonly KObject[];
  now: number;
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function findNodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(compareGoStrings);
}

/** The pods `describe node` lists: field selector spec.nodeName=<node>, phase not Succeeded/Failed, in API list order. */
export function nonTerminatedPods(nodeName: string, pods: readonly KObject[]): KObject[] {
  const key = (p: KObject) => `${p.metadata.namespace ?? ''}/${p.metadata.name}`;
  return pods
    .filter((p) => p.spec?.nodeName === nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => compareGoStrings(key(a), key(b)));
}

export function describeNode(obj: KObject, inputs: NodeDescribeInputs): string {
  const node = obj as unknown as Node;
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(node.metadata?.name)}\n`);
    const roles = findNodeRoles(node.metadata?.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    describeLease(str(node.metadata?.name), inputs.lease, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    for (const [title, raw] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
      const list = resourceList(raw);
      if (list.size === 0) continue;
      w.write(LEVEL_0, `${title}:\n`);
      for (const name of [...list.keys()].sort(compareGoStrings)) w.write(LEVEL_0, `  ${name}:\t${quantityString(list.get(name)!)}\n`);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${str(info?.machineID)}\n`);
    w.write(LEVEL_0, `  System UUID:\t${str(info?.systemUUID)}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${str(info?.bootID)}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${str(info?.kernelVersion)}\n`);
    w.write(LEVEL_0, `  OS Image:\t${str(info?.osImage)}\n`);
    w.write(LEVEL_0, `  Operating System:\t${str(info?.operatingSystem)}\n`);
    w.write(LEVEL_0, `  Architecture:\t${str(info?.architecture)}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${str(info?.containerRuntimeVersion)}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${str(info?.kubeletVersion)}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${str(info?.kubeProxyVersion)}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(nonTerminatedPods(str(node.metadata?.name), inputs.pods), node, w, inputs.now);
    if (inputs.events) describeEvents(inputs.events, w, inputs.now);
  });
}

function describeLease(nodeName: string, lease: KObject | undefined, w: PrefixWriter): void {
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${nodeName}" not found\n`);
    return;
  }
  const spec = lease.spec ?? {};
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`);
}

/** PodRequestsAndLimits: containers summed, init containers as a maximum (sidecars added), overhead added. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) {
    addResourceList(reqs, resourceList(c.resources?.requests));
    addResourceList(limits, resourceList(c.resources?.limits));
  }
  const sidecarReqs: ResourceList = new Map(), sidecarLimits: ResourceList = new Map();
  const initReqs: ResourceList = new Map(), initLimits: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const r = resourceList(c.resources?.requests), l = resourceList(c.resources?.limits);
    if (c.restartPolicy === 'Always') {
      addResourceList(reqs, r); addResourceList(sidecarReqs, r); maxResourceList(initReqs, sidecarReqs);
      addResourceList(limits, l); addResourceList(sidecarLimits, l); maxResourceList(initLimits, sidecarLimits);
    } else {
      const tr: ResourceList = new Map(r); addResourceList(tr, sidecarReqs); maxResourceList(initReqs, tr);
      const tl: ResourceList = new Map(l); addResourceList(tl, sidecarLimits); maxResourceList(initLimits, tl);
    }
  }
  maxResourceList(reqs, initReqs);
  maxResourceList(limits, initLimits);
  const overhead = resourceList(pod.spec?.overhead);
  addResourceList(reqs, overhead);
  for (const [name, q] of overhead) if (limits.has(name) && limits.get(name)!.nano !== 0n) addResourceList(limits, new Map([[name, q]]));
  return { reqs, limits };
}

const get = (l: ResourceList, name: string): Quantity => l.get(name) ?? ZERO;
/** Go's int64(float64 fraction * 100): truncation; a zero allocatable divides to NaN/Inf, shown as 0 here. */
const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));
const cell = (q: Quantity, part: number, whole: number) => `${quantityString(q)} (${pct(part, whole)}%)`;

/** describeNodeResource: the Non-terminated Pods table and the Allocated resources summary. */
function describeNodeResource(pods: readonly KObject[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = resourceList(Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity);
  const cpu = milliValue(get(allocatable, 'cpu')), mem = value(get(allocatable, 'memory'));
  const totalReqs: ResourceList = new Map(), totalLimits: ResourceList = new Map();
  for (const p of pods) {
    const { reqs, limits } = podRequestsAndLimits(p as unknown as Pod);
    addResourceList(totalReqs, reqs);
    addResourceList(totalLimits, limits);
    const [cr, cl, mr, ml] = [get(reqs, 'cpu'), get(limits, 'cpu'), get(reqs, 'memory'), get(limits, 'memory')];
    w.write(LEVEL_1, `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${cell(cr, milliValue(cr), cpu)}\t${cell(cl, milliValue(cl), cpu)}\t${cell(mr, value(mr), mem)}\t${cell(ml, value(ml), mem)}\t${translateTimestampSince(p.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const eph = value(get(allocatable, 'ephemeral-storage'));
  const row = (name: string, measure: (q: Quantity) => number, whole: number) => {
    const r = get(totalReqs, name), l = get(totalLimits, name);
    w.write(LEVEL_1, `${name}\t${cell(r, measure(r), whole)}\t${cell(l, measure(l), whole)}\n`);
  };
  row('cpu', milliValue, cpu);
  row('memory', value, mem);
  row('ephemeral-storage', value, eph);
  const names = [...allocatable.keys()];
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort(compareGoStrings)) row(name, value, value(get(allocatable, name)));
  // Extended resources (vendor-domain names) print without percentages.
  for (const name of names.filter(isExtendedResource).sort(compareGoStrings)) {
    w.write(LEVEL_1, `${name}\t${quantityString(get(totalReqs, name))}\t${quantityString(get(totalLimits, name))}\n`);
  }
}

/** Not a standard container resource (cpu, memory, ephemeral-storage, storage, hugepages-*) nor `pods`. */
function isExtendedResource(name: string): boolean {
  if (name.startsWith('hugepages-') || name === 'pods') return false;
  if (['cpu', 'memory', 'ephemeral-storage', 'storage'].includes(name)) return false;
  return !name.startsWith('requests.') && !name.startsWith('limits.');
}
