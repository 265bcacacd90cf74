/**
 * The kubelet's status is stored as built (updateStatus `owned`, no copy):
 * so it must hold what a copy would, with no undefined member anywhere.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { booted, create, pod } from '../testdata/harness.ts';

function undefinedPaths(v: unknown, path = 'status', out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => undefinedPaths(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) out.push(`${path}.${k}`);
      else undefinedPaths(x, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('pod status as the kubelet stores it', () => {
  it('has no undefined member, running, completed or crash-looping', () => {
    const c = booted();
    const pods = [
      create(c, pod('web', 'nginx')),
      create(c, pod('done', 'busybox', { command: ['true'], restartPolicy: 'Never' })),
      create(c, pod('crash', 'busybox', { command: ['false'] })),
      create(c, pod('missing', 'no-such-image:1.0')),
    ];
    c.clock.advance(120_000);
    c.settle();
    for (const p of pods) {
      const now = c.store.get('Pod', 'default', p.metadata.name)!;
      expect(now.status?.containerStatuses, p.metadata.name).to.be.an('array');
      expect(undefinedPaths(now.status), p.metadata.name).to.deep.equal([]);
    }
  });
});
