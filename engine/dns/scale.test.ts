/** DESIGN.md "Scale like the real thing": 10,000 Services, indexed once, then map lookups. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ClusterBuilder } from './testdata/builder.ts';
import { query } from './coredns.ts';
import { zoneLine } from './types.ts';

describe('10,000 Services', () => {
  it('answers every name from the index, rebuilt only after a change', () => {
    const b = new ClusterBuilder().ns('default');
    for (let i = 0; i < 10000; i++) b.svc('default', `s${i}`, { clusterIPs: [`10.43.${i >> 8}.${i & 255}`], ports: [{ port: 80 }] });
    const t0 = performance.now();
    for (let i = 0; i < 10000; i += 7) expect(query(b.cluster, `s${i}.default.svc.cluster.local`, 'A').answer).to.have.length(1);
    const first = performance.now() - t0;
    expect(query(b.cluster, 's9999.default.svc.cluster.local', 'A').answer.map(zoneLine)).to.deep.equal(['s9999.default.svc.cluster.local.\t5\tIN\tA\t10.43.39.15']);
    expect(first).to.be.below(2000);
  });
});
