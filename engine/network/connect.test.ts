import { describe, it } from 'node:test';
import { expect } from 'chai';
import { connect } from './connect.ts';
import { TestCluster } from './testdata/builder.ts';
import { TERMINAL_PEER, type Peer, type Verdict } from './types.ts';

const pod = (ns: string, name: string): Peer => ({ kind: 'pod', namespace: ns, name });
const code = (v: Verdict) => (v.ok ? 'ok' : `${v.failure}:${v.cause.kind}`);

function chapter() {
  const t = new TestCluster();
  t.pod('default', 'mynginx', { labels: { run: 'mynginx' } });
  t.pod('default', 'client', { labels: { run: 'client' }, node: 'worker1' });
  t.service('default', 'myservice', { clusterIP: '10.43.152.73', selector: { run: 'mynginx' }, ports: [{ port: 8080, targetPort: 80 }] });
  return t;
}

describe('connect: pods and ClusterIP', () => {
  it('pod to pod on another node crosses flannel.1', () => {
    const t = chapter();
    const v = connect(t.cluster, pod('default', 'client'), '10.42.0.10', 80, 'TCP');
    expect(code(v)).to.equal('ok');
    expect(v.hops.map((h) => h.kind)).to.deep.equal(['pod', 'flannel', 'pod']);
  });
  it('ClusterIP DNATs to the endpoint and its targetPort', () => {
    const v = connect(chapter().cluster, pod('default', 'client'), '10.43.152.73', 8080, 'TCP');
    expect(v.ok && v.endpoint).to.deep.include({ ip: '10.42.0.10', port: 80 });
    expect(v.hops.map((h) => h.kind)).to.deep.equal(['pod', 'service', 'flannel', 'pod']);
  });
  it('a ClusterIP port the Service does not have is dropped (timeout)', () => {
    const v = connect(chapter().cluster, pod('default', 'client'), '10.43.152.73', 9999, 'TCP');
    expect(code(v)).to.equal('timeout:no-service-port');
  });
  it('no endpoints: kube-proxy rejects, and the reason names the selector and the near miss', () => {
    const t = new TestCluster();
    t.pod('default', 'my-nginx', { labels: { run: 'my-nginx' } });
    t.pod('default', 'client');
    t.service('default', 'myservice', { selector: { run: 'mynginx' }, ports: [{ port: 8080, targetPort: 80 }] });
    const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 8080, 'TCP');
    expect(code(v)).to.equal('refused:no-endpoints');
    expect(!v.ok && v.reason.message).to.equal('service myservice has no endpoints: its selector run=mynginx matches no pod in namespace default; pod my-nginx has labels run=my-nginx');
  });
  it('no endpoints: a selector typo with the letters swapped names the pod\'s real labels', () => {
    const t = new TestCluster();
    t.pod('default', 'web', { labels: { app: 'web', tier: 'front' } });
    t.pod('default', 'client');
    t.service('default', 'web', { selector: { app: 'wbe' }, ports: [{ port: 80 }] });
    const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
    expect(!v.ok && v.reason.message).to.equal('service web has no endpoints: its selector app=wbe matches no pod in namespace default; pod web has labels app=web,tier=front');
  });
  it('no endpoints: the matching pod lives in another namespace, and the reason says a selector stays in its namespace', () => {
    const t = new TestCluster();
    t.pod('other', 'api', { labels: { app: 'api' } });
    t.pod('default', 'client');
    t.service('default', 'api', { selector: { app: 'api' }, ports: [{ port: 80 }] });
    const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
    expect(!v.ok && v.reason.message).to.equal('service api has no endpoints: its selector app=api matches no pod in namespace default; pod api in namespace other matches, but a Service only selects pods of its own namespace');
  });
  it('endpoints not ready: refused, and the reason says so', () => {
    const t = new TestCluster();
    t.pod('default', 'web', { ready: false });
    t.pod('default', 'client');
    t.service('default', 'web', { selector: { run: 'web' } });
    const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
    expect(!v.ok && v.reason.message).to.match(/endpoints \(web\) are not ready/);
  });
  it('targetPort nobody listens on: connection refused, naming the pod and the port', () => {
    const t = new TestCluster();
    t.pod('default', 'mynginx');
    t.pod('default', 'client');
    t.service('default', 'svc', { selector: { run: 'mynginx' }, ports: [{ port: 80, targetPort: 8080 }] });
    const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
    expect(code(v)).to.equal('refused:port-not-open');
    expect(!v.ok && v.reason.message).to.match(/^pod mynginx listens on 80, not on targetPort 8080/);
  });
  it('a pod IP nobody has: host unreachable', () => {
    expect(code(connect(chapter().cluster, pod('default', 'client'), '10.42.0.99', 80, 'TCP'))).to.equal('unreachable:no-such-host');
  });
  it('pod and cluster IPs from outside the cluster: dropped', () => {
    const t = chapter();
    expect(code(connect(t.cluster, TERMINAL_PEER, '10.42.0.10', 80, 'TCP'))).to.equal('timeout:not-routable-from-outside');
    expect(code(connect(t.cluster, TERMINAL_PEER, '10.43.152.73', 8080, 'TCP'))).to.equal('timeout:not-routable-from-outside');
  });
  it('a source pod that is not running cannot send', () => {
    const t = chapter();
    t.pod('default', 'done', { phase: 'Succeeded' });
    expect(code(connect(t.cluster, pod('default', 'done'), '10.42.0.10', 80, 'TCP'))).to.equal('unreachable:source-not-running');
  });
  it('internalTrafficPolicy Local: only endpoints on the client\'s node; none → dropped', () => {
    const t = chapter();
    t.service('default', 'local', { selector: { run: 'mynginx' }, internalTrafficPolicy: 'Local' });
    expect(code(connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP'))).to.equal('timeout:no-local-endpoint');
    t.pod('default', 'c2', { node: 'master' });
    expect(code(connect(t.cluster, pod('default', 'c2'), '10.43.0.100', 80, 'TCP'))).to.equal('ok');
  });
});

describe('connect: NodePort and LoadBalancer', () => {
  function np(etp?: 'Local' | 'Cluster') {
    const t = new TestCluster();
    t.pod('default', 'node-port', { node: 'master' });
    t.pod('default', 'client', { node: 'worker1' });
    t.service('default', 'node-port', { type: 'NodePort', selector: { run: 'node-port' }, ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }], externalTrafficPolicy: etp });
    return t;
  }
  it('answers on every node\'s InternalIP from outside (Cluster: source NATed to the node)', () => {
    const t = np();
    for (const ip of ['192.168.164.130', '192.168.164.131']) {
      const v = connect(t.cluster, TERMINAL_PEER, ip, 30080, 'TCP');
      expect(code(v), ip).to.equal('ok');
    }
    const viaWorker = connect(t.cluster, TERMINAL_PEER, '192.168.164.131', 30080, 'TCP');
    expect(viaWorker.ok && viaWorker.seenSource).to.equal('10.42.1.0'); // worker1's flannel.1
    const viaMaster = connect(t.cluster, TERMINAL_PEER, '192.168.164.130', 30080, 'TCP');
    expect(viaMaster.ok && viaMaster.seenSource).to.equal('10.42.0.1'); // master's cni0
  });
  it('answers from pods too', () => {
    expect(code(connect(np().cluster, pod('default', 'client'), '192.168.164.130', 30080, 'TCP'))).to.equal('ok');
  });
  it('externalTrafficPolicy Local: only nodes with a ready endpoint answer; the client IP is kept', () => {
    const t = np('Local');
    const v = connect(t.cluster, TERMINAL_PEER, '192.168.164.130', 30080, 'TCP');
    expect(v.ok && v.seenSource).to.equal('192.168.164.1');
    const w = connect(t.cluster, TERMINAL_PEER, '192.168.164.131', 30080, 'TCP');
    expect(code(w)).to.equal('timeout:no-local-endpoint');
    expect(!w.ok && w.reason.message).to.equal('nodePort 30080 answers on every node, but externalTrafficPolicy Local: worker1 has no endpoint, so kube-proxy drops the packet');
  });
  it('a node port nothing holds is refused by the node', () => {
    expect(code(connect(np().cluster, TERMINAL_PEER, '192.168.164.130', 30081, 'TCP'))).to.equal('refused:host-port-closed');
  });
  it('LoadBalancer: servicelb holds the port on every node IP', () => {
    const t = new TestCluster();
    t.pod('default', 'load-bal');
    t.service('default', 'load-bal', { type: 'LoadBalancer', selector: { run: 'load-bal' }, ports: [{ port: 8080, targetPort: 80, nodePort: 30088 }] });
    for (const [ip, port] of [['192.168.164.130', 8080], ['192.168.164.131', 8080], ['192.168.164.131', 30088]] as const) {
      const v = connect(t.cluster, TERMINAL_PEER, ip, port, 'TCP');
      expect(code(v), `${ip}:${port}`).to.equal('ok');
    }
  });
  it('the outside world answers on its ports and drops others', () => {
    const t = chapter();
    expect(code(connect(t.cluster, pod('default', 'client'), '142.250.196.110', 80, 'TCP'))).to.equal('ok');
    expect(code(connect(t.cluster, TERMINAL_PEER, '142.250.196.110', 80, 'TCP'))).to.equal('ok');
    expect(code(connect(t.cluster, TERMINAL_PEER, '142.250.196.110', 8080, 'TCP'))).to.equal('timeout:world-port-closed');
    expect(code(connect(t.cluster, TERMINAL_PEER, '203.0.113.9', 80, 'TCP'))).to.equal('timeout:no-route');
  });
});

describe('connect: load balancing and session affinity', () => {
  function three(affinity?: 'ClientIP') {
    const t = new TestCluster();
    for (const n of ['h-1', 'h-2', 'h-3']) t.pod('default', n, { labels: { app: 'hostnames' }, image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: ['serve-hostname'] });
    t.pod('default', 'client', { node: 'worker1' });
    t.service('default', 'hostnames', { selector: { app: 'hostnames' }, ports: [{ port: 80, targetPort: 9376 }], sessionAffinity: affinity });
    return t;
  }
  it('spreads 1,000 connections over 3 endpoints, each between 250 and 420 times', () => {
    const t = three();
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
      if (v.ok) counts.set(v.endpoint.pod!.name, (counts.get(v.endpoint.pod!.name) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).to.deep.equal(['h-1', 'h-2', 'h-3']);
    for (const [name, n] of counts) expect(n, name).to.be.within(250, 420);
  });
  it('is the same on every run (seeded)', () => {
    const picks = () => Array.from({ length: 20 }, () => { const v = connect(three().cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP'); return v.ok ? v.endpoint.pod!.name : '-'; });
    expect(picks()).to.deep.equal(picks());
  });
  it('sessionAffinity ClientIP: one client always reaches the same pod', () => {
    const t = three('ClientIP');
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const v = connect(t.cluster, pod('default', 'client'), '10.43.0.100', 80, 'TCP');
      if (v.ok) seen.add(v.endpoint.pod!.name);
    }
    expect(seen.size).to.equal(1);
  });
});
