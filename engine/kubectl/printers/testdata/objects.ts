/**
 * Objects for the printer tests, shaped as a k3s v1.33 API server returns
 * them (the fields the printers read), named after the chapter's transcripts
 * (shared/seeds/k8s-networking-services.md).
 */
import type { KObject } from '../../../api/object.ts';

/** The tests' "now": 24 days after the k3s install of engine/sim's DEFAULT_START. */
export const NOW = Date.parse('2026-01-29T09:00:00Z');
export const ago = (ms: number): string => new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;

function meta(name: string, age: number, extra: Record<string, unknown> = {}) {
  return { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: ago(age), ...extra };
}

export function svc(name: string, age: number, spec: Record<string, unknown>, status: Record<string, unknown> = {}, labels?: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(name, age, labels ? { labels } : {}), spec, status: { loadBalancer: {}, ...status } };
}

export const kubernetesSvc = svc('kubernetes', 24 * D, {
  type: 'ClusterIP', clusterIP: '10.43.0.1', clusterIPs: ['10.43.0.1'],
  ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
}, {}, { component: 'apiserver', provider: 'kubernetes' });

export const myservice = svc('myservice', 6 * S, {
  type: 'ClusterIP', clusterIP: '10.43.152.73', clusterIPs: ['10.43.152.73'],
  ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }], selector: { run: 'mynginx' },
}, {}, { hello: 'world' });

export const nodePortSvc = svc('node-port', 42 * H, {
  type: 'NodePort', clusterIP: '10.43.94.27', clusterIPs: ['10.43.94.27'],
  ports: [{ port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 30080 }], selector: { run: 'node-port' },
});

export const loadBal = svc('load-bal', 3 * M + 18 * S, {
  type: 'LoadBalancer', clusterIP: '10.43.21.0', clusterIPs: ['10.43.21.0'],
  ports: [{ port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 30088 }], selector: { run: 'load-bal' },
  sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster',
  ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
}, { loadBalancer: { ingress: [{ ip: '192.168.164.131', ipMode: 'VIP' }, { ip: '192.168.164.130', ipMode: 'VIP' }] } });

export const googleSvc = svc('google-svc', 5 * S, { type: 'ExternalName', externalName: 'google.com', sessionAffinity: 'None' });

export const kubeDns: KObject = {
  ...svc('kube-dns', 46 * H, {
    type: 'ClusterIP', clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'],
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ],
    selector: { 'k8s-app': 'kube-dns' },
  }, {}, { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS', 'objectset.rio.cattle.io/hash': 'bce283298811743a0386ab510f2f67ef74240c57' }),
};
kubeDns.metadata.namespace = 'kube-system';

export function pod(name: string, age: number, status: Record<string, unknown>, spec: Record<string, unknown> = {}, extraMeta: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: meta(name, age, { labels: { run: name }, ...extraMeta }),
    spec: { containers: [{ name, image: 'nginx' }], nodeName: 'master', restartPolicy: 'Always', ...spec },
    status,
  };
}

const running = (ip: string, startedAgo: number) => ({
  phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: '192.168.164.130',
  conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }, { type: 'ContainersReady', status: 'True' }, { type: 'PodScheduled', status: 'True' }],
  containerStatuses: [{ name: 'c', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest', state: { running: { startedAt: ago(startedAgo) } } }],
});

export const mynginx = pod('mynginx', 6 * S, running('10.42.0.226', 5 * S));

export const callGoogle = pod('call-google', 2 * M, {
  phase: 'Running', podIP: '10.42.0.31', podIPs: [{ ip: '10.42.0.31' }],
  conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'False' }],
  containerStatuses: [{
    name: 'call-google', ready: false, started: false, restartCount: 3,
    state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
    lastState: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(51 * S), finishedAt: ago(50 * S) } },
  }],
}, { containers: [{ name: 'call-google', image: 'curlimages/curl' }] });

export const completedPod = pod('once', 10 * M, {
  phase: 'Succeeded', podIP: '10.42.0.40', podIPs: [{ ip: '10.42.0.40' }],
  containerStatuses: [{ name: 'once', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
}, { restartPolicy: 'Never' });

export const creatingPod = pod('web', 3 * S, {
  phase: 'Pending',
  containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
});

export const pendingPod = pod('big', 70 * S, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }, { nodeName: undefined });

export const terminatingPod = pod('old', 3 * H, running('10.42.1.7', 3 * H), { nodeName: 'worker1' }, { deletionTimestamp: ago(2 * S) });

export const initPod = pod('with-init', 4 * S, {
  phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }],
  initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, state: { running: { startedAt: ago(2 * S) } } }],
  containerStatuses: [{ name: 'main', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
}, { initContainers: [{ name: 'setup', image: 'busybox' }] });

export function node(name: string, ip: string, labels: Record<string, string>): KObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: ago(24 * D), labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...labels } },
    spec: { podCIDR: '10.42.0.0/24' },
    status: {
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: 'v1.33.6+k3s1', osImage: 'Ubuntu 24.04.3 LTS', kernelVersion: '6.8.0-88-generic', containerRuntimeVersion: 'containerd://2.1.5-k3s1' },
    },
  };
}

export const master = node('master', '192.168.164.130', { 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/master': 'true' });
export const worker1 = node('worker1', '192.168.164.131', {});

export const defaultNs: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', creationTimestamp: ago(24 * D), labels: { 'kubernetes.io/metadata.name': 'default' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };

export const nginxDeploy: KObject = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('nginx', 5 * M, { labels: { app: 'nginx' } }),
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
};

export const denyAll: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('default-deny', 90 * S), spec: { podSelector: {}, policyTypes: ['Ingress'] } };
export const allowWeb: KObject = {
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('allow-web', 80 * S),
  spec: { podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] }, ingress: [{}] },
};

export function endpoints(name: string, age: number, ips: string[], port: number, portName?: string): KObject {
  return {
    apiVersion: 'v1', kind: 'Endpoints', metadata: meta(name, age),
    subsets: ips.length ? [{ addresses: ips.map((ip) => ({ ip })), ports: [{ port, protocol: 'TCP', ...(portName ? { name: portName } : {}) }] }] : undefined,
  };
}
