/**
 * What cmdutil.CheckErr prints (kubernetes/kubectl pkg/cmd/util/helpers.go,
 * v0.33.5: checkErr, StandardErrorMessage, MultilineError, MultipleErrors).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { addSourceToErr, combine, flagErr, plainErr, renderError, statusErr, usageErr } from './errors.ts';
import { invalidError, notFoundError, alreadyExistsError } from '../api/status.ts';
import { invalid, required, FieldPath } from '../api/field.ts';
import { kindInfo } from '../api/kinds.ts';

const SVC = kindInfo('Service')!;
const nodePort80 = invalid(FieldPath.root('spec', 'ports').index(0).child('nodePort'), 80, 'provided port is not in the valid range. The range of valid ports is 30000-32767');

describe('kubectl error rendering (checkErr)', () => {
  it('Invalid with one cause: rebuilt from details on one line', () => {
    const r = renderError(statusErr(invalidError(SVC, 'x', [nodePort80])));
    expect(r.text).to.equal(
      'The Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(r.code).to.equal(1);
  });

  it('Invalid with several causes: MultilineError, a `* ` line each (prefix line keeps its trailing space)', () => {
    const name = required(FieldPath.root('spec', 'ports').index(0).child('port'));
    const r = renderError(statusErr(invalidError(SVC, 'x', [nodePort80, name])));
    expect(r.text).to.equal(
      'The Service "x" is invalid: \n' +
        '* spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
        '* spec.ports[0].port: Required value\n',
    );
  });

  it('Invalid keeps its rebuilt text even after AddSourceToErr', () => {
    const r = renderError(addSourceToErr('creating', 'svc.yaml', statusErr(invalidError(SVC, 'x', [nodePort80]))));
    expect(r.text.startsWith('The Service "x" is invalid: spec.ports[0].nodePort')).to.equal(true);
  });

  it('duplicate causes are printed once', () => {
    const r = renderError(statusErr(invalidError(SVC, 'x', [nodePort80, nodePort80])));
    expect(r.text.split('\n').length).to.equal(2);
  });

  it('AlreadyExists from a file: Error from server (Reason): error when creating', () => {
    const r = renderError(addSourceToErr('creating', 'x.yaml', statusErr(alreadyExistsError(SVC, 'x'))));
    expect(r.text).to.equal('Error from server (AlreadyExists): error when creating "x.yaml": services "x" already exists\n');
  });

  it('NotFound', () => {
    expect(renderError(statusErr(notFoundError(kindInfo('Namespace')!, 'nope'))).text).to.equal('Error from server (NotFound): namespaces "nope" not found\n');
  });

  it('plain errors get `error: ` once', () => {
    expect(renderError(plainErr('the server doesn\'t have a resource type "foo"')).text).to.equal('error: the server doesn\'t have a resource type "foo"\n');
    expect(renderError(plainErr('error: already prefixed')).text).to.equal('error: already prefixed\n');
  });

  it('exit errors pass their code and print as is', () => {
    expect(renderError({ type: 'exit', message: 'command terminated with exit code 7', code: 7 })).to.deep.equal({ text: 'command terminated with exit code 7\n', code: 7 });
  });

  it('aggregates: one line each through StandardErrorMessage, no `error: ` prefix', () => {
    const agg = combine([plainErr('a thing failed'), addSourceToErr('creating', 'f.yaml', statusErr(invalidError(SVC, 'x', [nodePort80])))]);
    expect(renderError(agg!).text).to.equal(
      'a thing failed\nError from server (Invalid): error when creating "f.yaml": Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });

  it('usage and flag errors (UsageErrorf, templater FlagErrorFunc)', () => {
    expect(renderError(usageErr('kubectl run', 'NAME is required for run')).text).to.equal("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect(renderError(flagErr('kubectl get', 'unknown flag: --foo')).text).to.equal("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
  });
});
