/**
 * Allocators: explicit requests, already allocated, out of range, the
 * KEP-3070/KEP-3668 bands, determinism, release, rebuild from the store.
 * Error words: pkg/registry/core/service/ipallocator/interfaces.go,
 * portallocator/allocator.go, storage/alloc.go.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Random } from '../../sim/index.ts';
import { ClusterIpAllocator } from './cluster-ip.ts';
import { NodePortAllocator } from './node-port.ts';
import { bandOffset } from './bitmap.ts';
import { parseIPv4 } from './ip.ts';
import { apiServer } from '../server.ts';
import { testCluster, svc } from '../testdata/cluster.ts';

describe('ClusterIpAllocator', () => {
  it('honours a requested address once', () => {
    const a = new ClusterIpAllocator('10.43.0.0/16', new Random('t'));
    expect(a.allocate('10.43.0.10')).to.deep.equal({ ok: true, value: '10.43.0.10' });
    const again = a.allocate('10.43.0.10');
    expect(again.ok ? '' : again.error.message).to.equal('provided IP is already allocated');
  });
  it('refuses addresses outside the range, network and broadcast included', () => {
    const a = new ClusterIpAllocator('10.43.0.0/16', new Random('t'));
    for (const ip of ['10.44.0.1', '10.43.0.0', '10.43.255.255']) {
      const r = a.allocate(ip);
      expect(r.ok ? '' : r.error.message, ip).to.equal('provided IP is not in the valid range. The range of valid IPs is 10.43.0.0/16');
    }
  });
  it('dynamic picks come from the upper band (above 10.43.1.0 for a /16) and are deterministic', () => {
    const pick = (seed: string) => {
      const a = new ClusterIpAllocator('10.43.0.0/16', new Random(seed));
      return Array.from({ length: 20 }, () => { const r = a.allocateNext(); return r.ok ? r.value : ''; });
    };
    const ips = pick('s');
    expect(ips).to.deep.equal(pick('s'));
    expect(ips).not.to.deep.equal(pick('other'));
    for (const ip of ips) expect(parseIPv4(ip)! - parseIPv4('10.43.0.0')!).to.be.greaterThan(256);
  });
  it('falls back to the lower band when the upper one is full', () => {
    // /27: 32 addresses, offset 16, 30 usable: 14 upper slots, then the lower band.
    const a = new ClusterIpAllocator('10.0.0.0/27', new Random('t'));
    const got = Array.from({ length: 30 }, () => { const r = a.allocateNext(); return r.ok ? parseIPv4(r.value)! - parseIPv4('10.0.0.0')! : -1; });
    expect(got.slice(0, 14).every((n) => n > 16)).to.equal(true);
    expect(got.slice(14).every((n) => n >= 1 && n <= 16)).to.equal(true);
    const full = a.allocateNext();
    expect(full.ok ? '' : full.error.message).to.equal('range is full');
  });
  it('band offsets: min(max(16, size/16), 256) for IPs, min(max(16, size/32), 128) for ports', () => {
    expect(bandOffset(65536, 16, 256, 16)).to.equal(256);
    expect(bandOffset(2768, 16, 128, 32)).to.equal(86);
    expect(bandOffset(16, 16, 256, 16)).to.equal(0);
  });
});

describe('NodePortAllocator', () => {
  it('explicit, already allocated, out of range, release', () => {
    const a = new NodePortAllocator(30000, 32767, new Random('t'));
    expect(a.allocate(30080).ok).to.equal(true);
    const dup = a.allocate(30080);
    expect(dup.ok ? '' : dup.error.message).to.equal('provided port is already allocated');
    const out = a.allocate(80);
    expect(out.ok ? '' : out.error.message).to.equal('provided port is not in the valid range. The range of valid ports is 30000-32767');
    a.release(30080);
    expect(a.allocate(30080).ok).to.equal(true);
  });
  it('dynamic ports avoid the static band 30000-30085 while the upper band has room', () => {
    const a = new NodePortAllocator(30000, 32767, new Random('t'));
    for (let i = 0; i < 50; i++) {
      const r = a.allocateNext();
      expect(r.ok && r.value >= 30086 && r.value <= 32767).to.equal(true);
    }
  });
});

describe('allocation through the API server', () => {
  it('words allocation failures as storage/alloc.go does', () => {
    const api = apiServer(testCluster());
    expect(api.create(svc('a', { clusterIP: '10.43.0.10' })).ok).to.equal(true);
    const dup = api.create(svc('b', { clusterIP: '10.43.0.10' }));
    expect(dup.ok ? '' : dup.error.message).to.equal('Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.43.0.10"}: failed to allocate IP 10.43.0.10: provided IP is already allocated');
    const out = api.create(svc('c', { clusterIP: '10.99.0.1' }));
    expect(out.ok ? '' : out.error.message).to.equal('Service "c" is invalid: spec.clusterIPs: Invalid value: []string{"10.99.0.1"}: failed to allocate IP 10.99.0.1: provided IP is not in the valid range. The range of valid IPs is 10.43.0.0/16');
    expect(api.create(svc('n1', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })).ok).to.equal(true);
    const np = api.create(svc('n2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(np.ok ? '' : np.error.message).to.equal('Service "n2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });
  it('headless and ExternalName get no ClusterIP; ClusterIP gets no node port; LoadBalancer does', () => {
    const api = apiServer(testCluster());
    const h = api.create(svc('h', { clusterIP: 'None' }));
    expect(h.ok && h.value.spec.clusterIPs).to.deep.equal(['None']);
    const e = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'e' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect(e.ok && e.value.spec.clusterIP).to.equal(undefined);
    const c = api.create(svc('c'));
    expect(c.ok && c.value.spec.ports[0].nodePort).to.equal(undefined);
    const lb = api.create(svc('lb', { type: 'LoadBalancer' }));
    expect(lb.ok && lb.value.spec.ports[0].nodePort).to.be.within(30086, 32767);
  });
  it('frees addresses on delete and rebuilds from objects written straight into the store', () => {
    const c = testCluster();
    c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns', namespace: 'kube-system' }, spec: { type: 'ClusterIP', clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'], ports: [{ port: 53, protocol: 'UDP' }] } });
    const api = apiServer(c);
    const r = api.create(svc('x', { clusterIP: '10.43.0.10' }));
    expect(r.ok).to.equal(false);
    c.store.delete('Service', 'kube-system', 'kube-dns');
    expect(api.create(svc('x', { clusterIP: '10.43.0.10' })).ok).to.equal(true);
    expect(api.delete('Service', 'default', 'x').ok).to.equal(true);
    expect(api.create(svc('y', { clusterIP: '10.43.0.10' })).ok).to.equal(true);
  });
  it('a failed create gives back what it allocated', () => {
    const api = apiServer(testCluster());
    const bad = api.create(svc('bad', { clusterIP: '10.43.0.20', ports: [{ port: 0 }] }));
    expect(bad.ok).to.equal(false);
    expect(api.create(svc('good', { clusterIP: '10.43.0.20' })).ok).to.equal(true);
  });
});
