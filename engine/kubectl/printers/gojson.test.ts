/**
 * Go encoding/json behaviour kubectl shows in `-o json` and jsonpath:
 * encode.go appendString (HTML escapes, \u2028, \b \f since Go 1.22),
 * sorted map keys, MarshalIndent with 4 spaces (cli-runtime printers/json.go),
 * float formatting; strconv.FormatFloat(f, 'g', -1, 64) for %v.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goJsonMarshal, goJsonString, printJson, listObject, goFormatFloat, compareGoStrings } from './gojson.ts';

describe('goJsonString', () => {
  const rows: Array<[string, string, string]> = [
    ['plain', 'abc', '"abc"'],
    ['HTML characters', '<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['quotes and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['short escapes', '\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['other controls', '\x00\x1f', '"\\u0000\\u001f"'],
    ['line and paragraph separators', '\u2028\u2029', '"\\u2028\\u2029"'],
    ['DEL and non-ASCII pass through', '\x7fé😀', '"\x7fé😀"'],
  ];
  for (const [name, s, want] of rows) it(name, () => { expect(goJsonString(s)).to.equal(want); });
});

describe('goJsonMarshal / printJson', () => {
  it('sorts keys byte-wise, compact', () => {
    expect(goJsonMarshal({ b: 1, a: [true, null, 'x'], B: {}, é: 0.5, 'a.b': 2 })).to.equal('{"B":{},"a":[true,null,"x"],"a.b":2,"b":1,"é":0.5}');
  });
  it('-o json: four spaces, empty {} and [], newline at the end', () => {
    expect(printJson({ kind: 'Pod', metadata: { labels: {}, name: 'x' }, spec: { containers: [] }, n: 1000000 })).to.equal(
      '{\n    "kind": "Pod",\n    "metadata": {\n        "labels": {},\n        "name": "x"\n    },\n    "n": 1000000,\n    "spec": {\n        "containers": []\n    }\n}\n');
  });
  it('the List wrapper', () => {
    expect(goJsonMarshal(listObject([]))).to.equal('{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}');
  });
  it('floats as Go writes float64', () => {
    expect(goJsonMarshal([0.5, 1e-7, 1.5e21, -0])).to.equal('[0.5,1e-7,1.5e+21,0]');
  });
  it('code point order puts astral characters after U+FFFF', () => {
    expect(['\uffff', '😀', 'z'].sort(compareGoStrings)).to.deep.equal(['z', '\uffff', '😀']);
  });
});

describe('goFormatFloat (%v of a float64)', () => {
  const rows: Array<[number, string]> = [[1000000, '1e+06'], [123456, '123456'], [0.0001, '0.0001'], [0.00001, '1e-05'], [2.5, '2.5'], [1234567.5, '1.2345675e+06'], [1e21, '1e+21'], [1e100, '1e+100']];
  for (const [f, want] of rows) it(`${f} → ${want}`, () => { expect(goFormatFloat(f)).to.equal(want); });
});
