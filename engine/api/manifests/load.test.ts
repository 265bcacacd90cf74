/**
 * The manifest loader: positions, kubectl's texts, hostile inputs.
 * Texts: cli-runtime resource/visitor.go and mapper.go, apiserver strict
 * decoding (`strict decoding error: unknown field "spec.portss"`), encoding/json
 * UnmarshalTypeError (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Workspace } from '../../workspace/index.ts';
import { loadManifests } from './load.ts';

function load(files: Record<string, string | Uint8Array>, paths: string[], opts = {}) {
  const fs = new Workspace();
  fs.mkdirp('/lab');
  for (const [name, text] of Object.entries(files)) fs.write(`/lab/${name}`, text, { parents: true });
  return loadManifests(fs, '/lab', paths, opts);
}

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

describe('loadManifests', () => {
  it('reads a good file with its document line', () => {
    const r = load({ 'svc.yaml': SVC }, ['svc.yaml']);
    expect(r.problems).to.deep.equal([]);
    expect(r.documents).to.have.length(1);
    expect(r.documents[0]).to.deep.include({ file: 'svc.yaml', index: 0, line: 1 });
  });

  it('duplicate key: kept as sigs.k8s.io/yaml Unmarshal keeps it (last value wins), reported as a warning only', () => {
    // sigs.k8s.io/yaml yaml.go (v1.4.0) Unmarshal: "Duplicate fields ... are ignored"; only UnmarshalStrict fails.
    const r = load({ 'x.yaml': SVC.replace('  name: web\n', '  name: web\n  name: web2\n') }, ['x.yaml']);
    expect(r.documents).to.have.length(1);
    expect(r.documents[0]!.obj.metadata.name).to.equal('web2');
    expect(r.problems.map((p) => [p.code, p.line, p.warning])).to.deep.equal([['DUPLICATE_KEY', 5, true]]);
  });

  // go-yaml v2 (sigs.k8s.io/yaml goyaml.v2 decode.go fail(), scannerc.go): parser errors name the
  // 0-based line of the offending token, scanner errors the 1-based line of the scanner's position.
  const syntaxRows: [string, string, string][] = [
    ['key indented one column less (parser error: the line above)', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n spec:\n  ports:\n  - port: 80\n', 'yaml: line 4: did not find expected key'],
    ['sequence item key indented between `-` and its keys', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n   name: x\n', 'yaml: line 7: did not find expected key'],
    ['key without colon (scanner error at the next token)', 'apiVersion: v1\nkind: Service\nmetadata:\n  name web\n  labels: {}\n', "yaml: line 5: could not find expected ':'"],
    ['mapping value on a key line (scanner error: its own line)', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: app: web\n', 'yaml: line 6: mapping values are not allowed in this context'],
    ['tab indentation (scanner error: its own line)', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n', 'yaml: line 4: found character that cannot start any token'],
  ];
  for (const [name, text, want] of syntaxRows) {
    it(`YAML syntax: ${name}`, () => {
      const r = load({ 'x.yaml': text }, ['x.yaml']);
      expect(r.documents).to.have.length(0);
      expect(r.problems.map((p) => p.kubectl)).to.deep.equal([`error: error parsing x.yaml: error converting YAML to JSON: ${want}`]);
    });
  }

  it('unknown field: position of the key, strict decoding text', () => {
    const r = load({ 'x.yaml': SVC.replace('  ports:', '  portss:') }, ['x.yaml']);
    expect(r.documents).to.have.length(0);
    expect(r.problems[0]).to.deep.include({ code: 'UNKNOWN_FIELD', line: 8, column: 3, field: 'spec.portss', document: 0 });
    expect(r.problems[0]!.kubectl).to.equal('Error from server (BadRequest): error when creating "x.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.portss"');
  });

  it('bad type: position of the value, encoding/json text', () => {
    const r = load({ 'x.yaml': SVC.replace('port: 80', 'port: "eighty"') }, ['x.yaml']);
    expect(r.problems[0]).to.deep.include({ code: 'TYPE', line: 9, column: 11, field: 'spec.ports[0].port' });
    expect(r.problems[0]!.kubectl).to.equal('Error from server (BadRequest): error when creating "x.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
  });

  it('YAML syntax error: position, and a line counted within the document as go-yaml does', () => {
    const r = load({ 'x.yaml': `${SVC}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   bad: 1\n` }, ['x.yaml']);
    expect(r.documents).to.have.length(1);
    const p = r.problems[0]!;
    expect(p).to.deep.include({ code: 'YAML_SYNTAX', document: 1 });
    expect(p.line).to.be.within(14, 15);
    expect(p.kubectl).to.match(/^error: error parsing x\.yaml: error converting YAML to JSON: yaml: line [45]: /);
  });

  it('one bad document does not stop the others', () => {
    const r = load({ 'x.yaml': `${SVC}---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: f\n---\n${SVC.replace('web', 'web2')}` }, ['x.yaml']);
    expect(r.documents.map((d) => d.obj.metadata.name)).to.deep.equal(['web', 'web2']);
    expect(r.documents.map((d) => d.index)).to.deep.equal([0, 2]);
    expect(r.problems[0]!.kubectl).to.equal('error: resource mapping not found for name: "f" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first');
  });

  it('a missing path and a missing kind', () => {
    const r = load({ 'k.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' }, ['nope.yaml', 'k.yaml']);
    expect(r.problems.map((p) => p.kubectl)).to.deep.equal([
      'error: the path "nope.yaml" does not exist',
      `error: unable to decode "k.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
    ]);
  });

  it('folders: .yaml/.yml/.json sorted, not recursive unless asked', () => {
    const files = { 'd/b.yaml': SVC.replace('web', 'b'), 'd/a.json': JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }), 'd/notes.txt': 'x', 'd/sub/c.yml': SVC.replace('web', 'c') };
    expect(load(files, ['d']).documents.map((d) => d.file)).to.deep.equal(['d/a.json', 'd/b.yaml']);
    expect(load(files, ['d'], { recursive: true }).documents.map((d) => d.file)).to.deep.equal(['d/a.json', 'd/b.yaml', 'd/sub/c.yml']);
  });

  it('kind: List expands its items', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } }] };
    expect(load({ 'l.json': JSON.stringify(list) }, ['l.json']).documents.map((d) => d.obj.metadata.name)).to.deep.equal(['a', 'b']);
  });

  it('YAML 1.1 scalars as kubectl reads them', () => {
    const r = load({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    on: "x"\ndata:\n  when: 2001-12-14\n' }, ['cm.yaml']);
    expect(r.documents[0]!.obj.data).to.deep.equal({ when: '2001-12-14' });
  });
});

describe('hostile and odd inputs', () => {
  it('alias bomb is refused, not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const r = load({ 'bomb.yaml': lines.join('\n') + '\n' }, ['bomb.yaml']);
    expect(r.problems.map((p) => p.code)).to.deep.equal(['ALIASES']);
    expect(r.problems[0]!.kubectl).to.equal('error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing');
  });

  it('5000-deep flow nesting is refused before parsing (no crash)', () => {
    const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const r = load({ 'deep.yaml': deep }, ['deep.yaml']);
    expect(r.problems.map((p) => p.code)).to.deep.equal(['TOO_DEEP']);
  });

  it('BOM and CRLF work', () => {
    const r = load({ 'w.yaml': '\uFEFF' + SVC.replace(/\n/g, '\r\n') }, ['w.yaml']);
    expect(r.problems).to.deep.equal([]);
    expect(r.documents[0]!.obj.metadata.name).to.equal('web');
  });

  it('__proto__ and constructor keys do not pollute prototypes; they are unknown fields', () => {
    const r = load({ 'p.yaml': SVC.replace('spec:', 'spec:\n  __proto__:\n    polluted: true\n  constructor:\n    x: 1') }, ['p.yaml']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(r.problems.map((p) => p.field).sort()).to.deep.equal(['spec.__proto__', 'spec.constructor']);
  });

  it('binary and invalid UTF-8 are refused', () => {
    const r = load({ 'bin.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00]), 'nul.yaml': 'a: b\u0000\n' }, ['bin.yaml', 'nul.yaml']);
    expect(r.problems.map((p) => [p.code, p.kubectl])).to.deep.equal([
      ['ENCODING', 'error: error parsing bin.yaml: error converting YAML to JSON: yaml: invalid leading UTF-8 octet'],
      ['ENCODING', 'error: error parsing nul.yaml: error converting YAML to JSON: yaml: control characters are not allowed'],
    ]);
  });

  it('files over the size limit and too many documents', () => {
    expect(load({ 'big.yaml': 'a: ' + 'x'.repeat(2000) }, ['big.yaml'], { limits: { maxFileBytes: 1000 } }).problems[0]!.code).to.equal('TOO_LARGE');
    expect(load({ 'many.yaml': '---\na: 1\n'.repeat(20) }, ['many.yaml'], { limits: { maxDocuments: 10 } }).problems[0]!.code).to.equal('TOO_MANY_DOCUMENTS');
  });
});
