/**
 * `--sort-by`: kubernetes/kubectl pkg/cmd/get/sorter.go (v0.33.5) — isLess on
 * unstructured values (strings as Go compares them unless both are
 * Quantities), rows without the field first, and the error when no object
 * has the field; RelaxedJSONPathExpression from customcolumn.go.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { sortByField, sortField } from './sort-by.ts';

const pod = (name: string, ip?: string, extra: Record<string, unknown> = {}) => ({ metadata: { name }, status: ip ? { podIP: ip } : {}, ...extra });
const names = (r: ReturnType<typeof sortByField<ReturnType<typeof pod>>>) => (r.ok ? r.items.map((p) => p.metadata.name) : r.message);

describe('sortByField', () => {
  it('relaxes the field as RelaxedJSONPathExpression does', () => {
    expect(sortField('status.podIP')).to.equal('{.status.podIP}');
    expect(sortField('.status.podIP')).to.equal('{.status.podIP}');
    expect(sortField('{.status.podIP}')).to.equal('{.status.podIP}');
  });

  it('IP strings compare as strings (10.42.0.10 before 10.42.0.9), not numerically', () => {
    const r = sortByField([pod('c', '10.42.1.3'), pod('a', '10.42.0.9'), pod('b', '10.42.0.10')], (o) => o, '.status.podIP');
    expect(names(r)).to.deep.equal(['b', 'a', 'c']);
  });

  it('strings that both parse as Quantities compare as quantities (2 before 10, 1Gi before 2G)', () => {
    const q = (name: string, v: string) => pod(name, undefined, { spec: { v } });
    expect(names(sortByField([q('ten', '10'), q('two', '2')], (o) => o, '.spec.v'))).to.deep.equal(['two', 'ten']);
    expect(names(sortByField([q('g', '2G'), q('gi', '1Gi')], (o) => o, '.spec.v'))).to.deep.equal(['gi', 'g']);
  });

  it('numbers compare numerically', () => {
    const n = (name: string, v: number) => pod(name, undefined, { spec: { replicas: v } });
    expect(names(sortByField([n('a', 10), n('b', 9), n('c', 1)], (o) => o, 'spec.replicas'))).to.deep.equal(['c', 'b', 'a']);
  });

  it('objects without the field sort first (RuntimeSort.Less returns true for them)', () => {
    const r = sortByField([pod('a', '10.42.0.9'), pod('pending')], (o) => o, '.status.podIP');
    expect(names(r)).to.deep.equal(['pending', 'a']);
  });

  it('no object has the field: the error kubectl prints after `error: `', () => {
    expect(names(sortByField([pod('a', '1.2.3.4')], (o) => o, '.metadata.nope'))).to.equal('couldn\'t find any field with path "{.metadata.nope}" in the list of objects');
  });

  it('an empty list sorts without looking at the field', () => {
    expect(names(sortByField([], (o) => o, '.metadata.nope'))).to.deep.equal([]);
  });
});
