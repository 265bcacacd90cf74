import { describe, it, before, after } from 'node:test';
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './args.ts';
import { copyInputs } from './load-files.ts';
import { reachCommand, REACH_HELP } from './reach-command.ts';

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) }) as Writable & { text: () => string };
  w.text = () => chunks.join('');
  return w;
}

const NS_AND_PODS = `apiVersion: v1
kind: Namespace
metadata:
  name: x
---
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: x, labels: {app: a}}
spec:
  containers: [{name: web, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: x, labels: {app: b}}
spec:
  containers: [{name: web, image: nginx}]
`;

const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny-ingress, namespace: x}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

describe('kube-netlab reach', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'reach-'));
    writeFileSync(join(dir, 'pods.yaml'), NS_AND_PODS);
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies', 'deny.yaml'), DENY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[]) {
    const stdout = sink();
    const stderr = sink();
    const code = await reachCommand(argv, { stdout, stderr, cwd: dir });
    return { code, out: stdout.text(), err: stderr.text() };
  }

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).to.equal(0);
    expect(r.out).to.equal(REACH_HELP);
    expect(r.out).to.match(/^Usage: kube-netlab reach --port PORT/);
  });

  it('prints the table of a file and a folder, policies enforced', async () => {
    const r = await run(['--port', '80', 'pods.yaml', 'policies']);
    expect(r.err).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.out).to.equal('-\tx/a\tx/b\nx/a\t.\tX\nx/b\tX\t.\n');
  });

  it("--k3s-flags '--disable-network-policy': the same policy changes nothing", async () => {
    const r = await run(['--port=80', '--k3s-flags', '--disable-network-policy', 'pods.yaml', 'policies/deny.yaml']);
    expect(r.out).to.equal('-\tx/a\tx/b\nx/a\t.\t.\nx/b\t.\t.\n');
  });

  it("a missing file: kubectl's error on stderr, exit 1", async () => {
    const r = await run(['--port', '80', '--protocol', 'TCP', 'nope.yaml']);
    expect(r.code).to.equal(1);
    expect(r.err).to.contain('error: the path "nope.yaml" does not exist\n');
  });

  it('notes pods that do not listen on the port', async () => {
    const r = await run(['--port', '53', '--protocol', 'udp', 'pods.yaml']);
    expect(r.code).to.equal(0);
    expect(r.err).to.contain('note: pod x/a listens on no UDP port 53');
  });

  it('usage errors name what is wrong', async () => {
    for (const [argv, msg] of [
      [['pods.yaml'], 'needs --port'],
      [['--port', '0', 'pods.yaml'], 'a port is a number from 1 to 65535'],
      [['--port', '80', '--protocol', 'icmp', 'pods.yaml'], 'write tcp, udp or sctp'],
      [['--port', '80'], 'at least one manifest'],
      [['--port', '80', '--k3s-flags', '--no-such-flag', 'pods.yaml'], '--no-such-flag'],
    ] as const) {
      let err: unknown;
      await run([...argv]).catch((e: unknown) => (err = e));
      expect(err, argv.join(' ')).to.be.instanceOf(UsageError);
      expect((err as Error).message).to.contain(msg);
    }
  });

  it('copyInputs keeps relative paths and moves outside ones under input-N', () => {
    const { workspace, paths } = copyInputs([join(dir, 'pods.yaml'), '../policies', 'deny.yaml', '/nonexistent/x.yaml'], join(dir, 'policies'));
    expect(paths).to.deep.equal(['input-1/pods.yaml', 'input-2/policies', 'deny.yaml', '/nonexistent/x.yaml']);
    expect(workspace.type('/home/lab/input-2/policies/deny.yaml')).to.equal('file');
    expect(workspace.readText('/home/lab/input-1/pods.yaml')).to.equal(NS_AND_PODS);
  });
});
