/**
 * loadText remembers its results for a text it has seen (labs apply the
 * same Background file in every scenario); each caller still owns its objects.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DEFAULT_LIMITS } from './guards.ts';
import { loadText, type LoadResult } from './load.ts';

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n';
const BAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    protocl: TCP\n';
const load = (file = 'svc.yaml', text = TEXT): LoadResult => {
  const out: LoadResult = { documents: [], problems: [] };
  loadText(text, file, DEFAULT_LIMITS, out);
  return out;
};

describe('loadText memo', () => {
  it('gives the same documents and problems for the same text, as separate objects', () => {
    const a = load();
    const b = load();
    expect(b).to.deep.equal(a);
    expect(a.documents).to.have.length(1);
    const bad = load('bad.yaml', BAD);
    expect(bad.problems.length).to.be.greaterThan(0);
    expect(load('bad.yaml', BAD), 'the misspelt field is reported both times').to.deep.equal(bad);
    expect(b.documents[0]!.obj).to.not.equal(a.documents[0]!.obj);
  });

  it('a caller mutating its objects does not change what the next caller gets', () => {
    const a = load();
    (a.documents[0]!.obj.metadata as { name: string }).name = 'changed';
    expect(load().documents[0]!.obj.metadata.name).to.equal('s');
  });

  it('the file name is part of the key (problems name the file)', () => {
    load('one.yaml', BAD);
    const other = load('other.yaml', BAD).problems;
    expect(other.length).to.be.greaterThan(0);
    expect(other.every((p) => p.file === 'other.yaml')).to.equal(true);
  });
});
