/** A booted default cluster and one-line writers for the controller tests. */
import { Cluster } from '../../cluster/cluster.ts';
import { defaultConfig, type ClusterConfig } from '../../cluster/config.ts';
import { apiServer } from '../../api/server.ts';
import type { KObject } from '../../api/object.ts';
import { bootstrapK3s } from '../bootstrap/index.ts';

export function booted(overrides: Partial<ClusterConfig> = {}): Cluster {
  const c = new Cluster(defaultConfig(overrides));
  bootstrapK3s(c);
  return c;
}

export function create(c: Cluster, obj: KObject): KObject {
  const r = apiServer(c).create(obj);
  if (!r.ok) throw new Error(r.error.message);
  c.settle();
  return c.store.get(obj.kind, obj.metadata.namespace ?? 'default', r.value.metadata.name)!;
}

export function pod(name: string, image: string, extra: { labels?: Record<string, string>; command?: string[]; args?: string[]; restartPolicy?: string; ports?: unknown[]; nodeName?: string; ns?: string } = {}): KObject {
  const container: Record<string, unknown> = { name, image };
  if (extra.command) container.command = extra.command;
  if (extra.args) container.args = extra.args;
  if (extra.ports) container.ports = extra.ports;
  const spec: Record<string, unknown> = { containers: [container] };
  if (extra.restartPolicy) spec.restartPolicy = extra.restartPolicy;
  if (extra.nodeName) spec.nodeName = extra.nodeName;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: extra.ns ?? 'default', labels: extra.labels ?? { run: name } }, spec };
}

export function deployment(name: string, image: string, replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image, image }] } } },
  };
}

export function userPods(c: Cluster, ns = 'default'): KObject[] {
  return c.store.list('Pod', ns);
}

export function events(c: Cluster, name: string): string[] {
  return c.store.list('Event').filter((e) => (e.involvedObject as { name: string }).name === name).map((e) => `${e.reason}: ${e.message}`);
}
