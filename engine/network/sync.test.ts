import { describe, it } from 'node:test';
import { expect } from 'chai';
import { connect } from './connect.ts';
import { syncDataPlane } from './sync.ts';
import { TestCluster } from './testdata/builder.ts';
import type { Peer } from './types.ts';

const pod = (name: string): Peer => ({ kind: 'pod', namespace: 'default', name });

function cluster(): TestCluster {
  const t = new TestCluster();
  t.pod('default', 'web', { labels: { app: 'web' } });
  t.pod('default', 'api', { labels: { app: 'api' }, node: 'worker1' });
  t.pod('default', 'other', { labels: { app: 'other' }, node: 'worker1' });
  t.service('default', 'web', { clusterIP: '10.43.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
  t.policy('default', 'web-from-api', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] });
  return t;
}

describe('syncDataPlane', () => {
  it('computes every Service port and pod up front; connections answer the same as without it', () => {
    const lazy = cluster();
    const synced = cluster();
    expect(syncDataPlane(synced.cluster)).to.deep.equal({ servicePorts: 1, pods: 3 });
    for (const from of ['api', 'other']) {
      const a = connect(lazy.cluster, pod(from), '10.43.0.50', 80, 'TCP');
      const b = connect(synced.cluster, pod(from), '10.43.0.50', 80, 'TCP');
      expect(b).to.deep.equal(a);
    }
    expect(connect(synced.cluster, pod('other'), '10.43.0.50', 80, 'TCP').ok).to.equal(false);
  });
});

describe('what a connection keeps on the pod and Service records', () => {
  it('a policy written after a connection is enforced on the next one (per-pod policy memo follows the store)', () => {
    const t = new TestCluster();
    t.pod('default', 'web', { labels: { app: 'web' } });
    t.pod('default', 'other', { labels: { app: 'other' }, node: 'worker1' });
    t.service('default', 'web', { clusterIP: '10.43.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
    syncDataPlane(t.cluster);
    expect(connect(t.cluster, pod('other'), '10.43.0.50', 80, 'TCP').ok).to.equal(true);
    t.policy('default', 'deny-web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] });
    const denied = connect(t.cluster, pod('other'), '10.43.0.50', 80, 'TCP');
    expect(denied.ok).to.equal(false);
    expect(!denied.ok && denied.reason.message).to.contain('NetworkPolicy default/deny-web');
  });

  it('an endpoint added after a connection is used by the next one (per-Service endpoint memo follows the store)', () => {
    const t = new TestCluster();
    t.pod('default', 'client', { labels: { app: 'client' } });
    t.service('default', 'web', { clusterIP: '10.43.0.50', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] });
    const none = connect(t.cluster, pod('client'), '10.43.0.50', 80, 'TCP');
    expect(!none.ok && none.cause.kind).to.equal('no-endpoints');
    t.pod('default', 'web', { labels: { app: 'web' } });
    t.syncSlices();
    const ok = connect(t.cluster, pod('client'), '10.43.0.50', 80, 'TCP');
    expect(ok.ok && ok.endpoint?.pod).to.deep.equal({ namespace: 'default', name: 'web' });
  });

  it('a ClusterIP inside the pod network still loses to a pod holding that address', () => {
    const t = new TestCluster();
    t.pod('default', 'client', { labels: { app: 'client' } });
    t.pod('default', 'web', { labels: { app: 'web' }, ip: '10.42.0.77' });
    t.service('default', 'odd', { clusterIP: '10.42.0.77', selector: { app: 'nothing' }, ports: [{ port: 80 }] });
    const v = connect(t.cluster, pod('client'), '10.42.0.77', 80, 'TCP');
    expect(v.ok && v.endpoint?.pod?.name).to.equal('web');
  });
});
