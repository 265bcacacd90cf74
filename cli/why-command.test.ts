import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './args.ts';
import { whyCommand } from './why-command.ts';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: websvc}
spec: {selector: {app: wbe}, ports: [{port: 8080, targetPort: 80}]}
`;

describe('kube-netlab why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'why-'));
  writeFileSync(join(dir, 'app.yaml'), MANIFESTS);

  it('names the selector typo behind a refused connection, exit 1', async () => {
    const out = sink();
    const err = sink();
    const code = await whyCommand(['client', 'websvc:8080', '-f', 'app.yaml'], { stdout: out, stderr: err, cwd: dir });
    expect(code).to.equal(1);
    expect(out.text()).to.contain('the connection is refused (curl exit 7)');
    expect(out.text()).to.contain('its selector app=wbe matches no pod in namespace default; pod web has labels app=web');
  });

  it('tells the path of a connection that works, exit 0', async () => {
    const out = sink();
    const code = await whyCommand(['client', 'web'], { stdout: out, stderr: sink(), cwd: dir }).catch(() => -1);
    // no manifests: client does not exist
    expect(code).to.equal(1);
    expect(out.text()).to.contain('pod default/client does not exist');
    const out2 = sink();
    expect(await whyCommand(['client', 'web', '-f', 'app.yaml'], { stdout: out2, stderr: sink(), cwd: dir })).to.equal(0);
    expect(out2.text()).to.match(/^reachable: web:80 /m);
  });

  it('needs FROM and TARGET', async () => {
    let error: unknown;
    await whyCommand(['client'], { stdout: sink(), stderr: sink(), cwd: dir }).catch((e) => (error = e));
    expect(error).to.be.instanceOf(UsageError);
  });
});
