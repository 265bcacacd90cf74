/** LazyObject: objects the store builds on first read (Events at scale). */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Clock, Random } from '../sim/index.ts';
import type { KObject } from './object.ts';
import { LazyObject, ObjectStore, type Change } from './store.ts';

class Note extends LazyObject {
  static builds = 0;
  get kind(): string {
    return 'Event';
  }
  constructor(readonly name: string, readonly namespace: string, readonly text: string) {
    super();
  }
  build(uid: string, resourceVersion: string): KObject {
    Note.builds++;
    return { apiVersion: 'v1', kind: 'Event', metadata: { name: this.name, namespace: this.namespace, uid, resourceVersion }, message: this.text };
  }
}

const store = () => new ObjectStore(new Clock(), new Random('lazy'));

describe('lazily built objects', () => {
  it('are built on first read, once, and read like any object', () => {
    const s = store();
    Note.builds = 0;
    s.createLazy(new Note('a', 'default', 'hello'));
    expect(Note.builds).to.equal(0);
    expect(s.has('Event', 'default', 'a')).to.equal(true);
    expect(s.count('Event')).to.equal(1);
    const a = s.get('Event', 'default', 'a')!;
    expect(a.message).to.equal('hello');
    expect(a.metadata.resourceVersion).to.equal(s.currentResourceVersion());
    expect(s.get('Event', 'default', 'a')).to.equal(a);
    expect(s.list('Event')).to.deep.equal([a]);
    expect(Note.builds).to.equal(1);
  });

  it("take their uid from the store's seed and their first version, whatever order they are read in", () => {
    const one = store();
    const two = store();
    for (const s of [one, two]) ['a', 'b'].forEach((n) => s.createLazy(new Note(n, 'default', n)));
    const b1 = one.get('Event', 'default', 'b')!.metadata.uid;
    const a1 = one.get('Event', 'default', 'a')!.metadata.uid;
    expect(two.get('Event', 'default', 'a')!.metadata.uid).to.equal(a1);
    expect(two.get('Event', 'default', 'b')!.metadata.uid).to.equal(b1);
    expect(a1).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/).and.not.equal(b1);
  });

  it('a next version keeps the uid, bumps the resourceVersion, and watchers build only what they read', () => {
    const s = store();
    const seen: Change[] = [];
    s.onChange((c) => seen.push(c));
    const first = new Note('a', 'default', 'once');
    s.createLazy(first);
    const uid = s.get('Event', 'default', 'a')!.metadata.uid;
    Note.builds = 0;
    const next = new Note('a', 'default', 'twice');
    next.uidVersion = first.uidVersion;
    s.replaceLazy(next);
    expect(Note.builds).to.equal(0);
    expect(seen.map((c) => c.type)).to.deep.equal(['ADDED', 'MODIFIED']);
    expect(seen[1]!.old!.message).to.equal('once');
    expect(seen[1]!.obj!.message).to.equal('twice');
    const now = s.get('Event', 'default', 'a')!;
    expect(now).to.equal(seen[1]!.obj);
    expect(now.metadata.uid).to.equal(uid);
    expect(s.delete('Event', 'default', 'a')).to.equal(now);
    expect(s.has('Event', 'default', 'a')).to.equal(false);
  });

  it('a clone shares the stored versions and builds its own objects from them', () => {
    const s = store();
    s.createLazy(new Note('a', 'default', 'shared'));
    const c = s.clone(new Clock(), new Random('lazy'));
    const fromClone = c.get('Event', 'default', 'a')!;
    expect(fromClone).to.deep.equal(s.get('Event', 'default', 'a'));
    expect(fromClone).to.not.equal(s.get('Event', 'default', 'a'));
  });
});
