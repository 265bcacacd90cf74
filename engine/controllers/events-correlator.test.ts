/**
 * client-go's EventCorrelator (tools/record/events_cache.go): repeats raise
 * a count, the 10th distinct message of one (source, object, type, reason)
 * within 10 minutes becomes a "(combined from similar events)" aggregate,
 * and a source may write 25 Events about one object, then one per 5 minutes.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KObject } from '../api/object.ts';
import { recordEvent } from './events.ts';
import { booted, create, deployment } from './testdata/harness.ts';

const about = (c: ReturnType<typeof booted>, name: string) =>
  c.store.list('Event', 'default').filter((e) => (e.involvedObject as { name: string }).name === name);

describe('the event correlator', () => {
  it('a ReplicaSet creating 12 pods: 9 events, then one aggregate counting the other 3', () => {
    const c = booted();
    create(c, deployment('web', 'nginx', 12));
    const rs = c.store.list('ReplicaSet', 'default')[0]!;
    const created = about(c, rs.metadata.name).filter((e) => e.reason === 'SuccessfulCreate');
    const plain = created.filter((e) => !(e.message as string).startsWith('('));
    const combined = created.filter((e) => (e.message as string).startsWith('(combined from similar events): Created pod: web-'));
    expect(plain).to.have.length(9);
    expect(plain.every((e) => e.count === 1)).to.equal(true);
    expect(combined).to.have.length(1);
    expect(combined[0]!.count).to.equal(3);
    // The aggregate carries the latest pod's name.
    const lastPod = c.store.list('Pod', 'default').filter((p) => p.metadata.name.startsWith('web-')).map((p) => p.metadata.name);
    expect(lastPod).to.include((combined[0]!.message as string).split(': ').at(-1));
  });

  it('the same event again raises the count of the one stored', () => {
    const c = booted();
    const obj = create(c, deployment('api', 'nginx', 1));
    for (let i = 0; i < 3; i++) recordEvent(c, obj, 'Warning', 'Odd', 'the same words', { component: 'tester' });
    const odd = about(c, 'api').filter((e) => e.reason === 'Odd');
    expect(odd.map((e) => e.count)).to.deep.equal([3]);
  });

  it('a source gets 25 writes about an object, then one more per 5 minutes; another source has its own budget', () => {
    const c = booted();
    const obj: KObject = create(c, deployment('noisy', 'nginx', 1));
    const at = c.clock.now();
    // Different reasons: no aggregation, each a new Event.
    for (let i = 0; i < 30; i++) recordEvent(c, obj, 'Normal', `Reason${i}`, 'x', { component: 'spammer' }, { at });
    const mine = () => about(c, 'noisy').filter((e) => (e.source as { component: string }).component === 'spammer');
    expect(mine()).to.have.length(25);
    recordEvent(c, obj, 'Normal', 'Later', 'x', { component: 'spammer' }, { at: at + 299_000 });
    expect(mine()).to.have.length(25);
    recordEvent(c, obj, 'Normal', 'Later', 'x', { component: 'spammer' }, { at: at + 301_000 });
    expect(mine()).to.have.length(26);
    recordEvent(c, obj, 'Normal', 'Other', 'x', { component: 'someone-else' }, { at });
    expect(about(c, 'noisy').filter((e) => e.reason === 'Other')).to.have.length(1);
  });

  it('a deleted Event is not counted on: the next repeat is a new Event', () => {
    const c = booted();
    const obj = create(c, deployment('gone', 'nginx', 1));
    recordEvent(c, obj, 'Warning', 'Odd', 'again', { component: 'tester' });
    const first = about(c, 'gone').find((e) => e.reason === 'Odd')!;
    c.store.delete('Event', 'default', first.metadata.name);
    recordEvent(c, obj, 'Warning', 'Odd', 'again', { component: 'tester' });
    const now = about(c, 'gone').filter((e) => e.reason === 'Odd');
    expect(now).to.have.length(1);
    expect(now[0]!.count).to.equal(1);
    expect(now[0]!.metadata.name).to.not.equal(first.metadata.name);
  });
});
