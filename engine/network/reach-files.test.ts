import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Lab } from '../lab/index.ts';
import { reachFromManifests, shellQuote, studentPods } from './reach-files.ts';

const PODS = `apiVersion: v1
kind: Namespace
metadata:
  name: x
---
apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: v1
kind: Pod
metadata:
  name: b
  namespace: x
  labels: {app: b}
spec:
  containers:
  - name: web
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: a
  namespace: x
  labels: {app: a}
spec:
  containers:
  - name: web
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: a
  namespace: other
spec:
  containers:
  - name: web
    image: nginx
`;

const ALLOW_A = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: b-from-a
  namespace: x
spec:
  podSelector:
    matchLabels: {app: b}
  ingress:
  - from:
    - podSelector:
        matchLabels: {app: a}
`;

function labWith(files: Record<string, string>): Lab {
  const lab = new Lab();
  for (const [path, text] of Object.entries(files)) lab.writeFile(path, text);
  return lab;
}

describe('reachFromManifests', () => {
  it('applies pods and a policy, and prints every non-system pod sorted by ns/name', () => {
    const lab = labWith({ 'pods.yaml': PODS, 'policy.yaml': ALLOW_A });
    const r = reachFromManifests(lab, ['pods.yaml', 'policy.yaml'], 80);
    expect(r.problems).to.deep.equal([]);
    expect(r.notes).to.deep.equal([]);
    expect(r.pods).to.deep.equal(['other/a', 'x/a', 'x/b']);
    // truthtable.go PrettyPrint layout: `-` corner, tabs; x/b admits only x/a (and itself).
    expect(r.table).to.equal(['-\tother/a\tx/a\tx/b', 'other/a\t.\t.\tX', 'x/a\t.\t.\t.', 'x/b\t.\t.\t.'].join('\n'));
  });

  it('without the policy every cell connects', () => {
    const r = reachFromManifests(labWith({ 'pods.yaml': PODS }), ['pods.yaml'], 80);
    expect(r.table.split('\n').slice(1).every((l) => !l.includes('X'))).to.equal(true);
  });

  it("reports kubectl's own error for a missing file (kubectl then applies none of the files)", () => {
    const r = reachFromManifests(labWith({ 'pods.yaml': PODS }), ['pods.yaml', 'nope.yaml'], 80);
    expect(r.problems).to.deep.equal(['error: the path "nope.yaml" does not exist', 'no pods outside kube-system: the manifests create no pod to connect from or to']);
  });

  it('names pods that listen on no such port (their column is X whatever the policies)', () => {
    const r = reachFromManifests(labWith({ 'pods.yaml': PODS }), ['pods.yaml'], 8080);
    expect(r.problems).to.deep.equal([]);
    expect(r.notes).to.include('pod x/a listens on no TCP port 8080: its column is X whatever the policies');
    expect(r.table.split('\n')[1]).to.equal('other/a\tX\tX\tX');
  });

  it('says so when the manifests make no pod, and rejects a bad port', () => {
    expect(reachFromManifests(new Lab(), [], 80)).to.deep.equal({ table: '', pods: [], problems: ['no pods outside kube-system: the manifests create no pod to connect from or to'], notes: [] });
    expect(reachFromManifests(new Lab(), [], 0).problems).to.deep.equal(['port 0 is not a port number (1-65535)']);
  });

  it('studentPods leaves kube-system out', () => {
    expect(studentPods(new Lab().cluster)).to.deep.equal([]);
  });

  it('shellQuote keeps plain paths and quotes the rest', () => {
    expect(shellQuote('K8S/CH05/a.yaml')).to.equal('K8S/CH05/a.yaml');
    expect(shellQuote("it's here.yaml")).to.equal(`'it'\\''s here.yaml'`);
  });
});
