/**
 * Objects for the describe goldens, shaped as a k3s v1.33 API server returns
 * them after admission and the kubelet's status updates (`kubectl run
 * mynginx --image nginx`, a Deployment `web`, the master node, ...).
 */
import type { KObject } from '../../../../api/object.ts';
import { NOW, ago, S, M, D } from '../../testdata/objects.ts';

export { NOW, ago, S, M, D };

export const kubeApiAccess = (suffix: string) => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  },
});

const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const conditions = (t: string) => ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']
  .map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: t }));

export function podSpec(name: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    containers: [{
      name, image, imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
      volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-7qxkz', readOnly: true }],
      ...extra,
    }],
    dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: 'master', preemptionPolicy: 'PreemptLowerPriority', priority: 0,
    restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'default', serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30, tolerations, volumes: [kubeApiAccess('7qxkz')],
  };
}

/** `kubectl run mynginx --image nginx`, 3m18s old. */
export const mynginx: KObject = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'mynginx', namespace: 'default', uid: 'a1b2', creationTimestamp: ago(3 * M + 18 * S), labels: { run: 'mynginx' } },
  spec: podSpec('mynginx', 'nginx'),
  status: {
    phase: 'Running', hostIP: '192.168.164.130', hostIPs: [{ ip: '192.168.164.130' }], podIP: '10.42.0.226', podIPs: [{ ip: '10.42.0.226' }],
    qosClass: 'BestEffort', startTime: ago(3 * M + 18 * S), conditions: conditions(ago(3 * M + 10 * S)),
    containerStatuses: [{
      name: 'mynginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest',
      imageID: 'docker.io/library/nginx@sha256:fb39280b7b9eba5727c884a3c7810002e69e8f961cc373b89c92f14961d903a0',
      containerID: 'containerd://4c5b3f0e1d2a8b9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c',
      state: { running: { startedAt: ago(3 * M + 10 * S) } }, lastState: {},
    }],
  },
};

const ev = (reason: string, from: string, message: string, first: number, last = first, count = 1, type = 'Normal'): KObject => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name: `x.${reason}`, namespace: 'default' }, type, reason, message,
  source: { component: from }, firstTimestamp: ago(first), lastTimestamp: ago(last), count,
});

export const mynginxEvents: KObject[] = [
  ev('Scheduled', 'default-scheduler', 'Successfully assigned default/mynginx to master', 3 * M + 18 * S),
  ev('Pulling', 'kubelet', 'Pulling image "nginx"', 3 * M + 17 * S),
  ev('Pulled', 'kubelet', 'Successfully pulled image "nginx" in 6.513s (6.513s including waiting). Image size: 72223946 bytes.', 3 * M + 11 * S),
  ev('Created', 'kubelet', 'Created container: mynginx', 3 * M + 11 * S),
  ev('Started', 'kubelet', 'Started container mynginx', 3 * M + 10 * S),
];

/** A pod whose command exits: CrashLoopBackOff with a Last State, env and a command. */
export const crashing: KObject = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    name: 'call-google', namespace: 'default', uid: 'c3d4', creationTimestamp: ago(2 * M), labels: { run: 'call-google' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'call-google-5d4f8', uid: 'rs-1', controller: true, blockOwnerDeletion: true }],
  },
  spec: podSpec('call-google', 'curlimages/curl', {
    command: ['curl', '-s', 'google-svc'],
    env: [{ name: 'TARGET', value: 'google.com' }, { name: 'MY_NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }, { name: 'MY_POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
  }),
  status: {
    phase: 'Running', hostIP: '192.168.164.130', podIP: '10.42.0.31', podIPs: [{ ip: '10.42.0.31' }], qosClass: 'Burstable', startTime: ago(2 * M),
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [{
      name: 'call-google', ready: false, started: false, restartCount: 3, image: 'docker.io/curlimages/curl:latest',
      imageID: 'docker.io/curlimages/curl@sha256:d43bdb28bae0be0998f3be83199bfb2b81e0a30b034b6d7586ce7e05de34c3fd',
      containerID: 'containerd://9f8e7d6c',
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=call-google' } },
      lastState: { terminated: { exitCode: 6, reason: 'Error', startedAt: ago(51 * S), finishedAt: ago(50 * S), containerID: 'containerd://9f8e7d6c' } },
    }],
  },
};

/** The k3s server node (fields as `kubectl get node master -o yaml` shows them). */
export const master: KObject = {
  apiVersion: 'v1', kind: 'Node',
  metadata: {
    name: 'master', uid: 'node-uid-master', creationTimestamp: '2026-01-05T09:00:40Z',
    labels: {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/instance-type': 'k3s', 'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'master', 'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/master': 'true', 'node.kubernetes.io/instance-type': 'k3s',
    },
    annotations: {
      'alpha.kubernetes.io/provided-node-ip': '192.168.164.130',
      'flannel.alpha.coreos.com/backend-data': '{"VNI":1,"VtepMAC":"6a:1e:5c:0b:9d:42"}',
      'flannel.alpha.coreos.com/backend-type': 'vxlan',
      'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
      'flannel.alpha.coreos.com/public-ip': '192.168.164.130',
      'k3s.io/hostname': 'master',
      'k3s.io/internal-ip': '192.168.164.130',
      'k3s.io/node-args': '["server"]',
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: { podCIDR: '10.42.0.0/24', podCIDRs: ['10.42.0.0/24'], providerID: 'k3s://master' },
  status: {
    addresses: [{ type: 'InternalIP', address: '192.168.164.130' }, { type: 'Hostname', address: 'master' }],
    capacity: { cpu: '2', 'ephemeral-storage': '19430032Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005080Ki', pods: '110' },
    allocatable: { cpu: '2', 'ephemeral-storage': '18901476270', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005080Ki', pods: '110' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2026-01-29T08:57:12Z', lastTransitionTime: '2026-01-05T09:00:40Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: '2026-01-29T08:57:12Z', lastTransitionTime: '2026-01-05T09:00:40Z', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: '2026-01-29T08:57:12Z', lastTransitionTime: '2026-01-05T09:00:40Z', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-29T08:57:12Z', lastTransitionTime: '2026-01-05T09:00:51Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    nodeInfo: {
      architecture: 'amd64', bootID: '0b3f5f2e-4c1d-4a8e-9d7b-2f6e1a3c5b7d', containerRuntimeVersion: 'containerd://2.1.5-k3s1',
      kernelVersion: '6.8.0-88-generic', kubeProxyVersion: '', kubeletVersion: 'v1.33.6+k3s1', machineID: '5f1c0e9d8b7a4c3e2d1f0a9b8c7d6e5f',
      operatingSystem: 'linux', osImage: 'Ubuntu 24.04.3 LTS', systemUUID: 'a1c24d56-8e9f-4b3a-9c2d-1e0f5a6b7c8d',
    },
  },
};

export const masterLease: KObject = {
  apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'master', namespace: 'kube-node-lease' },
  spec: { holderIdentity: 'master', leaseDurationSeconds: 40, renewTime: '2026-01-29T08:59:56.123456Z' },
};

function systemPod(ns: string, name: string, age: number, resources: Record<string, unknown>, phase = 'Running', node = 'master'): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, creationTimestamp: ago(age) },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'x', resources }] }, status: { phase },
  };
}

export const masterPods: KObject[] = [
  systemPod('kube-system', 'coredns-5688667fd4-x2v9k', 24 * D, { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } }),
  systemPod('default', 'mynginx', 3 * M + 18 * S, {}),
  systemPod('kube-system', 'metrics-server-6f4c6675d5-4xqzp', 24 * D, { requests: { cpu: '100m', memory: '70Mi' } }),
  systemPod('kube-system', 'helm-install-traefik-5kq2x', 24 * D, {}, 'Succeeded'),
  systemPod('default', 'on-worker', 1 * M, {}, 'Running', 'worker1'),
  systemPod('kube-system', 'local-path-provisioner-774c6665dc-8zkgw', 24 * D, {}),
];

const nginxTemplate = (hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
    dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
  },
});

export const webDeploy: KObject = {
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'dep-web', creationTimestamp: '2026-01-29T08:55:00Z', generation: 1, labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: {
    progressDeadlineSeconds: 600, replicas: 1, revisionHistoryLimit: 10, selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: nginxTemplate(),
  },
  status: {
    availableReplicas: 1, observedGeneration: 1, readyReplicas: 1, replicas: 1, updatedReplicas: 1,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-7d9c6b8f5d" has successfully progressed.' },
    ],
  },
};

const owner = (kind: string, name: string, uid: string) => [{ apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true }];

export const webRS: KObject = {
  apiVersion: 'apps/v1', kind: 'ReplicaSet',
  metadata: {
    name: 'web-7d9c6b8f5d', namespace: 'default', uid: 'rs-web', creationTimestamp: '2026-01-29T08:55:00Z',
    labels: { app: 'web', 'pod-template-hash': '7d9c6b8f5d' },
    annotations: { 'deployment.kubernetes.io/desired-replicas': '1', 'deployment.kubernetes.io/max-replicas': '2', 'deployment.kubernetes.io/revision': '1' },
    ownerReferences: owner('Deployment', 'web', 'dep-web'),
  },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d9c6b8f5d' } }, template: nginxTemplate('7d9c6b8f5d') },
  status: { availableReplicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1, readyReplicas: 1, replicas: 1 },
};

/** An older ReplicaSet of the same Deployment with another image, scaled to zero. */
export const webOldRS: KObject = {
  ...webRS,
  metadata: { ...webRS.metadata, name: 'web-6b7f9c4d8a', uid: 'rs-web-old', creationTimestamp: '2026-01-29T08:50:00Z', labels: { app: 'web', 'pod-template-hash': '6b7f9c4d8a' } },
  spec: { replicas: 0, selector: { matchLabels: { app: 'web', 'pod-template-hash': '6b7f9c4d8a' } }, template: { ...nginxTemplate('6b7f9c4d8a'), spec: { ...nginxTemplate().spec, containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  status: { replicas: 0 },
};

export const webPod: KObject = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-7d9c6b8f5d-h4x2p', namespace: 'default', labels: { app: 'web', 'pod-template-hash': '7d9c6b8f5d' }, ownerReferences: owner('ReplicaSet', 'web-7d9c6b8f5d', 'rs-web') },
  spec: {}, status: { phase: 'Running' },
};

export const depEvents: KObject[] = [
  { ...ev('ScalingReplicaSet', 'deployment-controller', 'Scaled up replica set web-7d9c6b8f5d from 0 to 1', 5 * M), involvedObject: { kind: 'Deployment', name: 'web' } },
];
