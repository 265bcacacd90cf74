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
  const endpointSlices = obj.kind === 'Service' ? api.list('EndpointSlice', ns, { matchLabels: { 'kubernetes.io/service-name': obj.metadata.name } }) : [];
  const r = describeWithPrinters(obj, { now: cluster.clock.now(), events, related: { endpointSlices } });
  if (r.ok) return r.text;
  return minimal(obj);
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

