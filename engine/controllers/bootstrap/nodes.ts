/**
 * Node objects as a fresh k3s shows them (`kubectl get node -o yaml` on
 * v1.33 with flannel's vxlan backend): the labels k3s and the kubelet set,
 * the k3s and flannel annotations, a /24 pod CIDR per node in table order.
 */
import type { Cluster } from '../../cluster/cluster.ts';
import type { NodeSpec } from '../../cluster/config.ts';
import type { KObject } from '../../api/object.ts';
import { toRfc3339 } from '../../sim/index.ts';
import { nodePodCidr } from '../ipam.ts';

/** containerd that each k3s release bundles (k3s release notes). */
export function containerdFor(k3sVersion: string): string {
  const minor = /^v1\.(\d+)\./.exec(k3sVersion)?.[1];
  const table: Record<string, string> = { '31': '1.7.23-k3s1', '32': '2.0.4-k3s2', '33': '2.1.4-k3s1', '34': '2.1.5-k3s1' };
  return `containerd://${table[minor ?? ''] ?? '2.1.4-k3s1'}`;
}

export const OS_IMAGE = 'Ubuntu 22.04.5 LTS';
export const KERNEL = '5.15.0-160-generic';

export function buildNode(cluster: Cluster, spec: NodeSpec, index: number, at: number): KObject {
  const r = cluster.random.fork(`bootstrap/node/${spec.name}`);
  const hex = (n: number) => r.string(n, '0123456789abcdef');
  const mac = Array.from({ length: 6 }, () => hex(2)).join(':');
  const cidr = nodePodCidr(cluster.config.clusterCidr, index);
  const server = spec.role === 'control-plane';
  const master = cluster.config.nodes.find((n) => n.role === 'control-plane') ?? cluster.config.nodes[0]!;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': 'k3s',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
  };
  if (server) {
    labels['node-role.kubernetes.io/control-plane'] = 'true';
    labels['node-role.kubernetes.io/master'] = 'true';
  }
  labels['node.kubernetes.io/instance-type'] = 'k3s';
  const ts = toRfc3339(at);
  const cond = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: ts, lastTransitionTime: ts, message, reason, status, type });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      creationTimestamp: ts,
      labels,
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': spec.ip,
        'flannel.alpha.coreos.com/backend-data': `{"VNI":1,"VtepMAC":"${mac}"}`,
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': spec.ip,
        'k3s.io/hostname': spec.name,
        'k3s.io/internal-ip': spec.ip,
        'k3s.io/node-args': server ? '["server"]' : '["agent"]',
        'k3s.io/node-config-hash': r.string(52, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') + '====',
        'k3s.io/node-env': server ? '{}' : `{"K3S_TOKEN":"********","K3S_URL":"https://${master.ip}:6443"}`,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], providerID: `k3s://${spec.name}` },
    status: {
      addresses: [
        { address: spec.ip, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: { cpu: '2', 'ephemeral-storage': '29378445252', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005096Ki', pods: '110' },
      capacity: { cpu: '2', 'ephemeral-storage': '30199892Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4005096Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        containerRuntimeVersion: containerdFor(cluster.config.k3sVersion),
        kernelVersion: KERNEL,
        kubeProxyVersion: '',
        kubeletVersion: cluster.config.k3sVersion,
        machineID: hex(32),
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      },
    },
  };
}
