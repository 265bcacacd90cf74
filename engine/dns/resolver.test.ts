/**
 * The pods' resolv.conf (kubelet GetPodDNS + containerd parseDNSOptions)
 * and the libc search walks (glibc res_query.c __res_context_search, musl
 * lookup_name.c name_from_dns_search), with a data plane that can refuse
 * or drop port 53.
 */
import { describe, it, afterEach } from 'node:test';
import { expect } from 'chai';
import { ClusterBuilder } from './testdata/builder.ts';
import { chapterCluster } from './testdata/chapter.ts';
import { lookup, searchOrder } from './resolver.ts';
import { resolvConfFor } from './resolvconf.ts';
import { setDnsDeps, dnsDeps } from './deps.ts';

const client = { kind: 'pod' as const, namespace: 'default', name: 'client' };
const rc = { searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 };

describe('resolv.conf as the kubelet and containerd write it', () => {
  const b = new ClusterBuilder().ns('default', 'dev');
  b.pod('default', 'client', '10.42.0.9');
  b.pod('dev', 'tool', '10.42.0.10');
  b.pod('default', 'hostnet', '192.168.164.130', { hostNetwork: true });
  b.pod('default', 'hostnet-cf', '192.168.164.130', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
  b.pod('default', 'dflt', '10.42.0.11', { dnsPolicy: 'Default' });
  b.pod('default', 'none', '10.42.0.12', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }] } });
  b.pod('default', 'extra', '10.42.0.13', { dnsConfig: { searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
  const get = (ns: string, n: string) => resolvConfFor(b.cluster, b.cluster.store.get('Pod', ns, n)!);
  const rows: Array<[string, string, string, string]> = [
    ['ClusterFirst (default namespace)', 'default', 'client', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.43.0.10\noptions ndots:5\n'],
    ['ClusterFirst in another namespace', 'dev', 'tool', 'search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.43.0.10\noptions ndots:5\n'],
    ['hostNetwork with ClusterFirst falls back to the node', 'default', 'hostnet', 'nameserver 192.168.164.2\n'],
    ['ClusterFirstWithHostNet', 'default', 'hostnet-cf', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.43.0.10\noptions ndots:5\n'],
    ['Default: the node resolv.conf', 'default', 'dflt', 'nameserver 192.168.164.2\n'],
    ['None with dnsConfig', 'default', 'none', 'search corp.example\nnameserver 1.1.1.1\noptions ndots:2\n'],
    ['ClusterFirst plus dnsConfig: searches appended, options merged', 'default', 'extra', 'search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.43.0.10\noptions edns0 ndots:2\n'],
  ];
  for (const [name, ns, pod, want] of rows) it(name, () => { expect(get(ns, pod)).to.equal(want); });
});

describe('search order: glibc and musl differ', () => {
  const rows: Array<[string, string, 'glibc' | 'musl', string[]]> = [
    ['glibc, no dots: search list then as is', 'myservice', 'glibc', ['myservice.default.svc.cluster.local.', 'myservice.svc.cluster.local.', 'myservice.cluster.local.', 'myservice.']],
    ['musl, no dots: the same', 'myservice', 'musl', ['myservice.default.svc.cluster.local.', 'myservice.svc.cluster.local.', 'myservice.cluster.local.', 'myservice.']],
    ['glibc, ndots reached: as is first, then the search list', 'a.b.c.d.e.f', 'glibc', ['a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.']],
    ['musl, ndots reached: only as is', 'a.b.c.d.e.f', 'musl', ['a.b.c.d.e.f.']],
    ['trailing dot: only as is', 'google.com.', 'glibc', ['google.com.']],
  ];
  for (const [name, q, libc, want] of rows) it(name, () => { expect(searchOrder(q, rc, libc)).to.deep.equal(want); });
});

describe('lookup()', () => {
  const prev = dnsDeps();
  afterEach(() => setDnsDeps(prev));
  const c = chapterCluster();

  it('a Service name through the search list (glibc)', () => {
    const r = lookup(c, client, 'myservice', { resolver: 'glibc' });
    expect(r.ok && r.addresses).to.deep.equal(['10.43.152.73']);
    expect(r.ok && r.canonicalName).to.equal('myservice.default.svc.cluster.local');
    expect(r.queries.map((q) => q.outcome)).to.deep.equal(['NOERROR']);
  });
  it('ExternalName: the CNAME target is the canonical name', () => {
    const r = lookup(c, client, 'google-svc', { resolver: 'musl' });
    expect(r.ok && r.canonicalName).to.equal('google.com');
    expect(r.ok && r.addresses).to.deep.equal(['142.250.196.110']);
  });
  it('a missing name is NXDOMAIN after every candidate', () => {
    const r = lookup(c, client, 'nosuch', { resolver: 'glibc' });
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.error).to.equal('NXDOMAIN');
    expect(r.queries).to.have.length(4);
  });
  it('NODATA: glibc keeps searching, musl stops at the first NODATA', () => {
    // `svc` under default.svc.cluster.local is NXDOMAIN, but `default.svc.cluster.local` itself exists (NODATA).
    const g = lookup(c, client, 'default', { resolver: 'glibc' });
    const m = lookup(c, client, 'default', { resolver: 'musl' });
    expect(!g.ok && g.error).to.equal('NODATA');
    expect(g.queries.length).to.equal(4);
    expect(!m.ok && m.error).to.equal('NODATA');
    expect(m.queries.map((q) => q.name)).to.deep.equal(['default.default.svc.cluster.local.', 'default.svc.cluster.local.']);
  });
  it('the pod\'s own hostname comes from /etc/hosts, not DNS', () => {
    const r = lookup(c, client, 'client', { resolver: 'glibc' });
    expect(r.ok && r.addresses).to.deep.equal(['10.42.0.227']);
    expect(r.queries).to.have.length(0);
  });
  it('the terminal resolves only outside names', () => {
    expect(lookup(c, { kind: 'external', ip: '192.168.164.1' }, 'google.com', { resolver: 'glibc' }).ok).to.equal(true);
    expect(lookup(c, { kind: 'external', ip: '192.168.164.1' }, 'myservice', { resolver: 'glibc' }).ok).to.equal(false);
  });
  it('a policy that rejects port 53 makes the lookup REFUSED, with the reason', () => {
    setDnsDeps({ connect: () => ({ ok: false, failure: 'refused', reason: { code: 'policy-denied', message: 'NetworkPolicy default/deny-egress rejects it' } }) });
    const r = lookup(c, client, 'myservice', { resolver: 'glibc' });
    expect(!r.ok && r.error).to.equal('REFUSED');
    expect(!r.ok && r.note.message).to.contain('deny-egress');
  });
  it('a dropped query is a TIMEOUT', () => {
    setDnsDeps({ connect: () => ({ ok: false, failure: 'timeout', reason: { code: 'dropped', message: 'dropped' } }) });
    expect((lookup(c, client, 'myservice', { resolver: 'musl' }) as { error?: string }).error).to.equal('TIMEOUT');
  });
  it('bad input is a result, not an exception', () => {
    expect(lookup(c, client, '', { resolver: 'glibc' }).ok).to.equal(false);
    expect(lookup(c, client, 'a..b', { resolver: 'glibc' }).ok).to.equal(false);
  });
});
