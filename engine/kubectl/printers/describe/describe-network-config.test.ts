/**
 * Goldens for `kubectl describe networkpolicy|endpointslice|configmap|
 * daemonset|statefulset` (kubectl pkg/describe/describe.go v0.33:
 * describeNetworkPolicySpec, describeEndpointSliceV1, ConfigMapDescriber,
 * describeDaemonSet, describeStatefulSet). The NetworkPolicy and EndpointSlice
 * texts are kubectl's own pkg/describe/describe_test.go goldens
 * (TestDescribeNetworkPolicies, TestDescribeEndpointSlice "EndpointSlices
 * v1"), with the creation time moved to UTC (the lab's TZ).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeObject } from './index.ts';
import * as k from './testdata/k3s.ts';
import type { KObject } from '../../../api/object.ts';

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const text = (r: ReturnType<typeof describeObject>) => (r.ok ? r.text : `unsupported: ${r.message}`);
const d = (obj: unknown, related = {}) => text(describeObject(obj as KObject, { now: k.NOW, events: [], related }));

const peers = [
  { podSelector: { matchLabels: { id: 'pod1', id2: 'pod2' } }, namespaceSelector: { matchLabels: { id: 'ns1', id2: 'ns2' } } },
  { podSelector: { matchLabels: { id: 'app2', id2: 'app3' } } },
  { namespaceSelector: { matchLabels: { id: 'app2', id2: 'app3' } } },
  { namespaceSelector: { matchLabels: { id: 'app2', id2: 'app3' }, matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar1', 'bar2'] }] } },
  { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] } },
];
const ports = [{ port: 80 }, { port: 82, protocol: 'TCP' }];
const rulesText = (peer: string) => [
  '    To Port: 80/TCP',
  '    To Port: 82/TCP',
  `    ${peer}:`, '      NamespaceSelector: id=ns1,id2=ns2', '      PodSelector: id=pod1,id2=pod2',
  `    ${peer}:`, '      PodSelector: id=app2,id2=app3',
  `    ${peer}:`, '      NamespaceSelector: id=app2,id2=app3',
  `    ${peer}:`, '      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3',
  `    ${peer}:`, '      IPBlock:', '        CIDR: 192.168.0.0/16', '        Except: 192.168.3.0/24, 192.168.4.0/24',
  '    ----------',
  '    To Port: <any> (traffic allowed to all ports)',
];

describe('describeObject(NetworkPolicy)', () => {
  it('describe_test.go TestDescribeNetworkPolicies (ingress and egress)', () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'network-policy-1', namespace: 'default', creationTimestamp: '2017-06-05T04:45:56Z' },
      spec: {
        podSelector: { matchLabels: { id1: 'app1', id2: 'app2' }, matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar1', 'bar2'] }, { key: 'foo2', operator: 'NotIn', values: ['bar1', 'bar2'] }] },
        ingress: [{ ports, from: peers }, {}], egress: [{ ports, to: peers }, {}], policyTypes: ['Ingress', 'Egress'],
      },
    };
    expect(d(np)).to.equal(lines(
      'Name:         network-policy-1',
      'Namespace:    default',
      'Created on:   2017-06-05 04:45:56 +0000 UTC',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Spec:',
      '  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2',
      '  Allowing ingress traffic:',
      ...rulesText('From'),
      '    From: <any> (traffic not restricted by source)',
      '  Allowing egress traffic:',
      ...rulesText('To'),
      '    To: <any> (traffic not restricted by destination)',
      '  Policy Types: Ingress, Egress',
    ));
  });

  it('a k3s lab policy: allow app=web from access=true on 80', () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-web', namespace: 'default', creationTimestamp: '2026-01-29T08:58:30Z' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { access: 'true' } } }], ports: [{ port: 80, protocol: 'TCP' }] }], policyTypes: ['Ingress'] },
    };
    expect(d(np)).to.equal(lines(
      'Name:         allow-web', 'Namespace:    default', 'Created on:   2026-01-29 08:58:30 +0000 UTC', 'Labels:       <none>', 'Annotations:  <none>',
      'Spec:', '  PodSelector:     app=web', '  Allowing ingress traffic:', '    To Port: 80/TCP', '    From:', '      PodSelector: access=true',
      '  Not affecting egress traffic', '  Policy Types: Ingress',
    ));
  });

  it('default deny: empty selector and isolated directions; named ports and ranges', () => {
    const deny = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
    expect(d(deny)).to.include(lines(
      'Created on:   0001-01-01 00:00:00 +0000 UTC',
    )).and.include(lines(
      '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
      '  Allowing ingress traffic:', '    <none> (Selected pods are isolated for ingress connectivity)',
      '  Allowing egress traffic:', '    <none> (Selected pods are isolated for egress connectivity)',
      '  Policy Types: Ingress, Egress',
    ));
    const range = { ...deny, spec: { podSelector: {}, egress: [{ ports: [{ port: 'dns', protocol: 'UDP' }, { port: 32000, endPort: 32768 }], to: [{ namespaceSelector: {} }] }], policyTypes: ['Egress'] } };
    expect(d(range)).to.include(lines('    To Port: dns/UDP', '    To Port Range: 32000-32768/TCP', '    To:', '      NamespaceSelector: <none>'));
  });
});

describe('describeObject(EndpointSlice)', () => {
  it('describe_test.go TestDescribeEndpointSlice "EndpointSlices v1"', () => {
    const es = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'foo.123', namespace: 'bar' }, addressType: 'IPv4',
      endpoints: [
        { addresses: ['1.2.3.4', '1.2.3.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-123' }, zone: 'us-central1-a', nodeName: 'node-1' },
        { addresses: ['1.2.3.6', '1.2.3.7'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'test-124' }, nodeName: 'node-2' },
      ],
      ports: [{ protocol: 'TCP', port: 80 }],
    };
    expect(d(es)).to.equal(lines(
      'Name:         foo.123', 'Namespace:    bar', 'Labels:       <none>', 'Annotations:  <none>', 'AddressType:  IPv4',
      'Ports:', '  Name     Port  Protocol', '  ----     ----  --------', '  <unset>  80    TCP',
      'Endpoints:',
      '  - Addresses:  1.2.3.4, 1.2.3.5', '    Conditions:', '      Ready:    true', '    Hostname:   <unset>', '    TargetRef:  Pod/test-123', '    NodeName:   node-1', '    Zone:       us-central1-a',
      '  - Addresses:  1.2.3.6, 1.2.3.7', '    Conditions:', '      Ready:    true', '    Hostname:   <unset>', '    TargetRef:  Pod/test-124', '    NodeName:   node-2', '    Zone:       <unset>',
      'Events:         <none>',
    ));
  });

  it('no ports and no endpoints', () => {
    const es = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'x-abc', namespace: 'default' }, addressType: 'IPv4', endpoints: [] };
    expect(d(es)).to.include(lines('Ports: <unset>', 'Endpoints: <none>'));
  });
});

describe('describeObject(ConfigMap)', () => {
  it('kube-root-ca.crt: long annotation on its own line, data blocks, BinaryData, Events', () => {
    const cm = {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default', annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2g\n-----END CERTIFICATE-----\n' },
    };
    expect(d(cm)).to.equal(lines(
      'Name:         kube-root-ca.crt',
      'Namespace:    default',
      'Labels:       <none>',
      'Annotations:  kubernetes.io/description:',
      '                Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubern...',
      '', 'Data', '====', 'ca.crt:', '----', '-----BEGIN CERTIFICATE-----', 'MIIBdzCCAR2g', '-----END CERTIFICATE-----', '', '', '',
      'BinaryData', '====', '', 'Events:  <none>',
    ));
  });

  it('describe_test.go TestDescribeConfigMap: binary data sizes', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mycm', namespace: 'foo' }, data: { key1: 'value1', key2: 'value2' }, binaryData: { binarykey1: '//79/Ps=', binarykey2: '//79/Pv6' } };
    const t = d(cm);
    expect(t).to.include(lines('key1:', '----', 'value1', '', 'key2:', '----', 'value2'));
    expect(t).to.include(lines('binarykey1: 5 bytes', 'binarykey2: 6 bytes'));
  });
});

describe('describeObject(DaemonSet, StatefulSet)', () => {
  it('k3s servicelb DaemonSet: counts, env with fieldRef, tolerations', () => {
    const ds = {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'svclb-load-bal-8a3a4b1c', namespace: 'kube-system', uid: 'ds1', labels: { 'svccontroller.k3s.cattle.io/svcname': 'load-bal' }, annotations: { 'deprecated.daemonset.template.generation': '1' } },
      spec: {
        selector: { matchLabels: { app: 'svclb-load-bal-8a3a4b1c' } },
        template: { metadata: { labels: { app: 'svclb-load-bal-8a3a4b1c' } }, spec: {
          serviceAccountName: 'svclb',
          containers: [{ name: 'lb-tcp-8080', image: 'rancher/klipper-lb:v0.4.13', ports: [{ name: 'lb-tcp-8080', containerPort: 8080, hostPort: 8080, protocol: 'TCP' }],
            env: [{ name: 'SRC_PORT', value: '8080' }, { name: 'DEST_IPS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIPs' } } }] }],
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' }],
        } },
      },
      status: { currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, updatedNumberScheduled: 2 },
    };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'svclb-x', namespace: 'kube-system', labels: { app: 'svclb-load-bal-8a3a4b1c' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'svclb-load-bal-8a3a4b1c', uid: 'ds1', controller: true }] }, status: { phase: 'Running' } };
    expect(d(ds, { pods: [pod, pod] })).to.equal(lines(
      'Name:           svclb-load-bal-8a3a4b1c',
      'Namespace:      kube-system',
      'Selector:       app=svclb-load-bal-8a3a4b1c',
      'Node-Selector:  <none>',
      'Labels:         svccontroller.k3s.cattle.io/svcname=load-bal',
      'Annotations:    deprecated.daemonset.template.generation: 1',
      'Desired Number of Nodes Scheduled: 2',
      'Current Number of Nodes Scheduled: 2',
      'Number of Nodes Scheduled with Up-to-date Pods: 2',
      'Number of Nodes Scheduled with Available Pods: 2',
      'Number of Nodes Misscheduled: 0',
      'Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:           app=svclb-load-bal-8a3a4b1c',
      '  Service Account:  svclb',
      '  Containers:',
      '   lb-tcp-8080:',
      '    Image:      rancher/klipper-lb:v0.4.13',
      '    Port:       8080/TCP',
      '    Host Port:  8080/TCP',
      '    Environment:',
      '      SRC_PORT:    8080',
      '      DEST_IPS:     (v1:status.hostIPs)',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     CriticalAddonsOnly op=Exists',
      '                   node-role.kubernetes.io/master:NoSchedule op=Exists',
      'Events:            <none>',
    ));
  });

  it('describe_test.go TestDescribeStatefulSet: update strategy with partition; volume claims', () => {
    const ss = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'bar', namespace: 'foo', creationTimestamp: '2026-01-29T08:00:00Z' },
      spec: {
        replicas: 1, selector: {}, template: { spec: { containers: [{ image: 'mytest-image:latest' }] } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2672 } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    const t = d(ss);
    expect(t).to.include(lines('CreationTimestamp:  Thu, 29 Jan 2026 08:00:00 +0000', 'Selector:           '));
    expect(t).to.include(lines('Replicas:           1 desired | 0 total', 'Update Strategy:    RollingUpdate', '  Partition:        2672'));
    expect(t).to.include(lines('Volume Claims:', '  Name:          data', '  StorageClass:  local-path', '  Labels:        <none>', '  Annotations:   <none>', '  Capacity:      1Gi', '  Access Modes:  [ReadWriteOnce]'));
    expect(t).to.include('mytest-image:latest');
  });
});
