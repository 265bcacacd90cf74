/**
 * `-o yaml` goldens, from the rules of sigs.k8s.io/yaml v1.4.0 goyaml.v2
 * (encode.go stringv, resolve.go, sorter.go, emitterc.go): the Pod is shaped
 * as `kubectl get pod mynginx -o yaml` prints it on k3s.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { toKubectlYaml } from './yaml.ts';
import { canUsePlain, yamlKeyLess } from './yaml-resolve.ts';
import { listObject } from './gojson.ts';

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('toKubectlYaml', () => {
  it('a Pod as kubectl get -o yaml prints it', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { creationTimestamp: '2026-01-05T09:00:00Z', labels: { run: 'mynginx' }, name: 'mynginx', namespace: 'default', resourceVersion: '1234', uid: '0b6c4c2e-4f43-4a53-9d38-2f1d5e2b7a10' },
      spec: {
        containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'mynginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        dnsPolicy: 'ClusterFirst', enableServiceLinks: true, nodeName: 'master', restartPolicy: 'Always', terminationGracePeriodSeconds: 30,
        tolerations: [{ effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 }],
      },
      status: { phase: 'Running', podIP: '10.42.0.226', podIPs: [{ ip: '10.42.0.226' }], qosClass: 'BestEffort', startTime: '2026-01-05T09:00:00Z' },
    };
    expect(toKubectlYaml(pod)).to.equal(lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  creationTimestamp: "2026-01-05T09:00:00Z"',
      '  labels:',
      '    run: mynginx',
      '  name: mynginx',
      '  namespace: default',
      '  resourceVersion: "1234"',
      '  uid: 0b6c4c2e-4f43-4a53-9d38-2f1d5e2b7a10',
      'spec:',
      '  containers:',
      '  - image: nginx',
      '    imagePullPolicy: Always',
      '    name: mynginx',
      '    ports:',
      '    - containerPort: 80',
      '      protocol: TCP',
      '    resources: {}',
      '    terminationMessagePath: /dev/termination-log',
      '    terminationMessagePolicy: File',
      '  dnsPolicy: ClusterFirst',
      '  enableServiceLinks: true',
      '  nodeName: master',
      '  restartPolicy: Always',
      '  terminationGracePeriodSeconds: 30',
      '  tolerations:',
      '  - effect: NoExecute',
      '    key: node.kubernetes.io/not-ready',
      '    operator: Exists',
      '    tolerationSeconds: 300',
      'status:',
      '  phase: Running',
      '  podIP: 10.42.0.226',
      '  podIPs:',
      '  - ip: 10.42.0.226',
      '  qosClass: BestEffort',
      '  startTime: "2026-01-05T09:00:00Z"',
    ));
  });
  it('the List wrapper', () => {
    expect(toKubectlYaml(listObject([]))).to.equal(lines('apiVersion: v1', 'items: []', 'kind: List', 'metadata:', '  resourceVersion: ""'));
  });
  it('quoting: double for values that would change type, single for indicators', () => {
    expect(toKubectlYaml({ a: ['80', 'true', 'yes', 'on', 'null', '~', '1.5', '0755', '1:30', '2026-01-05', '', '*', ': x', 'a: b', '- x', '#c', 'a #c', "it's", 'a\tb', ' lead', 'x ', 'é', '😀'] })).to.equal(lines(
      'a:', '- "80"', '- "true"', '- "yes"', '- "on"', '- "null"', '- "~"', '- "1.5"', '- "0755"', '- "1:30"', '- "2026-01-05"', '- ""', "- '*'", "- ': x'", "- 'a: b'", "- '- x'", "- '#c'", "- 'a #c'", "- it's", '- "a\\tb"', "- ' lead'", "- 'x '", '- é', '- "\\U0001F600"',
    ));
  });
  it('multi-line strings as literal blocks with chomping indicators', () => {
    expect(toKubectlYaml({ a: 'x\n', b: 'x\ny', c: 'x\n\n', d: ' x\n' })).to.equal(lines('a: |', '  x', 'b: |-', '  x', '  y', 'c: |+', '  x', '', 'd: |2', '   x'));
  });
  it('long plain strings fold at the first space past column 80', () => {
    const msg = 'The quick brown fox jumps over the lazy dog and keeps running through the field until the night falls down';
    expect(toKubectlYaml({ metadata: { annotations: { note: msg } } })).to.equal(lines(
      'metadata:', '  annotations:',
      '    note: The quick brown fox jumps over the lazy dog and keeps running through the',
      '      field until the night falls down'));
  });
  it('nested and empty sequences', () => {
    expect(toKubectlYaml({ seq: [[1, 2], [], {}], f: 0.5, big: 1000000, y: 1 })).to.equal(lines('big: 1000000', 'f: 0.5', 'seq:', '- - 1', '  - 2', '- []', '- {}', '"y": 1')); // go-yaml v2 quotes the key y (a YAML 1.1 bool)
  });
});

describe('go-yaml v2 helpers', () => {
  it('resolve: which strings may stay plain', () => {
    expect(['hello', 'nginx:1.27', '10.42.0.226', 'v1.33.6+k3s1', '-c'].every(canUsePlain)).to.equal(true);
    expect(['1', '-1', '0x1F', '1e3', '.5', 'Y', 'off', '2026-01-05T09:00:00Z', '1_000', '+.inf'].some(canUsePlain)).to.equal(false);
  });
  it('natural key order: digit runs by value, non-letters first', () => {
    expect(yamlKeyLess('a9', 'a10')).to.equal(true);
    expect(yamlKeyLess('a_b', 'aB')).to.equal(true);
    expect(yamlKeyLess('app', 'app.kubernetes.io/name')).to.equal(true);
  });
});
