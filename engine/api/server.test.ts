/** The API server: CRUD, Status errors, apply outcomes, namespaces, generateName, allocation through writes. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { apiServer } from './server.ts';
import { testCluster, svc, pod, deployment } from './testdata/cluster.ts';
import { LAST_APPLIED } from './apply.ts';
import type { KObject } from './object.ts';

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('apiServer', () => {
  it('is memoised per cluster', () => {
    const c = testCluster();
    expect(apiServer(c)).to.equal(apiServer(c));
  });

  it('get/create/delete with the server\'s messages', () => {
    const api = apiServer(testCluster());
    const g = api.get('Pod', 'default', 'x');
    expect(g.ok).to.equal(false);
    if (!g.ok) expect(g.error).to.deep.include({ code: 404, reason: 'NotFound', message: 'pods "x" not found' });
    value(api.create(svc('web')));
    const again = api.create(svc('web'));
    expect(again.ok ? '' : again.error.message).to.equal('services "web" already exists');
    const d = api.delete('Deployment', 'default', 'nope');
    expect(d.ok ? '' : d.error.message).to.equal('deployments.apps "nope" not found');
    expect(api.delete('Service', 'default', 'web').ok).to.equal(true);
    expect(api.get('Service', 'default', 'web').ok).to.equal(false);
  });

  it('refuses objects in a namespace that does not exist', () => {
    const api = apiServer(testCluster());
    const r = api.create(pod('p', 'nginx', 'nope'));
    expect(r.ok ? '' : r.error.message).to.equal('namespaces "nope" not found');
  });

  it('lists sorted by namespace then name, with a label selector', () => {
    const api = apiServer(testCluster());
    value(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aaa' } }));
    for (const [n, ns] of [['b', 'default'], ['a', 'default'], ['z', 'aaa']] as const) value(api.create(pod(n, 'nginx', ns)));
    expect(api.list('Pod').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).to.deep.equal(['aaa/z', 'default/a', 'default/b']);
    expect(api.list('Pod', 'default', { matchLabels: { run: 'b' } }).map((p) => p.metadata.name)).to.deep.equal(['b']);
  });

  it('deleting a namespace removes what is in it; default may not be deleted', () => {
    const api = apiServer(testCluster());
    value(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } }));
    value(api.create(pod('p', 'nginx', 'lab')));
    value(api.create(svc('s', {}, 'lab')));
    value(api.delete('Namespace', undefined, 'lab'));
    expect(api.list('Pod', 'lab')).to.have.length(0);
    expect(api.list('Service', 'lab')).to.have.length(0);
    const r = api.delete('Namespace', undefined, 'default');
    expect(r.ok ? '' : r.error.message).to.equal('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('generateName adds five characters from the safe alphabet, deterministically', () => {
    const mk = () => apiServer(testCluster());
    const p: KObject = { ...pod('web'), metadata: { name: '', generateName: 'web-' } };
    const a = value(mk().create(p)).metadata.name;
    const b = value(mk().create(p)).metadata.name;
    expect(a).to.match(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a).to.equal(b);
  });

  it('generation starts at 1 and moves with the spec only', () => {
    const api = apiServer(testCluster());
    const d = value(api.create(deployment('d')));
    expect(d.metadata.generation).to.equal(1);
    const scaled = value(api.update({ ...d, spec: { ...d.spec, replicas: 3 } }));
    expect(scaled.metadata.generation).to.equal(2);
    const labelled = value(api.update({ ...scaled, metadata: { ...scaled.metadata, labels: { x: 'y' } } }));
    expect(labelled.metadata.generation).to.equal(2);
  });

  it('update with a stale resourceVersion is a Conflict', () => {
    const api = apiServer(testCluster());
    const s = value(api.create(svc('web')));
    value(api.update({ ...s, metadata: { ...s.metadata, labels: { a: 'b' } } }));
    const r = api.update({ ...s, metadata: { ...s.metadata, labels: { a: 'c' } } });
    expect(r.ok ? '' : r.error.message).to.equal('Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('apply: created, unchanged, configured, with kubectl\'s annotation', () => {
    const api = apiServer(testCluster());
    const first = value(api.apply(svc('web')));
    expect(first.outcome).to.equal('created');
    // kubectl's GetModifiedConfiguration: compact JSON, keys sorted, empty annotations map, trailing newline.
    expect(first.obj.metadata.annotations?.[LAST_APPLIED]).to.equal(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}\n',
    );
    expect(value(api.apply(svc('web'))).outcome).to.equal('unchanged');
    const changed = value(api.apply(svc('web', { ports: [{ port: 80, name: 'http' }] })));
    expect(changed.outcome).to.equal('configured');
    expect(changed.obj.spec.clusterIP).to.equal(first.obj.spec.clusterIP);
    expect(changed.obj.spec.ports).to.deep.equal([{ port: 80, name: 'http', protocol: 'TCP', targetPort: 80 }]);
  });

  it('apply drops fields removed from the manifest and keeps server-set ones', () => {
    const api = apiServer(testCluster());
    value(api.apply(svc('web', { selector: { app: 'web', tier: 'front' } })));
    const r = value(api.apply(svc('web')));
    expect(r.outcome).to.equal('configured');
    expect(r.obj.spec.selector).to.deep.equal({ app: 'web' });
    expect(r.obj.spec.clusterIP).to.match(/^10\.43\./);
  });

  it('apply NodePort → ClusterIP drops the allocated node port', () => {
    const api = apiServer(testCluster());
    const np = value(api.apply(svc('web', { type: 'NodePort' })));
    expect(np.obj.spec.ports[0].nodePort).to.be.within(30000, 32767);
    const cip = value(api.apply(svc('web', { type: 'ClusterIP' })));
    expect(cip.outcome).to.equal('configured');
    expect(cip.obj.spec.ports[0].nodePort).to.equal(undefined);
    expect(cip.obj.spec.externalTrafficPolicy).to.equal(undefined);
  });

  it('a changed clusterIP is refused as the server words it', () => {
    const api = apiServer(testCluster());
    value(api.apply(svc('web', { clusterIP: '10.43.0.50' })));
    const r = api.apply(svc('web', { clusterIP: '10.43.0.51' }));
    expect(r.ok ? '' : r.error.message).to.equal('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.43.0.51"}: may not change once set');
  });

  it('updateStatus writes status only', () => {
    const api = apiServer(testCluster());
    const s = value(api.create(svc('lb', { type: 'LoadBalancer' })));
    const st = value(api.updateStatus({ ...s, spec: { type: 'ClusterIP' }, status: { loadBalancer: { ingress: [{ ip: '192.168.164.130' }] } } }));
    expect(st.status.loadBalancer.ingress[0].ip).to.equal('192.168.164.130');
    expect(st.spec.type).to.equal('LoadBalancer');
  });

  it('dry run allocates nothing and stores nothing', () => {
    const api = apiServer(testCluster());
    const r = value(api.create(svc('web', { clusterIP: '10.43.0.77' }), { dryRun: true }));
    expect(r.spec.clusterIP).to.equal('10.43.0.77');
    expect(api.get('Service', 'default', 'web').ok).to.equal(false);
    expect(value(api.create(svc('web2', { clusterIP: '10.43.0.77' }))).spec.clusterIP).to.equal('10.43.0.77');
  });

  it('bad input is a Status, not an exception', () => {
    const api = apiServer(testCluster());
    const r = api.create({ kind: 'Nope' } as unknown as KObject);
    expect(r.ok).to.equal(false);
    const r2 = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: '' } } as KObject);
    expect(r2.ok ? '' : r2.error.message).to.equal('Service "" is invalid: metadata.name: Required value: name or generateName is required');
  });
});
