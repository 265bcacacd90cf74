/**
 * The LAN's DNS resolver (the nodes' nameserver, .2 of their subnet: what
 * pods with dnsPolicy Default have in resolv.conf and what CoreDNS's
 * `forward . /etc/resolv.conf` uses) answers on 53 over UDP and TCP.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { connect } from './connect.ts';
import { TestCluster } from './testdata/builder.ts';
import type { Peer } from './types.ts';

const client: Peer = { kind: 'pod', namespace: 'default', name: 'client' };

describe('connect: the LAN DNS resolver', () => {
  const t = new TestCluster();
  t.pod('default', 'client', { labels: { run: 'client' } });
  it('a pod reaches 192.168.164.2:53/UDP, masqueraded by its node', () => {
    const v = connect(t.cluster, client, '192.168.164.2', 53, 'UDP');
    expect(v.ok).to.equal(true);
    expect(v.hops.map((h) => h.kind)).to.deep.equal(['pod', 'snat', 'world']);
  });
  it('53/TCP too', () => {
    expect(connect(t.cluster, client, '192.168.164.2', 53, 'TCP').ok).to.equal(true);
  });
  it('another port on it is not served', () => {
    expect(connect(t.cluster, client, '192.168.164.2', 80, 'TCP').ok).to.equal(false);
  });
});
