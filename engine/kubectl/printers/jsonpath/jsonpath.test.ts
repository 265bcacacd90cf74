/**
 * Rows transcribed from kubernetes/client-go util/jsonpath/jsonpath_test.go
 * (v0.33: TestTypesInput on JSON-shaped data, TestJSONInput, TestKubernetes,
 * TestEmptyRange, TestNegativeIndex), same row shape
 * {name, template, input, expect, expectError}. TestKubernetes's "recursive
 * name" is order-insensitive upstream; the model prints map keys sorted.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { JsonPath } from './eval.ts';
import { printJsonPath } from './index.ts';

interface Row { name: string; template: string; input: unknown; expect: string; expectError?: boolean }

function run(rows: Row[], allowMissingKeys: boolean) {
  for (const r of rows) {
    it(r.name, () => {
      if (r.expectError) {
        expect(() => new JsonPath(r.template, { allowMissingKeys }).execute(r.input)).to.throw();
        return;
      }
      expect(new JsonPath(r.template, { allowMissingKeys }).execute(r.input)).to.equal(r.expect);
    });
  }
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [{ name: 'one', value: 1 }, { name: 'two', value: 2.02 }, { name: 'three', value: 3.03 }, { name: 'four', value: 4.04 }],
};

describe('jsonpath: TestTypesInput (JSON-shaped rows)', () => run([
  { name: 'boolSlice', template: '{ .bools }', input: types, expect: '[true,false,true,false]' },
  { name: 'boolSliceIndex', template: '{ .bools[0] }', input: types, expect: 'true' },
  { name: 'boolSliceIndex -1', template: '{ .bools[-1] }', input: types, expect: 'false' },
  { name: 'boolSubSlice', template: '{ .bools[0:2] }', input: types, expect: 'true false' },
  { name: 'boolSubSliceFirst2', template: '{ .bools[:2] }', input: types, expect: 'true false' },
  { name: 'boolSubSliceStep2', template: '{ .bools[:4:2] }', input: types, expect: 'true true' },
  { name: 'integerSlice', template: '{ .integers }', input: types, expect: '[1,2,3,4]' },
  { name: 'integerSliceIndexReverse', template: '{ .integers[-2] }', input: types, expect: '3' },
  { name: 'integerSubSliceStep2', template: '{ .integers[:4:2] }', input: types, expect: '1 3' },
  { name: 'floatSlice', template: '{ .floats }', input: types, expect: '[1,2.2,3.3,4]' },
  { name: 'floatSliceIndex', template: '{ .floats[0] }', input: types, expect: '1' },
  { name: 'floatSliceIndexReverse', template: '{ .floats[-2] }', input: types, expect: '3.3' },
  { name: 'floatSubSliceFirst2', template: '{ .floats[0:2] }', input: types, expect: '1 2.2' },
  { name: 'stringSlice', template: '{ .strings }', input: types, expect: '["one","two","three","four"]' },
  { name: 'stringSubSliceStep2', template: '{ .strings[:4:2] }', input: types, expect: 'one three' },
  { name: 'interfaceSlice', template: '{ .interfaces }', input: types, expect: '[true,"one",1,1.1]' },
  { name: 'interfaceSubSliceFirst2', template: '{ .interfaces[0:2] }', input: types, expect: 'true one' },
  { name: 'interfaceSubSliceStep2', template: '{ .interfaces[:4:2] }', input: types, expect: 'true 1' },
  { name: 'mapSlice', template: '{ .maps }', input: types, expect: '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]' },
  { name: 'mapSliceIndexReverse', template: '{ .maps[-2] }', input: types, expect: '{"name":"three","value":3.03}' },
  { name: 'mapSubSliceStepOdd', template: '{ .maps[::2] }', input: types, expect: '{"name":"one","value":1} {"name":"three","value":3.03}' },
  { name: 'mapSubSliceStepEven', template: '{ .maps[1::2] }', input: types, expect: '{"name":"two","value":2.02} {"name":"four","value":4.04}' },
], false));

const points = [
  { id: 'i1', x: 4, y: -5 }, { id: 'i2', x: -2, y: -5, z: 1 }, { id: 'i3', x: 8, y: 3 }, { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 }, { id: 'i6', x: 1, y: 4 }, { id: 'i7', x: null, y: 4 },
];
describe('jsonpath: TestJSONInput', () => run([
  { name: 'exists filter', template: '{[?(@.z)].id}', input: points, expect: 'i2 i5' },
  { name: 'bracket key', template: "{[0]['id']}", input: points, expect: 'i1' },
  { name: 'nil value', template: "{[-1]['x']}", input: points, expect: 'null' },
], false));

const nodesData = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } }, status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
};
describe('jsonpath: TestKubernetes', () => run([
  { name: 'range item', template: '{range .items[*]}{.metadata.name}, {end}{.kind}', input: nodesData, expect: '127.0.0.1, 127.0.0.2, List' },
  { name: 'range item with quote', template: '{range .items[*]}{.metadata.name}{"\\t"}{end}', input: nodesData, expect: '127.0.0.1\t127.0.0.2\t' },
  { name: 'range addresss', template: '{.items[*].status.addresses[*].address}', input: nodesData, expect: '127.0.0.1 127.0.0.2 127.0.0.3' },
  { name: 'double range', template: '{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', input: nodesData, expect: '127.0.0.1, 127.0.0.2, 127.0.0.3, ' },
  { name: 'item name', template: '{.items[*].metadata.name}', input: nodesData, expect: '127.0.0.1 127.0.0.2' },
  { name: 'union nodes capacity', template: "{.items[*]['metadata.name', 'status.capacity']}", input: nodesData, expect: '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}' },
  { name: 'range nodes capacity', template: '{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', input: nodesData, expect: '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ' },
  { name: 'user password', template: '{.users[?(@.name=="e2e")].user.password}', input: nodesData, expect: 'secret' },
  { name: 'hostname', template: '{.items[0].metadata.labels.kubernetes\\.io/hostname}', input: nodesData, expect: '127.0.0.1' },
  { name: 'hostname filter', template: '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', input: nodesData, expect: 'None' },
  { name: 'bool item', template: '{.items[?(@..ready==true)].metadata.name}', input: nodesData, expect: '127.0.0.1' },
  { name: 'recursive name (keys sorted here)', template: '{..name}', input: nodesData, expect: '127.0.0.1 127.0.0.2 myself e2e' },
], false));

describe('jsonpath: TestEmptyRange', () => run([
  { name: 'empty range', template: '{range .items[*]}{.metadata.name}{end}', input: { items: [] }, expect: '' },
  { name: 'empty nested range', template: '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', input: { items: [] }, expect: '' },
], true));

const pod = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [0, 1, 2, 3].map((i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) } };
describe('jsonpath: TestNegativeIndex', () => run([
  { name: 'containers[0]', template: '{.spec.containers[0].name}', input: pod, expect: 'fake0' },
  { name: 'containers[0:0] is empty', template: '{.spec.containers[0:0].name}', input: pod, expect: '' },
  { name: 'containers[0:-1]', template: '{.spec.containers[0:-1].name}', input: pod, expect: 'fake0 fake1 fake2' },
  { name: 'containers[-1:0] errors', template: '{.spec.containers[-1:0].name}', input: pod, expect: '', expectError: true },
  { name: 'containers[-1]', template: '{.spec.containers[-1].name}', input: pod, expect: 'fake3' },
  { name: 'containers[-1:]', template: '{.spec.containers[-1:].name}', input: pod, expect: 'fake3' },
  { name: 'containers[-2:]', template: '{.spec.containers[-2:].name}', input: pod, expect: 'fake2 fake3' },
  { name: 'containers[-4:]', template: '{.spec.containers[-4:].name}', input: pod, expect: 'fake0 fake1 fake2 fake3' },
  { name: 'containers[-5] out of bounds', template: '{.spec.containers[-5].name}', input: pod, expect: '', expectError: true },
  { name: 'containers[5:5] empty', template: '{.spec.containers[5:5].name}', input: pod, expect: '' },
  { name: 'containers[-5:-5] empty', template: '{.spec.containers[-5:-5].name}', input: pod, expect: '' },
  { name: 'containers[3:1] errors', template: '{.spec.containers[3:1].name}', input: pod, expect: '', expectError: true },
  { name: 'containers[-1:-2] errors', template: '{.spec.containers[-1:-2].name}', input: pod, expect: '', expectError: true },
], false));

describe('kubectl wording (genericclioptions jsonpath_flags.go, cli-runtime jsonpath.go)', () => {
  const node = { status: { addresses: [{ type: 'InternalIP', address: '192.168.164.130' }, { type: 'Hostname', address: 'master' }] }, metadata: { labels: { a: '<&>' } } };
  it('the chapter: {.status.addresses[0].address}', () => {
    expect(printJsonPath('{.status.addresses[0].address}', node)).to.deep.equal({ ok: true, text: '192.168.164.130' });
  });
  it('{} prints the whole object as compact Go JSON, keys sorted, HTML escaped', () => {
    expect(printJsonPath('{.metadata}', node)).to.deep.equal({ ok: true, text: '{"labels":{"a":"\\u003c\\u0026\\u003e"}}' });
  });
  it('missing keys print nothing (allow-missing-template-keys defaults to true)', () => {
    expect(printJsonPath('{.spec.nope}x', node)).to.deep.equal({ ok: true, text: 'x' });
  });
  it('parse errors', () => {
    expect(printJsonPath('{.a', node)).to.deep.equal({ ok: false, code: 'parse', message: 'error parsing jsonpath {.a, unclosed action' });
    expect(printJsonPath('{#}', node)).to.deep.include({ message: "error parsing jsonpath {#}, unrecognized character in action: U+0023 '#'" });
    expect(printJsonPath('{.a[1}', node)).to.deep.include({ message: 'error parsing jsonpath {.a[1}, unterminated array' });
  });
  it('execution errors: first line', () => {
    expect(printJsonPath('{.status.addresses[5]}', node)).to.deep.equal({ ok: false, code: 'execute', message: 'error executing jsonpath "{.status.addresses[5]}": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:' });
    expect(printJsonPath('{end}', node)).to.deep.include({ message: 'error executing jsonpath "{end}": Error executing template: not in range, nothing to end. Printing more information for debugging the template:' });
  });
  it('filters compare with text/template rules', () => {
    const list = { items: [{ p: 80, n: 'a' }, { p: 8080, n: 'b' }] };
    expect(printJsonPath('{.items[?(@.p>100)].n}', list)).to.deep.equal({ ok: true, text: 'b' });
    expect(printJsonPath('{.items[?(@.p=="80")].n}', list)).to.deep.include({ code: 'execute' });
  });
});
