/** A bare cluster for API tests: the four namespaces k3s starts with, nothing else. */
import { Cluster } from '../../cluster/cluster.ts';
import { defaultConfig, type ClusterConfig } from '../../cluster/config.ts';
import type { KObject } from '../object.ts';

export function testCluster(overrides: Partial<ClusterConfig> = {}): Cluster {
  const c = new Cluster(defaultConfig(overrides));
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  return c;
}

export function svc(name: string, spec: Record<string, unknown> = {}, namespace?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

export function pod(name: string, image = 'nginx', namespace?: string): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { run: name }, ...(namespace ? { namespace } : {}) }, spec: { containers: [{ name, image }] } };
}

export function deployment(name: string, replicas = 1): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
  };
}
