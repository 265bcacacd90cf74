/**
 * `kubectl describe`: one entry point over the kinds ported so far.
 * Kinds without a port yet return an `unsupported` result (the command can
 * fall back or say so); nothing here throws on odd objects.
 *
 * What each kind reads from the context (kubectl fetches the same with extra
 * API calls; the caller passes them in):
 * - every kind but Namespace and NetworkPolicy: `events` (the object's events;
 *   for a Node, those whose involvedObject uid is the node's uid or its name);
 * - Service: `related.endpointSlices`;
 * - Node: `related.pods` (any pods: those on the node and not
 *   Succeeded/Failed are listed) and `related.lease` (kube-node-lease/<node>);
 * - Deployment: `related.replicaSets` (the namespace's ReplicaSets: the owned
 *   ones are split into old and new as deploymentutil does);
 * - ReplicaSet, DaemonSet, StatefulSet: `related.pods` (the namespace's pods:
 *   those matching the selector and controlled by the object are counted).
 */
import type { KObject } from '../../../api/object.ts';
import { describeEndpoints, describeNamespace, describeService } from './service.ts';
import { describePod } from './pod.ts';
import { describeNode } from './node.ts';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeStatefulSet } from './workloads.ts';
import { describeNetworkPolicy } from './networkpolicy.ts';
import { describeConfigMap, describeEndpointSlice } from './discovery.ts';

export { describeService, describeEndpoints, describeNamespace, formatEndpointSlices } from './service.ts';
export { describePod, podQOS } from './pod.ts';
export { describeNode, findNodeRoles, nonTerminatedPods, podRequestsAndLimits, type NodeDescribeInputs } from './node.ts';
export { describeDeployment, describeReplicaSet, describeDaemonSet, describeStatefulSet, deploymentReplicaSets, podStatusCounts, type WorkloadInputs } from './workloads.ts';
export { describeNetworkPolicy } from './networkpolicy.ts';
export { describeEndpointSlice, describeConfigMap } from './discovery.ts';
export { describeContainers, describeProbe, describeResources, podEnvResolver, type EnvResolver } from './containers.ts';
export { describeVolumes, describePodTemplate, describeTopologySpreadConstraints } from './volumes.ts';
export { rfc1123z, goTimeString, printTaintsMultiline, printTolerationsMultiline, printController } from './fields.ts';
export { parseQuantity, quantityString, addQuantity, cmpQuantity, type Quantity, type QuantityFormat } from './quantity.ts';
export { PrefixWriter, tabbedString, printLabelsMultiline, printAnnotationsMultiline, describeEvents } from './writer.ts';

export interface DescribeContext {
  /** Simulated time (ms) ages are measured against. */
  now: number;
  /** Events whose involvedObject is this object (kubectl fetches them by field selector). */
  events: readonly KObject[];
  /** `--show-events=false`: no Events section at all (default true). */
  showEvents?: boolean;
  related?: {
    /** Node: pods on the node; ReplicaSet/DaemonSet/StatefulSet: pods of the namespace (see above). */
    pods?: readonly KObject[];
    endpoints?: KObject;
    /** The Service's EndpointSlices (label kubernetes.io/service-name). */
    endpointSlices?: readonly KObject[];
    /** Deployment: the namespace's ReplicaSets. */
    replicaSets?: readonly KObject[];
    /** Node: its Lease in kube-node-lease; absent prints `Failed to get lease: ... not found`. */
    lease?: KObject;
  };
}

export type DescribeResult = { ok: true; text: string } | { ok: false; code: 'unsupported'; message: string };

export const DESCRIBED_KINDS = [
  'Service', 'Endpoints', 'Namespace', 'Pod', 'Node', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet',
  'NetworkPolicy', 'EndpointSlice', 'ConfigMap',
] as const;

export function describeObject(obj: KObject, ctx: DescribeContext): DescribeResult {
  try {
    return describeKind(obj, ctx);
  } catch (e) {
    // A safety net: the describers read every field defensively, so this means a malformed object.
    return { ok: false, code: 'unsupported', message: `cannot describe ${obj?.kind ?? 'object'}: ${(e as Error).message}` };
  }
}

function describeKind(obj: KObject, ctx: DescribeContext): DescribeResult {
  const events = ctx.showEvents === false ? undefined : ctx.events;
  const r = ctx.related ?? {};
  const inputs = { events, pods: r.pods ?? [], replicaSets: r.replicaSets ?? [] };
  const ok = (text: string): DescribeResult => ({ ok: true, text });
  switch (obj.kind) {
    case 'Service': return ok(describeService(obj, r.endpointSlices ?? [], events, ctx.now));
    case 'Endpoints': return ok(describeEndpoints(obj, events, ctx.now));
    case 'Namespace': return ok(describeNamespace(obj));
    case 'Pod': return ok(describePod(obj, events, ctx.now));
    case 'Node': return ok(describeNode(obj, { pods: r.pods ?? [], lease: r.lease, events, now: ctx.now }));
    case 'Deployment': return ok(describeDeployment(obj, inputs, ctx.now));
    case 'ReplicaSet': return ok(describeReplicaSet(obj, inputs, ctx.now));
    case 'DaemonSet': return ok(describeDaemonSet(obj, inputs, ctx.now));
    case 'StatefulSet': return ok(describeStatefulSet(obj, inputs, ctx.now));
    case 'NetworkPolicy': return ok(describeNetworkPolicy(obj));
    case 'EndpointSlice': return ok(describeEndpointSlice(obj, events, ctx.now));
    case 'ConfigMap': return ok(describeConfigMap(obj, events, ctx.now));
    default: return { ok: false, code: 'unsupported', message: `describe is not modelled yet for ${obj.kind}` };
  }
}
