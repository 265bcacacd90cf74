/**
 * Row builders tested as arrays (as kubernetes printers_test.go does since it
 * compares Cells), and one padded golden per kind. Padded goldens follow the
 * tabwriter rule (max(6, longest + 3), last column unpadded); the load-bal
 * golden is the chapter's transcript verbatim
 * (shared/seeds/k8s-networking-services.md, `kubectl get svc load-bal`).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { podRow, serviceRow, nodeRow, namespaceRow, deploymentRow, networkPolicyRow, endpointsRow, eventRow, configMapRow, endpointSliceRow, jobRow } from './tables/index.ts';
import { printTable, printTables } from './table-printer.ts';
import * as o from './testdata/objects.ts';

const { NOW } = o;
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');

describe('podRow (NAME READY STATUS RESTARTS AGE IP NODE NOMINATED-NODE READINESS-GATES)', () => {
  const rows: Array<[string, ReturnType<typeof o.pod>, string[]]> = [
    ['running', o.mynginx, ['mynginx', '1/1', 'Running', '0', '6s', '10.42.0.226', 'master', '<none>', '<none>']],
    ['crash loop with last restart', o.callGoogle, ['call-google', '0/1', 'CrashLoopBackOff', '3 (50s ago)', '2m', '10.42.0.31', 'master', '<none>', '<none>']],
    ['completed', o.completedPod, ['once', '0/1', 'Completed', '0', '10m', '10.42.0.40', 'master', '<none>', '<none>']],
    ['container creating', o.creatingPod, ['web', '0/1', 'ContainerCreating', '0', '3s', '<none>', 'master', '<none>', '<none>']],
    ['pending, unscheduled', o.pendingPod, ['big', '0/1', 'Pending', '0', '70s', '<none>', '<none>', '<none>', '<none>']],
    ['terminating', o.terminatingPod, ['old', '1/1', 'Terminating', '0', '3h', '10.42.1.7', 'worker1', '<none>', '<none>']],
    ['init container running', o.initPod, ['with-init', '0/1', 'Init:0/1', '0', '4s', '<none>', 'master', '<none>', '<none>']],
  ];
  for (const [name, pod, want] of rows) it(name, () => { expect(podRow(pod, NOW)).to.deep.equal(want); });
});

describe('serviceRow (NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR)', () => {
  const rows: Array<[string, ReturnType<typeof o.svc>, string[]]> = [
    ['kubernetes', o.kubernetesSvc, ['kubernetes', 'ClusterIP', '10.43.0.1', '<none>', '443/TCP', '24d', '<none>']],
    ['ClusterIP with selector', o.myservice, ['myservice', 'ClusterIP', '10.43.152.73', '<none>', '8080/TCP', '6s', 'run=mynginx']],
    ['NodePort', o.nodePortSvc, ['node-port', 'NodePort', '10.43.94.27', '<none>', '8080:30080/TCP', '42h', 'run=node-port']],
    ['LoadBalancer, ingress IPs sorted', o.loadBal, ['load-bal', 'LoadBalancer', '10.43.21.0', '192.168.164.130,192.168.164.131', '8080:30088/TCP', '3m18s', 'run=load-bal']],
    ['LoadBalancer pending', o.svc('lb', 5 * o.S, { type: 'LoadBalancer', clusterIPs: ['10.43.1.2'], ports: [{ port: 80, protocol: 'TCP', nodePort: 31000 }] }), ['lb', 'LoadBalancer', '10.43.1.2', '<pending>', '80:31000/TCP', '5s', '<none>']],
    ['ExternalName', o.googleSvc, ['google-svc', 'ExternalName', '<none>', 'google.com', '<none>', '5s', '<none>']],
    ['headless', o.svc('db', 5 * o.S, { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }], selector: { app: 'db' } }), ['db', 'ClusterIP', 'None', '<none>', '5432/TCP', '5s', 'app=db']],
    ['externalIPs', o.svc('ext', 5 * o.S, { type: 'ClusterIP', clusterIPs: ['10.43.1.3'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, protocol: 'TCP' }] }), ['ext', 'ClusterIP', '10.43.1.3', '1.2.3.4,5.6.7.8', '80/TCP', '5s', '<none>']],
  ];
  for (const [name, svc, want] of rows) it(name, () => { expect(serviceRow(svc, NOW)).to.deep.equal(want); });
});

describe('other row builders', () => {
  it('node: roles from node-role labels, sorted', () => {
    expect(nodeRow(o.master, NOW)).to.deep.equal(['master', 'Ready', 'control-plane,master', '24d', 'v1.33.6+k3s1', '192.168.164.130', '<none>', 'Ubuntu 24.04.3 LTS', '6.8.0-88-generic', 'containerd://2.1.5-k3s1']);
    expect(nodeRow(o.worker1, NOW).slice(0, 3)).to.deep.equal(['worker1', 'Ready', '<none>']);
  });
  it('namespace', () => { expect(namespaceRow(o.defaultNs, NOW)).to.deep.equal(['default', 'Active', '24d']); });
  it('deployment', () => { expect(deploymentRow(o.nginxDeploy, NOW)).to.deep.equal(['nginx', '2/3', '3', '2', '5m', 'nginx', 'nginx:1.27', 'app=nginx']); });
  it('networkpolicy: empty selector is <none>, expressions as Selector.String', () => {
    expect(networkPolicyRow(o.denyAll, NOW)).to.deep.equal(['default-deny', '<none>', '90s']);
    expect(networkPolicyRow(o.allowWeb, NOW)).to.deep.equal(['allow-web', 'app=web,tier in (edge,front)', '80s']);
  });
  it('endpoints: three shown, then + N more...', () => {
    expect(endpointsRow(o.endpoints('kubernetes', 24 * o.D, ['192.168.164.130'], 6443, 'https'), NOW)).to.deep.equal(['kubernetes', '192.168.164.130:6443', '24d']);
    expect(endpointsRow(o.endpoints('web', 70 * o.S, ['10.42.0.1', '10.42.0.2', '10.42.0.3', '10.42.1.4', '10.42.1.5'], 80), NOW)[1]).to.equal('10.42.0.1:80,10.42.0.2:80,10.42.0.3:80 + 2 more...');
    expect(endpointsRow(o.endpoints('none', 70 * o.S, [], 80), NOW)[1]).to.equal('<none>');
  });
  it('endpointslice', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', creationTimestamp: o.ago(24 * o.D) }, addressType: 'IPv4', ports: [{ name: 'https', port: 6443, protocol: 'TCP' }], endpoints: [{ addresses: ['192.168.164.130'] }] };
    expect(endpointSliceRow(slice, NOW)).to.deep.equal(['kubernetes', 'IPv4', '6443', '192.168.164.130', '24d']);
    expect(endpointSliceRow({ ...slice, ports: [], endpoints: [] }, NOW).slice(2, 4)).to.deep.equal(['<unset>', '<unset>']);
  });
  it('event (wide cells: SUBOBJECT SOURCE … FIRST SEEN COUNT NAME)', () => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'load-bal.1', namespace: 'default' }, involvedObject: { kind: 'Service', name: 'load-bal' }, reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer ', source: { component: 'service-controller' }, firstTimestamp: o.ago(3 * o.M), lastTimestamp: o.ago(3 * o.M), count: 1, type: 'Normal' };
    expect(eventRow(ev, NOW)).to.deep.equal(['3m', 'Normal', 'EnsuringLoadBalancer', 'service/load-bal', '', 'service-controller', 'Ensuring load balancer', '3m', '1', 'load-bal.1']);
  });
  it('configmap counts data and binaryData', () => {
    expect(configMapRow({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', creationTimestamp: o.ago(24 * o.D) }, data: { Corefile: '.', NodeHosts: '' } }, NOW)).to.deep.equal(['coredns', '2', '24d']);
  });
  it('job: STATUS and DURATION', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', creationTimestamp: o.ago(5 * o.M) }, spec: { completions: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'x' } } }, status: { succeeded: 1, startTime: o.ago(5 * o.M), completionTime: o.ago(4 * o.M), conditions: [{ type: 'Complete', status: 'True' }] } };
    expect(jobRow(job, NOW).slice(0, 5)).to.deep.equal(['pi', 'Complete', '1/1', '60s', '5m']);
  });
});

describe('printTable goldens', () => {
  it('kubectl get service (the chapter 6.1.3 transcript, spacing by the tabwriter rule)', () => {
    expect(printTable('Service', [o.kubernetesSvc, o.myservice], { now: NOW })).to.equal(lines(
      'NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)    AGE',
      'kubernetes   ClusterIP   10.43.0.1      <none>        443/TCP    24d',
      'myservice    ClusterIP   10.43.152.73   <none>        8080/TCP   6s',
    ));
  });
  it('kubectl get svc load-bal (chapter transcript, verbatim)', () => {
    expect(printTable('Service', [o.loadBal], { now: NOW })).to.equal(lines(
      'NAME       TYPE           CLUSTER-IP   EXTERNAL-IP                       PORT(S)          AGE',
      'load-bal   LoadBalancer   10.43.21.0   192.168.164.130,192.168.164.131   8080:30088/TCP   3m18s',
    ));
  });
  it('kubectl get pod -owide', () => {
    expect(printTable('Pod', [o.mynginx], { now: NOW, wide: true })).to.equal(lines(
      'NAME      READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES',
      'mynginx   1/1     Running   0          6s    10.42.0.226   master   <none>           <none>',
    ));
  });
  it('kubectl get svc kube-dns -n kube-system --show-labels', () => {
    expect(printTable('Service', [o.kubeDns], { now: NOW, showLabels: true })).to.equal(lines(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   LABELS',
      'kube-dns   ClusterIP   10.43.0.10   <none>        53/UDP,53/TCP,9153/TCP   46h   k8s-app=kube-dns,kubernetes.io/cluster-service=true,kubernetes.io/name=CoreDNS,objectset.rio.cattle.io/hash=bce283298811743a0386ab510f2f67ef74240c57',
    ));
  });
  it('kubectl get svc -A (NAMESPACE first)', () => {
    expect(printTable('Service', [o.kubernetesSvc, o.kubeDns], { now: NOW, withNamespace: true })).to.equal(lines(
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE',
      'default       kubernetes   ClusterIP   10.43.0.1    <none>        443/TCP                  24d',
      'kube-system   kube-dns     ClusterIP   10.43.0.10   <none>        53/UDP,53/TCP,9153/TCP   46h',
    ));
  });
  it('kubectl get nodes', () => {
    expect(printTable('Node', [o.master, o.worker1], { now: NOW, withNamespace: true })).to.equal(lines(
      'NAME      STATUS   ROLES                  AGE   VERSION',
      'master    Ready    control-plane,master   24d   v1.33.6+k3s1',
      'worker1   Ready    <none>                 24d   v1.33.6+k3s1',
    ));
  });
  it('kubectl get ns', () => {
    expect(printTable('Namespace', [o.defaultNs], { now: NOW })).to.equal(lines('NAME      STATUS   AGE', 'default   Active   24d'));
  });
  it('kubectl get deploy', () => {
    expect(printTable('Deployment', [o.nginxDeploy], { now: NOW })).to.equal(lines(
      'NAME    READY   UP-TO-DATE   AVAILABLE   AGE',
      'nginx   2/3     3            2           5m',
    ));
  });
  it('kubectl get netpol', () => {
    expect(printTable('NetworkPolicy', [o.denyAll, o.allowWeb], { now: NOW })).to.equal(lines(
      'NAME           POD-SELECTOR                   AGE',
      'default-deny   <none>                         90s',
      'allow-web      app=web,tier in (edge,front)   80s',
    ));
  });
  it('kubectl get ep', () => {
    expect(printTable('Endpoints', [o.endpoints('kubernetes', 24 * o.D, ['192.168.164.130'], 6443), o.endpoints('myservice', 6 * o.S, ['10.42.0.226'], 80)], { now: NOW })).to.equal(lines(
      'NAME         ENDPOINTS              AGE',
      'kubernetes   192.168.164.130:6443   24d',
      'myservice    10.42.0.226:80         6s',
    ));
  });
  it('--no-headers, and nothing at all for no rows', () => {
    expect(printTable('Namespace', [o.defaultNs], { now: NOW, noHeaders: true })).to.equal('default   Active   24d\n');
    expect(printTable('Pod', [], { now: NOW })).to.equal('');
  });
  it('kubectl get all: kind/ prefixes, one table per kind, a blank line between', () => {
    expect(printTables([{ kind: 'Pod', objects: [o.mynginx] }, { kind: 'Service', objects: [o.kubernetesSvc] }, { kind: 'Deployment', objects: [] }], { now: NOW })).to.equal(lines(
      'NAME          READY   STATUS    RESTARTS   AGE',
      'pod/mynginx   1/1     Running   0          6s',
      '',
      'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
      'service/kubernetes   ClusterIP   10.43.0.1    <none>        443/TCP   24d',
    ));
    expect(printTables([{ kind: 'Pod', objects: [] }, { kind: 'Deployment', objects: [o.nginxDeploy] }], { now: NOW }).split('\n')[1]).to.match(/^deployment\.apps\/nginx {3}2\/3/);
  });
  it('cells are cut at a newline with ...', () => {
    const cm = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'R', message: 'line one\nline two', type: 'Normal', lastTimestamp: o.ago(5 * o.S) };
    expect(printTable('Event', [cm], { now: NOW })).to.equal(lines('LAST SEEN   TYPE     REASON   OBJECT   MESSAGE', '5s          Normal   R        pod/p    line one...'));
  });
});
