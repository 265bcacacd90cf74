import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Clock, Random } from '../sim/index.ts';
import { ObjectStore, type Change } from './store.ts';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } });
const event = (name: string) => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' } });

describe('ObjectStore change routing', () => {
  it('a listener given kinds hears only those kinds; the others hear everything, in subscription order', () => {
    const s = new ObjectStore(new Clock(), new Random('t'));
    const heard: string[] = [];
    s.onChange((c: Change) => heard.push(`all:${c.kind}`));
    s.onChange((c: Change) => heard.push(`pods:${c.kind}`), ['Pod']);
    s.onChange((c: Change) => heard.push(`last:${c.kind}`));
    s.create(pod('a'));
    s.create(event('e'));
    expect(heard).to.deep.equal(['all:Pod', 'pods:Pod', 'last:Pod', 'all:Event', 'last:Event']);
  });

  it('an unsubscribed listener hears nothing more, a later one hears the kinds seen before', () => {
    const s = new ObjectStore(new Clock(), new Random('t'));
    const heard: string[] = [];
    const off = s.onChange((c: Change) => heard.push(`a:${c.name}`), ['Pod']);
    s.create(pod('a'));
    off();
    s.onChange((c: Change) => heard.push(`b:${c.name}`), ['Pod']);
    s.create(pod('b'));
    expect(heard).to.deep.equal(['a:a', 'b:b']);
    expect(s.listenerCount).to.equal(1);
  });
});

describe('ObjectStore uids', () => {
  it('v4-shaped, from the seeded stream (pinned: labs and snapshots depend on the sequence)', () => {
    const s = new ObjectStore(new Clock(), new Random('x'));
    const uids = [s.create(pod('a')).metadata.uid, s.create(pod('b')).metadata.uid];
    for (const u of uids) expect(u).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uids).to.deep.equal(PINNED);
  });
});

// Recorded with the store before newUid was inlined (engine/api/store.ts at HEAD), Random('x').
const PINNED = ['5e9d94ae-87ee-4c42-ab58-001dc1516c66', '01fbdf12-93ba-480f-8254-fbcc490f22e4'];
