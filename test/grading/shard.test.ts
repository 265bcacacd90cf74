import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseShard, shardPositions } from '../../grading/shard.ts';

describe('--shard I/N', () => {
  it('parses I/N', () => {
    expect(parseShard('2/8')).to.deep.equal({ index: 2, count: 8 });
  });
  for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) {
    it(`refuses "${bad}" with a sentence`, () => {
      expect(parseShard(bad)).to.be.a('string');
    });
  }
  it('takes every N-th position from I, so N shards cover the list once', () => {
    const all = [1, 2, 3].flatMap((i) => shardPositions(7, { index: i, count: 3 }));
    expect(shardPositions(7, { index: 2, count: 3 })).to.deep.equal([1, 4]);
    expect(all.sort()).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
  });
});
