/**
 * Goldens for field errors and Status messages. Sources:
 * k8s.io/apimachinery/pkg/util/validation/field/errors.go (ErrorBody, ToAggregate),
 * k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid, NewNotFound, NewAlreadyExists),
 * pkg/registry/core/service/storage/alloc.go and portallocator (allocation messages, seen verbatim in
 * real transcripts, e.g. "The Service \"sample-nodeport-fail\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated").
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FieldPath, aggregate, duplicate, forbidden, invalid, notSupported, required, tooLong } from './field.ts';
import { goQuote, goStringSlice } from './gofmt.ts';
import { alreadyExistsError, invalidError, notFoundError } from './status.ts';
import { kindInfo } from './kinds.ts';

const ports0 = FieldPath.root('spec', 'ports').index(0);

describe('field errors render as field/errors.go renders them', () => {
  const rows: [string, string, string][] = [
    ['invalid int', invalid(ports0.child('nodePort'), 80, 'provided port is not in the valid range. The range of valid ports is 30000-32767').message,
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['invalid string is %q-quoted', invalid(FieldPath.root('metadata', 'name'), 'Foo', 'x').message, 'metadata.name: Invalid value: "Foo": x'],
    ['required has no value', required(FieldPath.root('spec', 'containers')).message, 'spec.containers: Required value'],
    ['required with detail', required(FieldPath.root('metadata', 'name'), 'name or generateName is required').message, 'metadata.name: Required value: name or generateName is required'],
    ['not supported lists quoted values', notSupported(FieldPath.root('spec', 'type'), 'Foo', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']).message,
      'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['forbidden prints no value', forbidden(ports0.child('nodePort'), "may not be used when `type` is 'ClusterIP'").message,
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ['duplicate', duplicate(FieldPath.root('spec', 'ports').index(1).child('name'), 'http').message, 'spec.ports[1].name: Duplicate value: "http"'],
    ['[]string as %#v', invalid(FieldPath.root('spec', 'clusterIPs'), goStringSlice(['10.43.0.10']), 'failed to allocate IP 10.43.0.10: provided IP is already allocated').message,
      'spec.clusterIPs: Invalid value: []string{"10.43.0.10"}: failed to allocate IP 10.43.0.10: provided IP is already allocated'],
    ['map key path', invalid(FieldPath.root('metadata', 'labels').key('a'), '', 'x').message, 'metadata.labels[a]: Invalid value: "": x'],
    ['too long', tooLong(FieldPath.root('metadata', 'annotations'), '', 262144).message, 'metadata.annotations: Too long: must have at most 262144 bytes'],
  ];
  for (const [name, got, want] of rows) it(name, () => {
    expect(got).to.equal(want);
  });

  it('strconv.Quote escapes', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).to.equal('"a\\"b\\\\c\\n\\t\\x01é"');
  });
});

describe('aggregate joins as ToAggregate().Error() does', () => {
  const a = invalid(ports0.child('port'), 0, 'must be between 1 and 65535, inclusive');
  const b = required(ports0.child('protocol'));
  it('one error stands alone', () => {
    expect(aggregate([a])).to.equal(a.message);
  });
  it('several are bracketed and comma-joined', () => {
    expect(aggregate([a, b])).to.equal(`[${a.message}, ${b.message}]`);
  });
  it('duplicates are dropped', () => {
    expect(aggregate([a, a, b])).to.equal(`[${a.message}, ${b.message}]`);
  });
});

describe('Status errors', () => {
  it('NotFound names the resource (and group)', () => {
    expect(notFoundError(kindInfo('Pod')!, 'x').message).to.equal('pods "x" not found');
    expect(notFoundError(kindInfo('Deployment')!, 'x').message).to.equal('deployments.apps "x" not found');
    expect(notFoundError(kindInfo('Namespace')!, 'nope').message).to.equal('namespaces "nope" not found');
  });
  it('AlreadyExists', () => {
    const e = alreadyExistsError(kindInfo('Service')!, 'x');
    expect(e).to.deep.include({ code: 409, reason: 'AlreadyExists', message: 'services "x" already exists' });
  });
  it('Invalid keeps causes and names the kind', () => {
    const errs = [invalid(ports0.child('port'), 0, 'must be between 1 and 65535, inclusive'), required(ports0.child('protocol'))];
    const e = invalidError(kindInfo('Service')!, 'x', errs);
    expect(e.code).to.equal(422);
    expect(e.message).to.equal('Service "x" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].protocol: Required value]');
    expect(e.details?.causes).to.have.length(2);
    expect(invalidError(kindInfo('Deployment')!, 'd', errs.slice(0, 1)).message).to.match(/^Deployment\.apps "d" is invalid: spec\.ports/);
  });
});
