/**
 * Where `kubectl describe` gets its text: the describers in ./printers,
 * given what kubectl fetches beside the object (its Events by
 * involvedObject, a Service's EndpointSlices by the
 * kubernetes.io/service-name label). Kinds the printers do not describe yet
 * get a short Name/Namespace/Labels block.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { describeObject as describeWithPrinters } from './printers/index.ts';
import { apiServer } from '../api/server.ts';

export interface DescribeOptions {
  showEvents: boolean;
}

export function describeObject(cluster: Cluster, obj: KObject, opts: DescribeOptions): string {
  const api = apiServer(cluster);
  const ns = obj.metadata.namespace;
  const events = opts.showEvents
    ? api.list('Event', ns).filter((e) => {
        const io = (e as unknown as { involvedObject?: { kind?: string; name?: string; uid?: string } }).involvedObject;
        return io?.kind === obj.kind && io.name === obj.metadata.name && (!io.uid || !obj.metadata.uid || io.uid === obj.metadata.uid);
      })
    : [];
  const r = describeWithPrinters(obj, { now: cluster.clock.now(), events, showEvents: opts.showEvents, related: relatedObjects(cluster, obj) });
  if (r.ok) return r.text;
  return minimal(obj);
}

/** What kubectl's describer for this kind fetches beside the object. */
function relatedObjects(cluster: Cluster, obj: KObject) {
  const api = apiServer(cluster);
  const ns = obj.metadata.namespace;
  switch (obj.kind) {
    case 'Service':
      return { endpointSlices: api.list('EndpointSlice', ns, { matchLabels: { 'kubernetes.io/service-name': obj.metadata.name } }) };
    case 'Node':
      return { pods: api.list('Pod').filter((p) => p.spec?.nodeName === obj.metadata.name), lease: nodeLease(cluster, obj) };
    case 'Deployment':
      return { replicaSets: api.list('ReplicaSet', ns) };
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      return { pods: api.list('Pod', ns) };
    default:
      return {};
  }
}

/**
 * The node's heartbeat Lease in kube-node-lease: the kubelet renews it every
 * 10 s, so it reads as renewed at the last 10-second mark of the clock.
 */
function nodeLease(cluster: Cluster, node: KObject): KObject {
  const now = cluster.clock.now();
  const renew = new Date(now - (now % 10_000)).toISOString().replace('Z', '000Z');
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: node.metadata.name, namespace: 'kube-node-lease' },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: renew },
  };
}

function minimal(obj: KObject): string {
  const lines = [`Name:         ${obj.metadata.name}`];
  if (obj.metadata.namespace) lines.push(`Namespace:    ${obj.metadata.namespace}`);
  return `${lines.join('\n')}\n${labelsBlock(obj.metadata.labels)}`;
}

function labelsBlock(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return 'Labels:       <none>\n';
  return keys.map((k, i) => `${i === 0 ? 'Labels:       ' : '              '}${k}=${labels![k]}\n`).join('');
}

