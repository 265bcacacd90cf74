import { describe, it } from 'node:test';
import { expect } from 'chai';
import { isSubdomain, trimZone } from './names.ts';

describe('isSubdomain (miekg/dns IsSubDomain: whole labels, ASCII case-insensitive)', () => {
  const rows: Array<[string, string, boolean]> = [
    ['cluster.local.', 'myservice.default.svc.cluster.local.', true],
    ['cluster.local.', 'cluster.local.', true],
    ['Cluster.Local.', 'web.DEFAULT.svc.cluster.LOCAL.', true],
    ['cluster.local', 'web.default.svc.cluster.local', true],
    ['cluster.local.', 'mycluster.local.', false], // a label boundary, not a suffix of characters
    ['cluster.local.', 'local.', false],
    ['in-addr.arpa.', '10.0.43.10.in-addr.arpa.', true],
    ['.', 'anything.at.all.', true],
  ];
  for (const [zone, name, want] of rows) it(`${name} in ${zone}: ${want}`, () => { expect(isSubdomain(zone, name)).to.equal(want); });
});

describe('trimZone', () => {
  it('keeps the query\'s case left of the zone', () => { expect(trimZone('Web.Default.svc.cluster.local.', 'cluster.local.')).to.equal('Web.Default.svc'); });
  it('the apex trims to nothing, in any case', () => { expect(trimZone('CLUSTER.local.', 'cluster.local.')).to.equal(''); });
});
