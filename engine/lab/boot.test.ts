/**
 * A cluster cloned from a booted template must be the cluster a fresh boot
 * gives (engine/lab/boot.ts boots k3s once per configuration and hands each
 * lab a clone): same objects, names, IPs, uids, timestamps, random streams,
 * container state, so every command prints the same bytes.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { defaultConfig, applyServerFlags, type ClusterConfig } from '../cluster/config.ts';
import { Workspace } from '../workspace/index.ts';
import { bootCluster, bootFresh, bootingFromTemplates } from './boot.ts';
import { Lab, LAB_HOME } from './lab.ts';

const MANIFESTS: Record<string, string> = {
  'np.yaml': `apiVersion: v1
kind: Service
metadata:
  name: node-port
spec:
  type: NodePort
  selector:
    run: web
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 30080
`,
  'lb.yaml': `apiVersion: v1
kind: Service
metadata:
  name: load-bal
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
`,
  'deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress]
`,
};

/** Commands touching every module: admission and allocators, controllers, kubelet and runtime, DNS, data plane, Events. */
const SCRIPT = [
  'kubectl run web --image nginx --labels run=web,app=web',
  'kubectl run client --image nginx',
  'kubectl create deployment dep --image nginx --replicas 3',
  'kubectl expose deployment dep --port 80',
  'kubectl apply -f np.yaml -f lb.yaml',
  'kubectl expose pod web --port 8080 --target-port 80 --name web-svc',
  'kubectl get pods -A -o wide',
  'kubectl get svc -A',
  'kubectl exec client -- curl -s web-svc:8080',
  'kubectl exec client -- cat /etc/resolv.conf',
  'kubectl exec client -- nslookup web-svc',
  'kubectl exec client -- bash -c "apt update && apt install -y dnsutils"',
  'kubectl exec client -- nslookup web-svc',
  'curl -s 192.168.164.131:30080 | head -3',
  'curl -s 192.168.164.130:8080 | head -3',
  'kubectl run call --image curlimages/curl -- curl -s --max-time 1 nowhere',
  'sleep 90',
  'kubectl get pod call',
  'kubectl logs call',
  'kubectl apply -f deny.yaml',
  'kubectl exec client -- curl -s --max-time 2 web-svc:8080',
  'kubectl scale deployment dep --replicas 1',
  'kubectl delete pod web',
  'kubectl get events -A',
  'kubectl get all -A -o yaml',
  'kubectl logs -n kube-system deploy/coredns | head -5',
  'kubectl describe svc load-bal',
];

function newLab(cluster: ReturnType<typeof bootFresh>): Lab {
  const workspace = new Workspace();
  for (const [name, text] of Object.entries(MANIFESTS)) workspace.write(`${LAB_HOME}/${name}`, text, { parents: true });
  return new Lab({ cluster, workspace });
}

/** Everything the lab prints, command by command, plus the whole store. */
function transcript(lab: Lab): string[] {
  const out = ['kubectl get all -A -o yaml', 'kubectl get events -A'].map((c) => `$ ${c}\n${lab.run(c).output}`);
  for (const c of SCRIPT) {
    const r = lab.run(c);
    out.push(`$ ${c}\n${r.output}[exit ${r.exitCode}] ${JSON.stringify(r.notes)}`);
  }
  const store = lab.cluster.store;
  const kinds = ['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Event', 'ReplicaSet', 'Deployment', 'DaemonSet', 'Node', 'Namespace', 'ConfigMap', 'NetworkPolicy', 'ControllerRevision', 'Job', 'ServiceAccount', 'Secret'];
  for (const k of kinds) out.push(`${k}: ${JSON.stringify(store.list(k))}`);
  out.push(`rv ${store.currentResourceVersion()} clock ${lab.cluster.clock.nowIso()}`);
  return out;
}

function expectSame(actual: string[], expected: string[]): void {
  expect(actual.length).to.equal(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i], `step ${i}`).to.equal(expected[i]);
}

describe('booting from a template (bootCluster clones)', () => {
  const configs: [string, ClusterConfig][] = [
    ['default k3s', defaultConfig()],
    ['--disable=servicelb --disable-network-policy', applyServerFlags(defaultConfig(), '--disable=servicelb --disable-network-policy')],
  ];
  for (const [label, config] of configs) {
    it(`${label}: a clone prints what a fresh boot prints, and stays so for the next clone`, () => {
      const fresh = transcript(newLab(bootFresh(structuredClone(config))));
      const first = bootCluster(structuredClone(config));
      const second = bootCluster(structuredClone(config));
      expect(first).to.not.equal(second);
      expectSame(transcript(newLab(first)), fresh);
      // The first clone's commands must not have leaked into the template.
      expectSame(transcript(newLab(second)), fresh);
      expectSame(transcript(newLab(bootCluster(structuredClone(config)))), fresh);
      expect(bootingFromTemplates(), 'no clone fell back to a fresh boot').to.equal(true);
    });
  }

  it('the script exercises the model (the comparison is not of empty output)', () => {
    const t = transcript(newLab(bootFresh(defaultConfig()))).join('\n');
    expect(t).to.contain('Welcome to nginx!');
    expect(t).to.match(/web-svc\.default\.svc\.cluster\.local/);
    expect(t).to.contain('EnsuringLoadBalancer');
  });

  it('a clone is independent: writes to it do not show in a later clone', () => {
    const a = bootCluster(defaultConfig());
    new Lab({ cluster: a }).run('kubectl run x --image nginx');
    const b = bootCluster(defaultConfig());
    expect(a.store.get('Pod', 'default', 'x')).to.not.equal(undefined);
    expect(b.store.get('Pod', 'default', 'x')).to.equal(undefined);
  });
});
