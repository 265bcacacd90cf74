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
