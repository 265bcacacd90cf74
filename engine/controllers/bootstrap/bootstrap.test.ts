import { describe, it } from 'node:test';
import { expect } from 'chai';
import { booted } from '../testdata/harness.ts';
import { BOOT_DURATION_MS } from './k3s.ts';
import { DEFAULT_START } from '../../sim/index.ts';

describe('bootstrapK3s: what kubectl shows on a fresh k3s', () => {
  const c = booted();

  it('nodes carry k3s labels, roles and /24 pod CIDRs in table order', () => {
    const master = c.store.get('Node', undefined, 'master')!;
    const worker = c.store.get('Node', undefined, 'worker1')!;
    expect(master.metadata.labels).to.include({ 'node-role.kubernetes.io/control-plane': 'true', 'node-role.kubernetes.io/master': 'true', 'node.kubernetes.io/instance-type': 'k3s', 'kubernetes.io/hostname': 'master' });
    expect(worker.metadata.labels?.['node-role.kubernetes.io/control-plane']).to.equal(undefined);
    expect(master.spec.podCIDR).to.equal('10.42.0.0/24');
    expect(worker.spec.podCIDRs).to.deep.equal(['10.42.1.0/24']);
    expect(master.spec.providerID).to.equal('k3s://master');
    expect(master.status.nodeInfo).to.include({ kubeletVersion: 'v1.33.5+k3s1', containerRuntimeVersion: 'containerd://2.1.4-k3s1', osImage: 'Ubuntu 22.04.5 LTS' });
    const ready = master.status.conditions.find((x: { type: string }) => x.type === 'Ready');
    expect(ready).to.include({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
  });

  it('has the four namespaces with their metadata.name labels', () => {
    expect(c.store.list('Namespace').map((n) => n.metadata.name).sort()).to.deep.equal(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(c.store.get('Namespace', undefined, 'kube-system')!.metadata.labels).to.deep.equal({ 'kubernetes.io/metadata.name': 'kube-system' });
  });

  it('kube-dns is 10.43.0.10 with 53/UDP, 53/TCP, 9153/TCP and endpoints on the coredns pod', () => {
    const svc = c.store.get('Service', 'kube-system', 'kube-dns')!;
    expect(svc.spec.clusterIP).to.equal('10.43.0.10');
    expect(svc.spec.ports.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`)).to.deep.equal(['53/UDP', '53/TCP', '9153/TCP']);
    expect(svc.metadata.labels).to.include({ 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' });
    const ep = c.store.get('Endpoints', 'kube-system', 'kube-dns')!;
    expect((ep.subsets as Array<{ addresses: Array<{ ip: string }> }>)[0]!.addresses[0]!.ip).to.equal('10.42.0.2');
  });

  it('the coredns pod is coredns-<hash>-<5>, labelled k8s-app=kube-dns, Running on master at 10.42.0.2', () => {
    const pods = c.store.select('Pod', 'kube-system', { 'k8s-app': 'kube-dns' });
    expect(pods).to.have.length(1);
    expect(pods[0]!.metadata.name).to.match(/^coredns-[bcdfghjklmnpqrstvwxz2456789]{9,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pods[0]!.metadata.labels?.['pod-template-hash']).to.be.a('string');
    expect(pods[0]!.status).to.include({ phase: 'Running', podIP: '10.42.0.2' });
  });

  it('default/kubernetes is 10.43.0.1:443 with the master as endpoint', () => {
    expect(c.store.get('Service', 'default', 'kubernetes')!.spec.clusterIP).to.equal('10.43.0.1');
    expect(c.store.get('Endpoints', 'default', 'kubernetes')!.subsets).to.deep.equal([{ addresses: [{ ip: '192.168.164.130' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('traefik is a LoadBalancer on every node IP, through one svclb pod per node', () => {
    const svc = c.store.get('Service', 'kube-system', 'traefik')!;
    expect(svc.status.loadBalancer.ingress.map((i: { ip: string }) => i.ip)).to.deep.equal(['192.168.164.130', '192.168.164.131']);
    const svclb = c.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('svclb-traefik-'));
    expect(svclb.map((p) => p.spec.nodeName).sort()).to.deep.equal(['master', 'worker1']);
    expect(svclb.every((p) => p.status.phase === 'Running')).to.equal(true);
  });

  it('the helm-install pods are Completed', () => {
    const helm = c.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('helm-install-'));
    expect(helm.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '')).sort()).to.deep.equal(['helm-install-traefik', 'helm-install-traefik-crd']);
    expect(helm.every((p) => p.status.phase === 'Succeeded' && p.status.containerStatuses[0].state.terminated.reason === 'Completed')).to.equal(true);
  });

  it('objects were created at the clock start and the clock moved BOOT_DURATION_MS', () => {
    expect(c.store.get('Node', undefined, 'master')!.metadata.creationTimestamp).to.equal(DEFAULT_START);
    expect(c.clock.now() - Date.parse(DEFAULT_START)).to.equal(BOOT_DURATION_MS);
  });

  it('--disable=traefik leaves no traefik and no svclb', () => {
    const d = booted({ traefik: false });
    expect(d.store.get('Service', 'kube-system', 'traefik')).to.equal(undefined);
    expect(d.store.list('Pod', 'kube-system').some((p) => p.metadata.name.startsWith('svclb-') || p.metadata.name.startsWith('helm-'))).to.equal(false);
  });

  it('is deterministic: the same seed gives the same pod names', () => {
    const names = (x: ReturnType<typeof booted>) => x.store.list('Pod', 'kube-system').map((p) => p.metadata.name);
    expect(names(booted())).to.deep.equal(names(c));
  });
});
