/**
 * `kube-netlab validate` (cli/validate-command.ts) on the test submissions:
 * located errors `file:line:column: field: message`, exit 1, or exit 0.
 * The messages are the API server's (pkg/apis/core/validation) as the
 * engine renders them; the positions are the YAML node's.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { validateCommand } from '../../cli/validate-command.ts';
import { fieldSegments } from '../../grading/locate.ts';
import { firstBadUtf8Line } from '../../grading/lint.ts';
import { SUBMISSIONS } from './hostile.ts';

async function validate(...paths: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) });
  const code = await validateCommand(paths, { stdout, stderr: stdout, cwd: SUBMISSIONS });
  return { code, out };
}

describe('kube-netlab validate', () => {
  it('passes a correct folder (exit 0)', async () => {
    expect(await validate('correct/K8S/CH05')).to.deep.equal({ code: 0, out: '5 document(s) valid\n' });
  });

  it('locates admission errors at the field (exit 1)', async () => {
    const r = await validate('mistake-node-port-range/K8S/CH05/node-port.yaml', 'mistake-template-labels/K8S/CH05/web.yaml');
    expect(r.code).to.equal(1);
    expect(r.out).to.equal(
      'mistake-node-port-range/K8S/CH05/node-port.yaml:12:15: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767\n' +
        'mistake-template-labels/K8S/CH05/web.yaml:14:9: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`\n',
    );
  });

  it('locates decode errors: unknown kinds and __proto__ keys', async () => {
    const r = await validate('hostile-unknown-kinds/K8S/CH05/extra.yaml', 'hostile-proto-keys/K8S/CH05/myservice.yaml');
    expect(r.code).to.equal(1);
    expect(r.out).to.include('hostile-unknown-kinds/K8S/CH05/extra.yaml:2:7: kind: no kind "Frobnicator" is served in version "v1"\n');
    expect(r.out).to.match(/^hostile-proto-keys\/K8S\/CH05\/myservice\.yaml:10:\d+: metadata\.__proto__: unknown field "metadata\.__proto__"$/m);
  });

  it('says when a path does not exist', async () => {
    expect(await validate('nope.yaml')).to.deep.equal({ code: 1, out: 'nope.yaml:1:1: the path "nope.yaml" does not exist\n' });
  });
});

describe('locating helpers', () => {
  it('splits field paths', () => {
    expect(fieldSegments('spec.ports[0].nodePort')).to.deep.equal(['spec', 'ports', 0, 'nodePort']);
    expect(fieldSegments('metadata.labels[app.kubernetes.io/name]')).to.deep.equal(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
  it('finds the line of the first byte that is not UTF-8', () => {
    expect(firstBadUtf8Line(new TextEncoder().encode('a\nb\n'))).to.equal(1);
    expect(firstBadUtf8Line(new Uint8Array([0x61, 0x0a, 0xc3, 0xa9, 0x0a, 0xff]))).to.equal(3);
    expect(firstBadUtf8Line(new Uint8Array([0x0a, 0xc3, 0x28]))).to.equal(2);
  });
});
