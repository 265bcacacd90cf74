import { describe, it } from 'node:test';
import { expect } from 'chai';
import { containerRuntime } from '../images/runtime.ts';
import { booted, create, pod } from './testdata/harness.ts';
import { nanosHex } from './events.ts';

/** Scale (issue 8): a pod's kubelet Events share what they can, and nginx's start-up log is rendered when read. */
describe('cheap Events and logs at scale', () => {
  it("a pod's container Events share one involvedObject; another pod's are its own", () => {
    const c = booted();
    create(c, pod('a', 'nginx'));
    create(c, pod('b', 'nginx'));
    const of = (name: string, reason: string) => c.store.list('Event', 'default').find((e) => (e.involvedObject as { name: string }).name === name && e.reason === reason)!;
    expect(of('a', 'Created').involvedObject).to.equal(of('a', 'Started').involvedObject);
    expect(of('a', 'Created').involvedObject).to.deep.include({ kind: 'Pod', name: 'a', fieldPath: 'spec.containers{a}' });
    expect(of('a', 'Scheduled').involvedObject).to.not.have.property('fieldPath');
    expect(of('b', 'Created').message).to.equal('Created container: b');
    expect(of('b', 'Created').involvedObject).to.not.equal(of('a', 'Created').involvedObject);
  });

  it("nginx's start-up log carries the start time and stays the same on every read", () => {
    const c = booted();
    create(c, pod('web', 'nginx'));
    const first = containerRuntime(c).logs('default', 'web', 'web');
    expect(first.ok && first.text).to.match(/^\/docker-entrypoint\.sh: /);
    expect(containerRuntime(c).logs('default', 'web', 'web')).to.deep.equal(first);
  });

  it("an Event's name suffix is UnixNano in hex, as client-go's, computed without BigInt", () => {
    for (const at of [0, 999, 0xffffff, 0x1000000, 1_767_600_000_123, 2 ** 41 - 1, 4_102_444_800_000]) {
      for (const seq of [0, 1, 999_999, 123_456_789, 2 ** 30]) {
        expect(nanosHex(at, seq), `${at} ${seq}`).to.equal((BigInt(at) * 1_000_000n + BigInt(seq)).toString(16));
      }
    }
  });
});
