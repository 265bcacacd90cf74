/**
 * Issue 4: load balancing is visible and fair. kube-proxy (iptables mode)
 * spreads new connections uniformly over a Service's ready endpoints with
 * its `statistic --mode random --probability 1/n` chain; with
 * sessionAffinity ClientIP the `recent` match keeps one client on one pod.
 *
 * Driven end to end through the lab terminal, as a student would do it:
 * a 3-replica agnhost netexec Deployment (fixtures/images.yaml: `netexec
 * --http-port=8080` serves `/hostname` with the pod's name), exposed, and
 * 1,000 `kubectl exec client -- curl -s web:8080/hostname` runs. The lab's
 * shell has no loops, so the loop is JavaScript's.
 */
import { describe, it, before } from 'node:test';
import { expect } from 'chai';
import { Lab } from './index.ts';

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.52';
const RUNS = 1000;

function ok(lab: Lab, script: string): string {
  const r = lab.run(script);
  expect(r.exitCode, `${script}\n${r.output}`).to.equal(0);
  return r.output;
}

/** A fresh lab with the Deployment, the client pod and the Services `web` (no affinity) and `web-sticky` (ClientIP). */
function setUp(): { lab: Lab; pods: string[] } {
  const lab = new Lab();
  ok(lab, `kubectl create deployment web --image ${AGNHOST} --replicas 3 -- /agnhost netexec --http-port=8080`);
  ok(lab, 'kubectl expose deployment web --port 8080');
  ok(lab, 'kubectl expose deployment web --port 8080 --name web-sticky --session-affinity ClientIP');
  ok(lab, 'kubectl run client --image nginx');
  const pods = ok(lab, 'kubectl get pods -l app=web -o name').trim().split('\n').map((l) => l.replace(/^pod\//, ''));
  return { lab, pods };
}

/** Count which pod answered each of `runs` requests to `url` from the client pod. */
function tally(lab: Lab, url: string, runs: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    const r = lab.run(`kubectl exec client -- curl -s ${url}`);
    expect(r.exitCode, r.output).to.equal(0);
    counts.set(r.output, (counts.get(r.output) ?? 0) + 1);
  }
  return counts;
}

describe('load balancing through a Service (kube-proxy, iptables mode)', () => {
  let lab: Lab;
  let pods: string[];
  before(() => ({ lab, pods } = setUp()));

  it('the Deployment has 3 running agnhost pods behind the Service', () => {
    expect(pods).to.have.length(3);
    expect(ok(lab, 'kubectl get endpoints web -o jsonpath="{.subsets[0].addresses[*].ip}" 2>/dev/null').split(' ')).to.have.length(3);
  });

  it('1,000 curls to web:8080/hostname reach each pod between 250 and 420 times', () => {
    const counts = tally(lab, 'web:8080/hostname', RUNS);
    expect([...counts.keys()].sort(), 'only the 3 pods answer, each by its name').to.deep.equal([...pods].sort());
    for (const pod of pods) expect(counts.get(pod), `answers from ${pod}`).to.be.within(250, 420);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).to.equal(RUNS);
  });

  it('with sessionAffinity ClientIP, one client always reaches the same pod', () => {
    expect(ok(lab, 'kubectl get svc web-sticky -o jsonpath="{.spec.sessionAffinity}"')).to.equal('ClientIP');
    const counts = tally(lab, 'web-sticky:8080/hostname', 200);
    expect(counts.size, JSON.stringify([...counts])).to.equal(1);
    expect(pods).to.include([...counts.keys()][0]);
  });

  it('another client under ClientIP affinity is pinned too (its own pod, always the same)', () => {
    ok(lab, 'kubectl run client2 --image nginx');
    const answers = new Set<string>();
    for (let i = 0; i < 100; i++) answers.add(lab.run('kubectl exec client2 -- curl -s web-sticky:8080/hostname').output);
    expect(answers.size).to.equal(1);
  });
});
