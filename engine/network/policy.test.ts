/**
 * NetworkPolicy semantics as truth tables, transcribed from the Kubernetes
 * e2e suite (kubernetes/kubernetes test/e2e/network/netpol/network_policy.go,
 * "NetworkPolicy between server and client"): namespaces x, y, z; pods a, b,
 * c labelled pod=<name>, serving 80 and 81 (agnhost netexec). The e2e suite
 * ignores loopback cells; here a pod always reaches itself (kube-router).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster } from './testdata/builder.ts';
import { reachability, prettyPrint, tableFromRows, formatTruthTable, TruthTable } from './reachability.ts';
import { connect } from './connect.ts';

const ALL = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'];
const agn = (port: number, proto = 'TCP') => ({ name: `cont-${port}-${proto.toLowerCase()}`, image: 'registry.k8s.io/e2e-test-images/agnhost:2.52', args: ['netexec', `--http-port=${port}`, `--udp-port=${port}`], ports: [{ name: `serve-${port}-${proto.toLowerCase()}`, containerPort: port, protocol: proto }] });

function netpolCluster(config = {}) {
  const t = new TestCluster(config);
  for (const ns of ['x', 'y', 'z']) t.namespace(ns, { ns });
  let i = 0;
  for (const ns of ['x', 'y', 'z']) for (const p of ['a', 'b', 'c']) t.pod(ns, p, { labels: { pod: p }, node: i++ % 2 ? 'worker1' : 'master', containers: [agn(80), agn(81)] });
  return t;
}

/** A table written as rows of marks, in ALL's order. */
function expectTable(t: TestCluster, port: number, rows: string[], proto: 'TCP' | 'UDP' = 'TCP') {
  const actual = reachability(t.cluster, ALL, port, proto);
  const expected = new TruthTable<boolean>(ALL, ALL);
  rows.forEach((r, i) => [...r.replace(/\s/g, '')].forEach((m, j) => expected.set(ALL[i]!, ALL[j]!, m === '.')));
  const wrong = ALL.some((f) => ALL.some((to) => expected.get(f, to) !== actual.get(f, to)));
  if (wrong) throw new Error(formatTruthTable(expected, actual));
}

const OPEN = Array(9).fill('... ... ...');

describe('NetworkPolicy truth tables (e2e netpol)', () => {
  it('no policy: everything connects', () => expectTable(netpolCluster(), 80, OPEN));

  it("should support a 'default-deny-ingress' policy", () => {
    const t = netpolCluster().policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
    expectTable(t, 80, ['.XX ... ...', 'X.X ... ...', 'XX. ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...']);
  });

  it("should support a 'default-deny-all' policy", () => {
    const t = netpolCluster().policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expectTable(t, 80, ['.XX XXX XXX', 'X.X XXX XXX', 'XX. XXX XXX', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...', 'XXX ... ...']);
  });

  it('should enforce policy to allow traffic from pods within server namespace based on PodSelector', () => {
    const t = netpolCluster().policy('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expectTable(t, 80, ['... ... ...', '... ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...']);
  });

  it('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', () => {
    const t = netpolCluster().policy('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] }] });
    expectTable(t, 80, ['... ... ...', 'X.. ... ...', 'X.. ... ...', '... ... ...', '... ... ...', '... ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...']);
  });

  it('should enforce policy based on PodSelector or NamespaceSelector (two peers: OR)', () => {
    const t = netpolCluster().policy('x', 'allow-ns-y-match-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] } }, { podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expectTable(t, 80, ['... ... ...', '... ... ...', 'X.. ... ...', ...Array(6).fill('... ... ...')]);
  });

  it('should enforce policy based on PodSelector and NamespaceSelector (one peer: AND)', () => {
    const t = netpolCluster().policy('x', 'allow-ns-y-podselector-and-nsselector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] }, podSelector: { matchLabels: { pod: 'b' } } }] }] });
    expectTable(t, 80, ['... ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', '... ... ...', 'X.. ... ...', 'X.. ... ...', '... ... ...', 'X.. ... ...']);
  });

  it('should enforce policy based on Ports (allow only 81 from y; 80 closed to everyone else)', () => {
    const pol = { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }], ports: [{ port: 81, protocol: 'TCP' }] }] };
    const t = netpolCluster().policy('x', 'allow-ingress-on-port-81-ns-x', pol);
    expectTable(t, 80, ['... ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...']);
    expectTable(t, 81, ['... ... ...', 'X.. ... ...', 'X.. ... ...', '... ... ...', '... ... ...', '... ... ...', 'X.. ... ...', 'X.. ... ...', 'X.. ... ...']);
  });

  it('should allow ingress access on one named port', () => {
    const t = netpolCluster().policy('x', 'allow-all-ingress-on-named-port', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] });
    expectTable(t, 81, OPEN);
    expectTable(t, 80, ['.XX ... ...', 'X.X ... ...', 'XX. ... ...', ...Array(6).fill('XXX ... ...')]);
  });

  it('should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector', () => {
    const t = netpolCluster().policy('x', 'allow-to-ns-y-pod-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }] });
    expectTable(t, 80, ['.XX .XX XXX', ...Array(8).fill('... ... ...')]);
  });

  it('should enforce except clause while egress access to server in CIDR block', () => {
    const t = netpolCluster();
    // x/a may reach the whole pod network except y/a's address.
    const yA = t.cluster.store.get('Pod', 'y', 'a')!.status.podIP;
    t.policy('x', 'deny-client-a-via-except-cidr-egress-rule', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.42.0.0/16', except: [`${yA}/32`] } }] }] });
    expectTable(t, 80, ['... X.. ...', ...Array(8).fill('... ... ...')]);
  });

  it('should support allow-all policy / additive policies (deny-all + allow-all)', () => {
    const t = netpolCluster().policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] }).policy('x', 'allow-all', { podSelector: {}, ingress: [{}] });
    expectTable(t, 80, OPEN);
  });

  it('endPort ranges', () => {
    const t = netpolCluster().policy('x', 'range', { podSelector: {}, ingress: [{ ports: [{ port: 81, endPort: 90 }] }] });
    expectTable(t, 81, OPEN);
    expectTable(t, 80, ['.XX ... ...', 'X.X ... ...', 'XX. ... ...', ...Array(6).fill('XXX ... ...')]);
  });

  it('UDP: a TCP-only rule does not open UDP', () => {
    const t = netpolCluster().policy('x', 'tcp-only', { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }] });
    expectTable(t, 80, ['.XX ... ...', 'X.X ... ...', 'XX. ... ...', ...Array(6).fill('XXX ... ...')], 'UDP');
  });

  it('--disable-network-policy: policies change nothing', () => {
    const t = netpolCluster({ networkPolicy: false }).policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expectTable(t, 80, OPEN);
  });
});

describe('NetworkPolicy in the data plane', () => {
  it('rejects (refused, not a timeout) and names the policy and the peer', () => {
    const t = netpolCluster().policy('x', 'default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
    const bIp = t.cluster.store.get('Pod', 'x', 'b')!.status.podIP;
    const v = connect(t.cluster, { kind: 'pod', namespace: 'y', name: 'a' }, bIp, 80, 'TCP');
    expect(v.ok).to.equal(false);
    if (v.ok) return;
    expect(v.failure).to.equal('refused');
    expect(v.reason.message).to.equal('ingress to x/b is selected by NetworkPolicy x/default-deny-ingress, and no rule allows y/a on TCP 80 (kube-router rejects it: ICMP port unreachable)');
  });
  it('is judged on the endpoint after DNAT (through a Service)', () => {
    const t = netpolCluster();
    t.service('x', 'svc-a', { clusterIP: '10.43.1.1', selector: { pod: 'a' }, ports: [{ port: 8080, targetPort: 80 }] });
    t.policy('x', 'only-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }], ports: [{ port: 80 }] }] });
    expect(connect(t.cluster, { kind: 'pod', namespace: 'x', name: 'b' }, '10.43.1.1', 8080, 'TCP').ok).to.equal(true);
    expect(connect(t.cluster, { kind: 'pod', namespace: 'x', name: 'c' }, '10.43.1.1', 8080, 'TCP').ok).to.equal(false);
  });
  it('egress deny-all breaks DNS unless UDP 53 to kube-dns is allowed', () => {
    const t = netpolCluster();
    t.pod('kube-system', 'coredns-abc', { labels: { 'k8s-app': 'kube-dns' }, containers: [{ name: 'coredns', image: 'agnhost', args: ['netexec', '--udp-port=53'] }] });
    t.service('kube-system', 'kube-dns', { clusterIP: '10.43.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] });
    const from = { kind: 'pod' as const, namespace: 'x', name: 'a' };
    expect(connect(t.cluster, from, '10.43.0.10', 53, 'UDP').ok).to.equal(true);
    t.policy('x', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const v = connect(t.cluster, from, '10.43.0.10', 53, 'UDP');
    expect(!v.ok && v.cause.kind).to.equal('policy-denied');
    t.policy('x', 'allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] });
    expect(connect(t.cluster, from, '10.43.0.10', 53, 'UDP').ok).to.equal(true);
  });
  it('NodePort from outside (Cluster policy): the pod sees the node as source, and the own-node exemption applies', () => {
    const t = netpolCluster();
    t.service('x', 'np', { type: 'NodePort', selector: { pod: 'a' }, ports: [{ port: 80, nodePort: 30080 }] });
    t.policy('x', 'deny', { podSelector: {}, policyTypes: ['Ingress'] });
    // x/a runs on master: via master the SNAT source is master's cni0 (local → allowed); via worker1 it is worker1's flannel.1 (rejected).
    expect(connect(t.cluster, { kind: 'external', ip: '192.168.164.1' }, '192.168.164.130', 30080, 'TCP').ok).to.equal(true);
    const v = connect(t.cluster, { kind: 'external', ip: '192.168.164.1' }, '192.168.164.131', 30080, 'TCP');
    expect(!v.ok && v.reason.message).to.match(/no rule allows 10\.42\.1\.0 on TCP 80/);
  });
});

describe('reachability rendering', () => {
  it('prints like truthtable.go PrettyPrint and marks differing cells', () => {
    const exp = tableFromRows([['from\\to', 'x/a', 'x/b'], ['x/a', '.', 'X'], ['x/b', '.', '.']]);
    const obs = tableFromRows([['from\\to', 'x/a', 'x/b'], ['x/a', '.', '.'], ['x/b', '.', '.']]);
    if ('error' in exp || 'error' in obs) throw new Error('bad table');
    expect(prettyPrint(exp)).to.equal('-\tx/a\tx/b\nx/a\t.\tX\nx/b\t.\t.');
    expect(formatTruthTable(exp, obs)).to.equal('reachability: correct:3, incorrect:1, result=false\n\nexpected:\n\n-\tx/a\tx/b\nx/a\t.\tX\nx/b\t.\t.\n\n\nobserved:\n\n-\tx/a\tx/b\nx/a\t.\t.\nx/b\t.\t.\n\n\ncomparison:\n\n-\tx/a\tx/b\nx/a\t.\tX\nx/b\t.\t.\n\n\n');
  });
  it('300×300 pods with policies in under a second', () => {
    const t = new TestCluster({ nodes: [{ name: 'master', role: 'control-plane', ip: '192.168.164.130' }, { name: 'worker1', role: 'worker', ip: '192.168.164.131' }, { name: 'worker2', role: 'worker', ip: '192.168.164.132' }] });
    const keys: string[] = [];
    for (let n = 0; n < 10; n++) t.namespace(`ns${n}`, { team: n % 2 ? 'odd' : 'even' });
    for (let i = 0; i < 300; i++) {
      const ns = `ns${i % 10}`;
      t.pod(ns, `p${i}`, { labels: { app: `a${i % 7}` }, node: ['master', 'worker1', 'worker2'][i % 3], ip: `10.42.${i % 3}.${Math.floor(i / 3) + 2}` });
      keys.push(`${ns}/p${i}`);
    }
    for (let n = 0; n < 10; n++) t.policy(`ns${n}`, 'deny', { podSelector: {}, policyTypes: ['Ingress'] }).policy(`ns${n}`, 'allow-even', { podSelector: { matchLabels: { app: 'a1' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'even' } } }] }] });
    const start = performance.now();
    const table = reachability(t.cluster, keys, 80);
    const ms = performance.now() - start;
    expect(table.isComplete()).to.equal(true);
    expect(ms, `${ms.toFixed(0)} ms`).to.be.below(1000);
  });
});
