/**
 * Cluster.clone() and the Transplanter it uses: a clone continues exactly
 * where the original is (store, uid stream, clock, random streams, module
 * state) and is independent of it afterwards.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KObject } from '../api/object.ts';
import { Cluster, CloneError } from './cluster.ts';
import { Transplanter } from './clone.ts';
import { defaultConfig } from './config.ts';

const pod = (name: string, labels: Record<string, string> = {}): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: {} });

/** A module with the usual shapes of state: a store subscription, a Map, a seeded stream. */
class Counter {
  seen = new Map<string, number>();
  readonly random;
  constructor(cluster: Cluster) {
    this.random = cluster.random.fork('counter');
    cluster.store.onChange((c) => this.seen.set(c.name, (this.seen.get(c.name) ?? 0) + 1));
  }
}
const counter = (c: Cluster) => c.ext('test.counter', (x) => new Counter(x));

describe('Cluster.clone', () => {
  it('copies the store: same objects, resourceVersion, label index and uid stream', () => {
    const a = new Cluster(defaultConfig());
    a.store.create(pod('p1', { app: 'web' }));
    const b = a.clone();
    expect(b.store.get('Pod', 'default', 'p1')).to.equal(a.store.get('Pod', 'default', 'p1'));
    expect(b.store.currentResourceVersion()).to.equal(a.store.currentResourceVersion());
    expect(b.store.select('Pod', 'default', { app: 'web' }).map((o) => o.metadata.name)).to.deep.equal(['p1']);
    const fromA = a.store.create(pod('p2'));
    const fromB = b.store.create(pod('p2'));
    expect(fromB.metadata.uid).to.equal(fromA.metadata.uid);
    expect(fromB.metadata.resourceVersion).to.equal(fromA.metadata.resourceVersion);
  });

  it('is independent: writes and label changes on the clone do not reach the original', () => {
    const a = new Cluster(defaultConfig());
    a.store.create(pod('p1', { app: 'web' }));
    const b = a.clone();
    b.store.update(pod('p1', { app: 'db' }));
    b.store.create(pod('p3'));
    expect(a.store.get('Pod', 'default', 'p3')).to.equal(undefined);
    expect(a.store.select('Pod', 'default', { app: 'web' })).to.have.length(1);
    expect(b.store.select('Pod', 'default', { app: 'web' })).to.have.length(0);
  });

  it('continues the clock and random streams where the original is', () => {
    const a = new Cluster(defaultConfig());
    a.clock.advance(90_000);
    a.random.int(0, 1000);
    const b = a.clone();
    expect(b.clock.nowIso()).to.equal(a.clock.nowIso());
    expect(b.random.int(0, 1e9)).to.equal(a.random.int(0, 1e9));
    b.clock.advance(1000);
    expect(b.clock.now()).to.equal(a.clock.now() + 1000);
  });

  it('re-creates each module against the clone, with the original state and its own subscription', () => {
    const a = new Cluster(defaultConfig());
    counter(a);
    a.store.create(pod('p1'));
    counter(a).random.int(0, 10);
    const b = a.clone();
    const cb = counter(b);
    expect(cb).to.not.equal(counter(a));
    expect([...cb.seen]).to.deep.equal([['p1', 1]]);
    expect(cb.random.int(0, 1e9)).to.equal(counter(a).random.int(0, 1e9));
    b.store.create(pod('p2'));
    expect(cb.seen.get('p2')).to.equal(1);
    expect(counter(a).seen.has('p2')).to.equal(false);
  });

  it('refuses a module that subscribed to the store outside its factory (it would go stale)', () => {
    const a = new Cluster(defaultConfig());
    a.ext('test.lazy', () => ({ n: 0 }));
    a.store.onChange(() => undefined);
    expect(() => a.clone()).to.throw(CloneError, /listeners/);
  });

  it('uses an ext value\'s own cloneFor when it has one', () => {
    const a = new Cluster(defaultConfig());
    a.ext('test.own', () => ({ cloneFor: (into: Cluster) => ({ mine: into }) }));
    const b = a.clone();
    expect(b.ext('test.own', () => undefined)).to.deep.equal({ mine: b });
  });
});

describe('Transplanter', () => {
  it('deep-copies state, keeps shared references shared, shares API objects and functions', () => {
    const obj = pod('x');
    const shared = { n: 1 };
    const f = () => 1;
    const src = { list: [shared, shared], m: new Map([['k', shared]]), s: new Set([1]), obj, f, bits: new Int32Array([1, 2]) };
    const t = new Transplanter();
    const c = t.copy(src);
    expect(c).to.deep.equal(src);
    expect(c.list[0]).to.not.equal(shared);
    expect(c.list[0]).to.equal(c.list[1]);
    expect(c.m.get('k')).to.equal(c.list[0]);
    expect(c.obj).to.equal(obj);
    expect(c.f).to.equal(f);
    expect(c.bits).to.not.equal(src.bits);
  });

  it('transplants data fields but keeps the target\'s own functions', () => {
    class Box {
      items = new Map<string, number>();
      count = 0;
      hook: () => string;
      constructor(readonly label: string) {
        this.hook = () => label;
      }
    }
    const from = new Box('old');
    from.items.set('a', 1);
    from.count = 3;
    const to = new Box('new');
    new Transplanter().transplant(from, to);
    expect(to.count).to.equal(3);
    expect([...to.items]).to.deep.equal([['a', 1]]);
    expect(to.items).to.not.equal(from.items);
    expect(to.hook()).to.equal('new');
  });
});
