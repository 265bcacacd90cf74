/**
 * The kinds the API server of the model knows: what `kubectl api-resources`
 * lists for them. kubectl resolves names (`svc`, `pods`, `deploy`) through
 * this table; the store uses `namespaced` to key objects.
 */
export interface KindInfo {
  kind: string;
  group: string; // '' for the core group
  version: string;
  /** Lower-case plural, the REST resource: 'pods', 'networkpolicies'. */
  resource: string;
  singular: string;
  shortNames: readonly string[];
  namespaced: boolean;
}

export const KINDS: readonly KindInfo[] = [
  k('Namespace', '', 'v1', 'namespaces', ['ns'], false),
  k('Node', '', 'v1', 'nodes', ['no'], false),
  k('Pod', '', 'v1', 'pods', ['po'], true),
  k('Service', '', 'v1', 'services', ['svc'], true),
  k('Endpoints', '', 'v1', 'endpoints', ['ep'], true, 'endpoints'),
  k('ConfigMap', '', 'v1', 'configmaps', ['cm'], true),
  k('Secret', '', 'v1', 'secrets', [], true),
  k('ServiceAccount', '', 'v1', 'serviceaccounts', ['sa'], true),
  k('Event', '', 'v1', 'events', ['ev'], true),
  k('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', [], true),
  k('Deployment', 'apps', 'v1', 'deployments', ['deploy'], true),
  k('ReplicaSet', 'apps', 'v1', 'replicasets', ['rs'], true),
  k('StatefulSet', 'apps', 'v1', 'statefulsets', ['sts'], true),
  k('DaemonSet', 'apps', 'v1', 'daemonsets', ['ds'], true),
  k('Job', 'batch', 'v1', 'jobs', [], true),
  k('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', ['netpol'], true),
  k('Ingress', 'networking.k8s.io', 'v1', 'ingresses', ['ing'], true),
];

function k(kind: string, group: string, version: string, resource: string, shortNames: string[], namespaced: boolean, singular = kind.toLowerCase()): KindInfo {
  return { kind, group, version, resource, singular, shortNames, namespaced };
}

const byKind = new Map(KINDS.map((i) => [i.kind, i]));
const byName = new Map<string, KindInfo>();
for (const i of KINDS) {
  for (const n of [i.resource, i.singular, i.kind.toLowerCase(), ...i.shortNames]) {
    byName.set(n, i);
    if (i.group) byName.set(`${n}.${i.group}`, i);
  }
}

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** Resolve what a user typed (`svc`, `pods`, `deployment.apps`, `NetworkPolicy`) to a kind. */
export function resolveResource(name: string): KindInfo | undefined {
  return byName.get(name.toLowerCase());
}

export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** How kubectl names an object in `created`/`deleted` lines: `service/x`, `deployment.apps/x`. */
export function qualifiedName(info: KindInfo, name: string): string {
  return `${info.group ? `${info.singular}.${info.group}` : info.singular}/${name}`;
}
