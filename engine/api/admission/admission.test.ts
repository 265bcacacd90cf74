/**
 * Defaulting (pkg/apis/core/v1/defaults.go, apps/v1, batch/v1, networking/v1)
 * and validation goldens (pkg/apis/core/validation/validation.go,
 * apps/validation, networking/validation; apimachinery util/validation
 * for the name and label messages).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { apiServer } from '../server.ts';
import { testCluster, svc, deployment } from '../testdata/cluster.ts';
import type { KObject } from '../object.ts';
import { defaultPullPolicy } from './defaults-pod.ts';
import { isDns1035Label, isDns1123Label, isQualifiedName, isValidPortName } from './names.ts';

function create(obj: KObject) {
  return apiServer(testCluster()).create(obj);
}
function created(obj: KObject): KObject {
  const r = create(obj);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
function message(obj: KObject): string {
  const r = create(obj);
  return r.ok ? '(created)' : r.error.message;
}

describe('defaulting', () => {
  it('Service', () => {
    const s = created(svc('web')).spec;
    expect(s).to.deep.include({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(s.ports[0]).to.deep.equal({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(s.externalTrafficPolicy).to.equal(undefined);
    const lb = created(svc('lb', { type: 'LoadBalancer' })).spec;
    expect(lb).to.deep.include({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
    const h = created(svc('h', { clusterIP: 'None', selector: undefined })).spec;
    expect(h).to.deep.include({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });
  it('imagePullPolicy follows the tag', () => {
    expect(['nginx', 'nginx:latest', 'nginx:1.27', 'reg:5000/x', 'reg:5000/x:v1', 'x@sha256:ab'].map(defaultPullPolicy)).to.deep.equal(['Always', 'Always', 'IfNotPresent', 'Always', 'IfNotPresent', 'IfNotPresent']);
  });
  it('Deployment and its template', () => {
    const d = created(deployment('d')).spec;
    expect(d).to.deep.include({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(d.strategy).to.deep.equal({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.template.spec).to.deep.include({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 });
    expect(d.template.spec.enableServiceLinks).to.equal(undefined);
    expect(d.template.metadata.creationTimestamp).to.equal(null);
  });
  it('ReplicaSet, StatefulSet, DaemonSet, Job', () => {
    const tpl = deployment('w').spec;
    const rs = created({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector: tpl.selector, template: tpl.template } }).spec;
    expect(rs.replicas).to.equal(1);
    const sts = created({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'sts' }, spec: { serviceName: 'w', selector: tpl.selector, template: tpl.template } }).spec;
    expect(sts).to.deep.include({ podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10 });
    expect(sts.updateStrategy).to.deep.equal({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    const ds = created({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: tpl.selector, template: tpl.template } }).spec;
    expect(ds.updateStrategy).to.deep.equal({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    const job = created({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } }).spec;
    expect(job).to.deep.include({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false });
    expect(job.template.metadata.labels['job-name']).to.equal('j');
  });
  it('Pod: spec defaults and admission plugins', () => {
    const p = created({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } });
    expect(p.spec).to.deep.include({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority', serviceAccountName: 'default', serviceAccount: 'default' });
    expect(p.spec.containers[0].ports[0].protocol).to.equal('TCP');
    expect(p.spec.tolerations.map((t: { key: string }) => t.key)).to.deep.equal(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(p.spec.volumes[0].name).to.match(/^kube-api-access-[a-z0-9]{5}$/);
    expect(p.spec.containers[0].volumeMounts[0]).to.deep.equal({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: p.spec.volumes[0].name, readOnly: true });
    expect(p.status).to.deep.equal({ phase: 'Pending', qosClass: 'BestEffort' });
  });
  it('NetworkPolicy policyTypes and port protocol', () => {
    const np = (spec: object) => created({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec }).spec;
    expect(np({ podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] })).to.deep.include({ policyTypes: ['Ingress'] });
    expect(np({ podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] }).ingress[0].ports[0].protocol).to.equal('TCP');
    expect(np({ podSelector: {}, egress: [{}] }).policyTypes).to.deep.equal(['Ingress', 'Egress']);
  });
  it('Namespace label, finalizers and phase', () => {
    const ns = created({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    expect(ns.metadata.labels).to.deep.equal({ 'kubernetes.io/metadata.name': 'lab' });
    expect(ns.spec).to.deep.equal({ finalizers: ['kubernetes'] });
    expect(ns.status).to.deep.equal({ phase: 'Active' });
  });
  it('EndpointSlice ports', () => {
    const es = created({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e' }, addressType: 'IPv4', endpoints: [], ports: [{ port: 80 }] } as KObject);
    expect(es.ports).to.deep.equal([{ port: 80, name: '', protocol: 'TCP' }]);
  });
});

describe('validation messages', () => {
  const rows: [string, KObject, string][] = [
    ['nodePort on a ClusterIP Service', svc('x', { ports: [{ port: 80, nodePort: 30080 }] }),
      "Service \"x\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ['unsupported type', svc('x', { type: 'Foo' }),
      'Service "x" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['port 0 and a bad targetPort, joined', svc('x', { ports: [{ port: 0, targetPort: 'Bad_Name' }] }),
      'Service "x" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: "Bad_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)]'],
    ['ports required', svc('x', { ports: [] }), 'Service "x" is invalid: spec.ports: Required value'],
    ['two unnamed ports', svc('x', { ports: [{ port: 80 }, { port: 81 }] }),
      'Service "x" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]'],
    ['Service name must be a DNS-1035 label', svc('1web'),
      "Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"],
    ['ExternalName needs externalName', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { type: 'ExternalName' } },
      'Service "x" is invalid: spec.externalName: Required value'],
    ['Deployment without selector', { ...deployment('d'), spec: { ...deployment('d').spec, selector: undefined } },
      'Deployment.apps "d" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"d"}: `selector` does not match template `labels`]'],
    ['selector mismatch', { ...deployment('d'), spec: { ...deployment('d').spec, selector: { matchLabels: { app: 'other' } } } },
      'Deployment.apps "d" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"d"}: `selector` does not match template `labels`'],
    ['negative replicas', deployment('d', -1), 'Deployment.apps "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['Pod without containers', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } }, 'Pod "p" is invalid: spec.containers: Required value'],
    ['Pod restartPolicy enum', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'c', image: 'x' }] } },
      'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ['label value syntax', { ...svc('x'), metadata: { name: 'x', labels: { app: 'a b' } } },
      "Service \"x\" is invalid: metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
    ['NetworkPolicy endPort below port', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 8080, endPort: 80 }] }] } },
      'NetworkPolicy.networking.k8s.io "n" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`'],
    ['NetworkPolicy except outside cidr', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.42.0.0/16', except: ['10.50.0.0/24'] } }] }] } },
      'NetworkPolicy.networking.k8s.io "n" is invalid: spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.50.0.0/24": must be a strict subset of `cidr`'],
    ['NetworkPolicy bad protocol', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ ports: [{ protocol: 'ICMP', port: 1 }] }] } },
      'NetworkPolicy.networking.k8s.io "n" is invalid: spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"'],
  ];
  for (const [name, obj, want] of rows) it(name, () => {
    expect(message(obj)).to.equal(want);
  });

  it('immutable Deployment selector', () => {
    const api = apiServer(testCluster());
    const d = api.create(deployment('d'));
    if (!d.ok) throw new Error(d.error.message);
    const changed = { ...d.value, spec: { ...d.value.spec, selector: { matchLabels: { app: 'x' } }, template: { ...d.value.spec.template, metadata: { labels: { app: 'x' } } } } };
    const r = api.update(changed);
    expect(r.ok ? '' : r.error.message).to.equal('Deployment.apps "d" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });
  it('pod spec updates are forbidden except images', () => {
    const api = apiServer(testCluster());
    const p = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } });
    if (!p.ok) throw new Error(p.error.message);
    expect(api.update({ ...p.value, spec: { ...p.value.spec, containers: [{ ...p.value.spec.containers[0], image: 'nginx:2' }] } }).ok).to.equal(true);
    const cur = api.get('Pod', 'default', 'p');
    if (!cur.ok) throw new Error();
    const r = api.update({ ...cur.value, spec: { ...cur.value.spec, restartPolicy: 'Never' } });
    expect(r.ok ? '' : r.error.message).to.match(/^Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
  });
});

describe('name syntax (apimachinery util/validation)', () => {
  it('DNS-1123 label', () => {
    expect(isDns1123Label('my-name')).to.deep.equal([]);
    expect(isDns1123Label('My_Name')).to.deep.equal([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDns1123Label('a.b')).to.deep.equal(['must not contain dots']);
    expect(isDns1123Label('a'.repeat(64))).to.deep.equal(['must be no more than 63 characters']);
  });
  it('DNS-1035 label and qualified names', () => {
    expect(isDns1035Label('abc')).to.deep.equal([]);
    expect(isQualifiedName('example.com/app')).to.deep.equal([]);
    expect(isQualifiedName('a/b/c')[0]).to.match(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  });
  it('IANA_SVC_NAME', () => {
    expect(isValidPortName('http')).to.deep.equal([]);
    expect(isValidPortName('a-very-long-port-name')).to.deep.equal(['must be no more than 15 characters']);
    expect(isValidPortName('80')).to.deep.equal(['must contain at least one letter (a-z)']);
    expect(isValidPortName('-a--b')).to.deep.equal(['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
  });
});
