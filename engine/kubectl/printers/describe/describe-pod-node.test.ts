/**
 * Goldens for `kubectl describe pod|node`, laid out by kubectl
 * pkg/describe/describe.go v0.33 (describePod, describeContainers,
 * describeStatus, describeVolumes/printProjectedVolumeSource,
 * printTolerationsMultilineWithIndent, describeNode, describeNodeLease,
 * describeNodeResource, DescribeEvents) run through tabwriter(0, 8, 2, ' ', 0).
 * Fragments marked "describe_test.go" are copied from kubectl
 * pkg/describe/describe_test.go v0.33. Trailing spaces are part of the
 * format (Conditions rows end with `True `; `Kube-Proxy Version:` is empty).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeObject } from './index.ts';
import * as k from './testdata/k3s.ts';

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const text = (r: ReturnType<typeof describeObject>) => (r.ok ? r.text : `unsupported: ${r.message}`);

describe('describeObject(Pod)', () => {
  it('kubectl describe pod mynginx (kubectl run, k3s v1.33)', () => {
    const r = describeObject(k.mynginx, { now: k.NOW, events: k.mynginxEvents });
    expect(text(r)).to.equal(lines(
      'Name:             mynginx',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             master/192.168.164.130',
      'Start Time:       Thu, 29 Jan 2026 08:56:42 +0000',
      'Labels:           run=mynginx',
      'Annotations:      <none>',
      'Status:           Running',
      'IP:               10.42.0.226',
      'IPs:',
      '  IP:  10.42.0.226',
      'Containers:',
      '  mynginx:',
      '    Container ID:   containerd://4c5b3f0e1d2a8b9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c',
      '    Image:          nginx',
      '    Image ID:       docker.io/library/nginx@sha256:fb39280b7b9eba5727c884a3c7810002e69e8f961cc373b89c92f14961d903a0',
      '    Port:           <none>',
      '    Host Port:      <none>',
      '    State:          Running',
      '      Started:      Thu, 29 Jan 2026 08:56:50 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7qxkz (ro)',
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      '  kube-api-access-7qxkz:',
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    Optional:                false',
      '    DownwardAPI:             true',
      'QoS Class:                   BestEffort',
      'Node-Selectors:              <none>',
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:',
      '  Type    Reason     Age    From               Message',
      '  ----    ------     ----   ----               -------',
      '  Normal  Scheduled  3m18s  default-scheduler  Successfully assigned default/mynginx to master',
      '  Normal  Pulling    3m17s  kubelet            Pulling image "nginx"',
      '  Normal  Pulled     3m11s  kubelet            Successfully pulled image "nginx" in 6.513s (6.513s including waiting). Image size: 72223946 bytes.',
      '  Normal  Created    3m11s  kubelet            Created container: mynginx',
      '  Normal  Started    3m10s  kubelet            Started container mynginx',
    ));
  });

  it('a restarted container: command, Last State, resources, env (fieldRef only resolves metadata.name/namespace), Controlled By', () => {
    const t = text(describeObject(k.crashing, { now: k.NOW, events: [] }));
    expect(t).to.include(lines(
      'IPs:',
      '  IP:           10.42.0.31',
      'Controlled By:  ReplicaSet/call-google-5d4f8',
      'Containers:',
      '  call-google:',
      '    Container ID:  containerd://9f8e7d6c',
    ));
    expect(t).to.include(lines(
      '    Port:          8080/TCP',
      '    Host Port:     0/TCP',
      '    Command:',
      '      curl',
      '      -s',
      '      google-svc',
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    6',
      '      Started:      Thu, 29 Jan 2026 08:59:09 +0000',
      '      Finished:     Thu, 29 Jan 2026 08:59:10 +0000',
      '    Ready:          False',
      '    Restart Count:  3',
      '    Limits:',
      '      memory:  128Mi',
      '    Requests:',
      '      cpu:     100m',
      '      memory:  64Mi',
      '    Environment:',
      '      TARGET:   google.com',
      '      MY_NODE:   (v1:spec.nodeName)',
      '      MY_POD:   call-google (v1:metadata.name)',
    ));
    expect(t).to.include('QoS Class:                   Burstable\n');
    expect(t.endsWith('Events:                      <none>\n')).to.equal(true);
  });

  it('describe_test.go TestDescribePodVolumes: an empty pod, `Status:` and `IP:` keep their padding', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bar', namespace: 'foo' }, spec: { volumes: [{ name: 'image', image: { reference: 'image', pullPolicy: 'IfNotPresent' } }] } };
    expect(text(describeObject(pod as never, { now: k.NOW, events: [] }))).to.equal(lines(
      'Name:         bar',
      'Namespace:    foo',
      'Node:         <none>',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Status:       ',
      'IP:           ',
      'IPs:          <none>',
      'Containers: <none>',
      'Volumes:',
      '  image:',
      '    Type:        Image (a container image or OCI artifact)',
      '    Reference:   image',
      '    PullPolicy:  IfNotPresent',
      'QoS Class:       BestEffort',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
      'Events:          <none>',
    ));
  });

  it('describe_test.go TestDescribePodTolerations: operator Exists, values, effects, seconds', () => {
    const pod = { ...k.mynginx, spec: { ...k.mynginx.spec, tolerations: [
      { operator: 'Exists' }, { effect: 'NoSchedule', operator: 'Exists' }, { key: 'key0', operator: 'Exists' }, { key: 'key1', value: 'value1' },
      { key: 'key2', operator: 'Equal', value: 'value2', effect: 'NoSchedule' }, { key: 'key3', value: 'value3', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'key4', effect: 'NoExecute', tolerationSeconds: 60 },
    ] } };
    const t = text(describeObject(pod, { now: k.NOW, events: [] }));
    for (const s of ['  op=Exists\n', ':NoSchedule op=Exists\n', 'key0 op=Exists\n', 'key1=value1\n', 'key2=value2:NoSchedule\n', 'key3=value3:NoExecute for 300s\n', 'key4:NoExecute for 60s\n']) {
      expect(t).to.include(s);
    }
  });

  it('a terminating pod and --show-events=false', () => {
    const pod = { ...k.mynginx, metadata: { ...k.mynginx.metadata, deletionTimestamp: k.ago(2 * k.S), deletionGracePeriodSeconds: 30 } };
    const t = text(describeObject(pod, { now: k.NOW, events: k.mynginxEvents, showEvents: false }));
    expect(t).to.include('Status:                    Terminating (lasts 2s)\nTermination Grace Period:  30s\n');
    expect(t).not.to.include('Events');
  });
});

describe('describeObject(Node)', () => {
  it('kubectl describe node master (k3s server, pods on it, its Lease)', () => {
    const r = describeObject(k.master, { now: k.NOW, events: [], related: { pods: k.masterPods, lease: k.masterLease } });
    expect(text(r)).to.equal(lines(
      'Name:               master',
      'Roles:              control-plane,master',
      'Labels:             beta.kubernetes.io/arch=amd64',
      '                    beta.kubernetes.io/instance-type=k3s',
      '                    beta.kubernetes.io/os=linux',
      '                    kubernetes.io/arch=amd64',
      '                    kubernetes.io/hostname=master',
      '                    kubernetes.io/os=linux',
      '                    node-role.kubernetes.io/control-plane=true',
      '                    node-role.kubernetes.io/master=true',
      '                    node.kubernetes.io/instance-type=k3s',
      'Annotations:        alpha.kubernetes.io/provided-node-ip: 192.168.164.130',
      '                    flannel.alpha.coreos.com/backend-data: {"VNI":1,"VtepMAC":"6a:1e:5c:0b:9d:42"}',
      '                    flannel.alpha.coreos.com/backend-type: vxlan',
      '                    flannel.alpha.coreos.com/kube-subnet-manager: true',
      '                    flannel.alpha.coreos.com/public-ip: 192.168.164.130',
      '                    k3s.io/hostname: master',
      '                    k3s.io/internal-ip: 192.168.164.130',
      '                    k3s.io/node-args: ["server"]',
      '                    node.alpha.kubernetes.io/ttl: 0',
      '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
      'CreationTimestamp:  Mon, 05 Jan 2026 09:00:40 +0000',
      'Taints:             <none>',
      'Unschedulable:      false',
      'Lease:',
      '  HolderIdentity:  master',
      '  AcquireTime:     <unset>',
      '  RenewTime:       Thu, 29 Jan 2026 08:59:56 +0000',
      'Conditions:',
      '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
      '  ----             ------  -----------------                 ------------------                ------                       -------',
      '  MemoryPressure   False   Thu, 29 Jan 2026 08:57:12 +0000   Mon, 05 Jan 2026 09:00:40 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
      '  DiskPressure     False   Thu, 29 Jan 2026 08:57:12 +0000   Mon, 05 Jan 2026 09:00:40 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
      '  PIDPressure      False   Thu, 29 Jan 2026 08:57:12 +0000   Mon, 05 Jan 2026 09:00:40 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
      '  Ready            True    Thu, 29 Jan 2026 08:57:12 +0000   Mon, 05 Jan 2026 09:00:51 +0000   KubeletReady                 kubelet is posting ready status',
      'Addresses:',
      '  InternalIP:  192.168.164.130',
      '  Hostname:    master',
      'Capacity:',
      '  cpu:                2',
      '  ephemeral-storage:  19430032Ki',
      '  hugepages-1Gi:      0',
      '  hugepages-2Mi:      0',
      '  memory:             4005080Ki',
      '  pods:               110',
      'Allocatable:',
      '  cpu:                2',
      '  ephemeral-storage:  18901476270',
      '  hugepages-1Gi:      0',
      '  hugepages-2Mi:      0',
      '  memory:             4005080Ki',
      '  pods:               110',
      'System Info:',
      '  Machine ID:                 5f1c0e9d8b7a4c3e2d1f0a9b8c7d6e5f',
      '  System UUID:                a1c24d56-8e9f-4b3a-9c2d-1e0f5a6b7c8d',
      '  Boot ID:                    0b3f5f2e-4c1d-4a8e-9d7b-2f6e1a3c5b7d',
      '  Kernel Version:             6.8.0-88-generic',
      '  OS Image:                   Ubuntu 24.04.3 LTS',
      '  Operating System:           linux',
      '  Architecture:               amd64',
      '  Container Runtime Version:  containerd://2.1.5-k3s1',
      '  Kubelet Version:            v1.33.6+k3s1',
      '  Kube-Proxy Version:         ',
      'PodCIDR:                      10.42.0.0/24',
      'PodCIDRs:                     10.42.0.0/24',
      'ProviderID:                   k3s://master',
      'Non-terminated Pods:          (4 in total)',
      '  Namespace                   Name                                       CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
      '  ---------                   ----                                       ------------  ----------  ---------------  -------------  ---',
      '  default                     mynginx                                    0 (0%)        0 (0%)      0 (0%)           0 (0%)         3m18s',
      '  kube-system                 coredns-5688667fd4-x2v9k                   100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     24d',
      '  kube-system                 local-path-provisioner-774c6665dc-8zkgw    0 (0%)        0 (0%)      0 (0%)           0 (0%)         24d',
      '  kube-system                 metrics-server-6f4c6675d5-4xqzp            100m (5%)     0 (0%)      70Mi (1%)        0 (0%)         24d',
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource           Requests    Limits',
      '  --------           --------    ------',
      '  cpu                200m (10%)  0 (0%)',
      '  memory             140Mi (3%)  170Mi (4%)',
      '  ephemeral-storage  0 (0%)      0 (0%)',
      '  hugepages-1Gi      0 (0%)      0 (0%)',
      '  hugepages-2Mi      0 (0%)      0 (0%)',
      'Events:              <none>',
    ));
  });

  it('describe_test.go TestDescribeNode: Allocated resources with hugepages', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bar', uid: 'uid' }, spec: { unschedulable: true },
      status: { capacity: { cpu: '8', memory: '24Gi', 'hugepages-2Mi': '4Gi', 'hugepages-1Gi': '0' }, allocatable: { cpu: '4', memory: '12Gi', 'hugepages-2Mi': '2Gi', 'hugepages-1Gi': '0' } } };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod-with-resources', namespace: 'foo' }, status: { phase: 'Running' },
      spec: { nodeName: 'bar', containers: [
        { name: 'cpu-mem', image: 'image:latest', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } } },
        { name: 'hugepages', image: 'image:latest', resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } } },
      ] } };
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'bar' }, spec: { holderIdentity: 'holder' } };
    const t = text(describeObject(node, { now: k.NOW, events: [], related: { pods: [pod], lease } }));
    expect(t).to.include('Unschedulable:      true\n');
    expect(t).to.include('  HolderIdentity:  holder\n');
    expect(t).to.include(lines(
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource           Requests     Limits',
      '  --------           --------     ------',
      '  cpu                1 (25%)      2 (50%)',
      '  memory             1Gi (8%)     2Gi (16%)',
      '  ephemeral-storage  0 (0%)       0 (0%)',
      '  hugepages-1Gi      0 (0%)       0 (0%)',
      '  hugepages-2Mi      512Mi (25%)  512Mi (25%)',
    ));
  });

  it('no Lease: kubectl prints the lookup error', () => {
    const t = text(describeObject(k.master, { now: k.NOW, events: [] }));
    expect(t).to.include('Lease:              Failed to get lease: leases.coordination.k8s.io "master" not found\n');
    expect(t).to.include('Non-terminated Pods:          (0 in total)\n');
  });
});
