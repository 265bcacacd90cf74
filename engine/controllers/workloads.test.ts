import { describe, it } from 'node:test';
import { expect } from 'chai';
import { apiServer } from '../api/server.ts';
import { booted, create, deployment, pod, userPods } from './testdata/harness.ts';

const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

describe('workload controllers', () => {
  it('Deployment → ReplicaSet <deploy>-<hash> → pods <rs>-<5>', () => {
    const c = booted();
    create(c, deployment('web', 'nginx', 3));
    const rs = c.store.list('ReplicaSet', 'default');
    expect(rs).to.have.length(1);
    expect(rs[0]!.metadata.name).to.match(new RegExp(`^web-${SAFE}{9,10}$`));
    const pods = userPods(c);
    expect(pods).to.have.length(3);
    for (const p of pods) expect(p.metadata.name).to.match(new RegExp(`^${rs[0]!.metadata.name}-${SAFE}{5}$`));
    expect(c.store.get('Deployment', 'default', 'web')!.status).to.include({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it('the pod-template-hash is stable for the same template', () => {
    const a = booted();
    const b = booted();
    create(a, deployment('web', 'nginx', 1));
    create(b, deployment('web', 'nginx', 1));
    expect(a.store.list('ReplicaSet', 'default')[0]!.metadata.name).to.equal(b.store.list('ReplicaSet', 'default')[0]!.metadata.name);
  });

  it('scaling changes the pod count and records ScalingReplicaSet', () => {
    const c = booted();
    const d = create(c, deployment('web', 'nginx', 1));
    apiServer(c).update({ ...d, spec: { ...d.spec, replicas: 4 } });
    c.settle();
    expect(userPods(c)).to.have.length(4);
    const d2 = c.store.get('Deployment', 'default', 'web')!;
    apiServer(c).update({ ...d2, spec: { ...d2.spec, replicas: 2 } });
    c.settle();
    expect(userPods(c)).to.have.length(2);
    const msgs = c.store.list('Event', 'default').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message as string);
    expect(msgs[1]).to.match(/^Scaled up replica set web-\w+ from 1 to 4$/);
    expect(msgs[2]).to.match(/^Scaled down replica set web-\w+ from 4 to 2$/);
  });

  it('deleting a Deployment deletes its ReplicaSet and pods', () => {
    const c = booted();
    create(c, deployment('web', 'nginx', 2));
    apiServer(c).delete('Deployment', 'default', 'web');
    c.settle();
    expect(c.store.list('ReplicaSet', 'default')).to.have.length(0);
    expect(userPods(c)).to.have.length(0);
  });

  it('a StatefulSet makes web-0, web-1 with hostname and subdomain', () => {
    const c = booted();
    create(c, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, serviceName: 'nginx', selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    const pods = userPods(c).map((p) => [p.metadata.name, p.spec.hostname, p.spec.subdomain]);
    expect(pods).to.deep.equal([['web-0', 'web-0', 'nginx'], ['web-1', 'web-1', 'nginx']]);
  });

  it('a DaemonSet runs one pod per node', () => {
    const c = booted();
    create(c, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause' }] } } },
    });
    expect(userPods(c).map((p) => p.spec.nodeName).sort()).to.deep.equal(['master', 'worker1']);
  });
});

describe('scheduler and pod IPAM', () => {
  it('spreads workload pods: fewest pods first, then node order (master first)', () => {
    const c = booted();
    for (const n of ['a', 'b', 'c']) create(c, pod(n, 'nginx'));
    expect(userPods(c).map((p) => `${p.metadata.name}@${p.spec.nodeName}`)).to.deep.equal(['a@master', 'b@worker1', 'c@master']);
    expect(c.store.list('Event', 'default').find((e) => e.reason === 'Scheduled')?.message).to.equal('Successfully assigned default/a to master');
  });

  it('honours spec.nodeName and nodeSelector', () => {
    const c = booted();
    create(c, pod('pinned', 'nginx', { nodeName: 'worker1' }));
    const sel = pod('sel', 'nginx');
    sel.spec.nodeSelector = { 'kubernetes.io/hostname': 'worker1' };
    create(c, sel);
    expect(userPods(c).map((p) => p.spec.nodeName)).to.deep.equal(['worker1', 'worker1']);
  });

  it('hands out the next address after the last one, not a freed one', () => {
    const c = booted();
    create(c, pod('a', 'nginx', { nodeName: 'master' }));
    const first = c.store.get('Pod', 'default', 'a')!.status.podIP;
    expect(first).to.equal('10.42.0.9'); // .2-.8 went to kube-system at boot
    apiServer(c).delete('Pod', 'default', 'a');
    c.settle();
    create(c, pod('a', 'nginx', { nodeName: 'master' }));
    expect(c.store.get('Pod', 'default', 'a')!.status.podIP).to.equal('10.42.0.10');
  });
});
