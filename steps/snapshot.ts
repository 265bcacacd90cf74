/**
 * The cluster as the report's diagram draws it (reports/cluster-snapshot.ts):
 * nodes, the lab's pods and every Service, read from the scenario's store at
 * the end of a failed scenario.
 */
import type { KObject } from '../engine/api/index.ts';
import type { Lab } from '../engine/lab/index.ts';
import type { ClusterSnapshot } from '../reports/cluster-snapshot.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function clusterSnapshot(lab: Lab): ClusterSnapshot {
  const store = lab.cluster.store;
  const nodes = store.list('Node').map((n) => ({
    name: n.metadata.name,
    ip: ((n.status?.addresses ?? []) as { type: string; address: string }[]).find((a) => a.type === 'InternalIP')?.address ?? '',
    roles: Object.keys(n.metadata.labels ?? {}).filter((k) => k.startsWith(ROLE_PREFIX)).map((k) => k.slice(ROLE_PREFIX.length)).sort(),
  }));
  const pods = store.list('Pod').map((p) => ({
    namespace: p.metadata.namespace ?? 'default',
    name: p.metadata.name,
    ip: (p.status?.podIP as string | undefined) ?? '',
    node: (p.spec?.nodeName as string | undefined) ?? '',
    labels: p.metadata.labels ?? {},
    phase: p.status?.phase as string | undefined,
  }));
  const services = store.list('Service').map(serviceOf);
  return { nodes, pods, services };
}

function serviceOf(s: KObject) {
  const ports = ((s.spec?.ports ?? []) as { name?: string; port: number; protocol?: string; targetPort?: number | string; nodePort?: number }[]).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: p.port,
    protocol: p.protocol ?? 'TCP',
    ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  }));
  const ingress = ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).map((i) => i.ip).filter((ip): ip is string => !!ip);
  return {
    namespace: s.metadata.namespace ?? 'default',
    name: s.metadata.name,
    type: (s.spec?.type as string | undefined) ?? 'ClusterIP',
    clusterIP: (s.spec?.clusterIP as string | undefined) ?? '',
    ports,
    ...(s.spec?.selector ? { selector: s.spec.selector as Record<string, string> } : {}),
    ...(ingress.length ? { externalIPs: ingress } : {}),
    ...(s.spec?.externalName ? { externalName: s.spec.externalName as string } : {}),
  };
}
