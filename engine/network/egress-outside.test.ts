/**
 * Egress policies judge every packet a pod sends, not only packets to pods:
 * kube-router (pkg/controllers/netpol) sends all traffic from a local pod
 * (FORWARD, and INPUT for the node's own addresses) through the pod's
 * firewall chain, where only ipBlock peers can match an outside address.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster } from './testdata/builder.ts';
import { connect } from './connect.ts';
import { compilePolicy } from './policy.ts';

const GOOGLE = '142.250.196.110';
const from = { kind: 'pod', namespace: 'default', name: 'client' } as const;

function cluster() {
  const t = new TestCluster();
  t.pod('default', 'client', { labels: { run: 'client' } });
  return t;
}

describe('egress to addresses that are no pod', () => {
  it('no policy: google.com answers on 80', () => {
    expect(connect(cluster().cluster, from, GOOGLE, 80).ok).to.equal(true);
  });

  it('deny all egress: rejected at once, the reason names the policy and the address', () => {
    const t = cluster().policy('default', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const v = connect(t.cluster, from, GOOGLE, 80);
    expect(v.ok).to.equal(false);
    if (v.ok) return;
    expect(v.failure).to.equal('refused');
    expect(v.ms).to.equal(0);
    expect(v.reason.message).to.contain(`egress from default/client is selected by NetworkPolicy default/deny-egress, and no rule allows ${GOOGLE} on TCP 80`);
  });

  it('an ipBlock 0.0.0.0/0 except the pod network lets google.com through', () => {
    const t = cluster().policy('default', 'internet', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.42.0.0/16'] } }] }] });
    expect(connect(t.cluster, from, GOOGLE, 80).ok).to.equal(true);
  });

  it("namespaceSelector: {} matches pods only, not outside hosts", () => {
    const t = cluster().policy('default', 'in-cluster', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {} }] }] });
    expect(connect(t.cluster, from, GOOGLE, 80).ok).to.equal(false);
  });

  it("a node's closed port: the egress policy rejects before the host would", () => {
    const t = cluster().policy('default', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const v = connect(t.cluster, from, '192.168.164.131', 9999);
    expect(!v.ok && v.reason.code).to.equal('policy-denied');
  });

  it('a policy selecting other pods leaves the client free', () => {
    const t = cluster().policy('default', 'deny-egress', { podSelector: { matchLabels: { run: 'other' } }, policyTypes: ['Egress'] });
    expect(connect(t.cluster, from, GOOGLE, 80).ok).to.equal(true);
  });
});

describe('compilePolicy defaulting (SetDefaults_NetworkPolicy)', () => {
  const meta = { name: 'p', namespace: 'default' };
  it('egress: [] without policyTypes is an Ingress-only policy', () => {
    const p = compilePolicy({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec: { podSelector: {}, egress: [] } });
    expect(p.egress).to.equal(undefined);
    expect(p.ingress).to.deep.equal([]);
  });
  it('egress rules without policyTypes add Egress', () => {
    const p = compilePolicy({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec: { podSelector: {}, egress: [{}] } });
    expect(p.egress).to.have.length(1);
  });
});
