/**
 * CoreDNS's own expectations, transcribed: each row is a case of
 * coredns/coredns plugin/kubernetes/handler_test.go (commonDnsTestCases,
 * dnsTestCases), handler_pod_insecure_test.go (podModeInsecureCases) or
 * reverse_test.go, over the same objects (testdata/builder.ts,
 * corednsTestCluster). Records are in zone-file notation; `SOA` stands for
 * the zone's SOA line with the cluster's serial.
 */
import { describe, it, before, after } from 'node:test';
import { expect } from 'chai';
import { corednsTestCluster } from './testdata/builder.ts';
import { kubernetesPlugin, query } from './coredns.ts';
import { dnsIndex } from './dns-index.ts';
import { setDnsDeps, type DnsDeps } from './deps.ts';
import { zoneLine, type RRType } from './types.ts';

interface Row {
  name: string;
  qname: string;
  qtype: RRType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  answer?: string[];
  ns?: string[];
  extra?: string[];
}

const SOA = 'SOA';
const A = (s: string) => s;

const rows: Row[] = [
  // handler_test.go commonDnsTestCases
  { name: 'A Service', qname: 'svc1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: [A('svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1')] },
  { name: 'A Service without endpoints', qname: 'svcempty.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['svcempty.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  { name: 'SRV Service (bare name)', qname: 'svc1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.'], extra: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  { name: 'SRV Service without endpoints', qname: 'svcempty.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['svcempty.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svcempty.testns.svc.cluster.local.'], extra: ['svcempty.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  { name: 'SRV IPv6 Service', qname: 'svc6.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['svc6.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc6.testns.svc.cluster.local.'], extra: ['svc6.testns.svc.cluster.local.\t5\tIN\tAAAA\t1234:abcd::1'] },
  { name: 'SRV named port', qname: '_http._tcp.svc1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['_http._tcp.svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc1.testns.svc.cluster.local.'], extra: ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  { name: 'SRV named port, no endpoints', qname: '_http._tcp.svcempty.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['_http._tcp.svcempty.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svcempty.testns.svc.cluster.local.'], extra: ['svcempty.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  { name: 'A headless Service: one record per IPv4 endpoint', qname: 'hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172.0.0.2', '172.0.0.3', '172.0.0.4', '172.0.0.5'].map((ip) => `hdls1.testns.svc.cluster.local.\t5\tIN\tA\t${ip}`) },
  { name: 'A headless portless Service', qname: 'hdlsprtls.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['hdlsprtls.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.20'] },
  { name: 'AAAA of an IPv4-only Service is NODATA', qname: 'svc1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', ns: [SOA] },
  { name: 'AAAA of a missing Service is NXDOMAIN', qname: 'svc0.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'A of a missing Service is NXDOMAIN', qname: 'svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'A in a missing namespace is NXDOMAIN', qname: 'svc0.svc-nons.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'TXT dns-version', qname: 'dns-version.cluster.local.', qtype: 'TXT', rcode: 'NOERROR', answer: ['dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"'] },
  { name: 'TXT of an existing Service is NODATA', qname: 'svc1.testns.svc.cluster.local.', qtype: 'TXT', rcode: 'NOERROR', ns: [SOA] },
  { name: 'TXT of a missing name is NXDOMAIN', qname: 'svc0.svc-nons.svc.cluster.local.', qtype: 'TXT', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'A bogus endpoint of a headless Service', qname: 'bogusendpoint.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'A endpoint of a missing Service', qname: 'bogusendpoint.svc0.testns.svc.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'AAAA IPv6 Service', qname: 'svc6.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: ['svc6.testns.svc.cluster.local.\t5\tIN\tAAAA\t1234:abcd::1'] },
  { name: 'SRV named port of an IPv6 Service', qname: '_http._tcp.svc6.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['_http._tcp.svc6.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 80 svc6.testns.svc.cluster.local.'], extra: ['svc6.testns.svc.cluster.local.\t5\tIN\tAAAA\t1234:abcd::1'] },
  { name: 'AAAA headless Service', qname: 'hdls1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: ['hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::1', 'hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::2'] },
  { name: 'A svc.cluster.local is NODATA', qname: 'svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', ns: [SOA] },
  { name: 'A pod.cluster.local is NODATA', qname: 'pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', ns: [SOA] },
  { name: 'A of a namespace is NODATA', qname: 'testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', ns: [SOA] },
  { name: 'NS below the apex, existing', qname: 'svc.cluster.local.', qtype: 'NS', rcode: 'NOERROR', ns: [SOA] },
  { name: 'NS of a namespace', qname: 'testns.svc.cluster.local.', qtype: 'NS', rcode: 'NOERROR', ns: [SOA] },
  { name: 'NS of a missing name', qname: 'foo.cluster.local.', qtype: 'NS', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'NS of a missing namespace', qname: 'foo.svc.cluster.local.', qtype: 'NS', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'A dual-stack Service', qname: 'svc-dual-stack.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.3'] },
  { name: 'AAAA dual-stack Service', qname: 'svc-dual-stack.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: ['svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tAAAA\t10::3'] },
  { name: 'SRV dual-stack Service: weight 50', qname: 'svc-dual-stack.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR', answer: ['svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tSRV\t0 50 80 svc-dual-stack.testns.svc.cluster.local.'], extra: ['svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.3', 'svc-dual-stack.testns.svc.cluster.local.\t5\tIN\tAAAA\t10::3'] },
  { name: 'SOA below the apex is NODATA', qname: 'svc1.testns.svc.cluster.local.', qtype: 'SOA', rcode: 'NOERROR', ns: [SOA] },
  { name: 'CNAME of a subdomain of an ExternalName', qname: 'endpoint.external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'CNAME of a sub-subdomain of an ExternalName', qname: 'subdomain.subdomain.external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NXDOMAIN', ns: [SOA] },
  // handler_test.go dnsTestCases
  {
    name: 'SRV headless Service: one target per endpoint hostname', qname: '_http._tcp.hdls1.testns.svc.cluster.local.', qtype: 'SRV', rcode: 'NOERROR',
    answer: ['172-0-0-2', '172-0-0-3', 'dup-name', '5678-abcd--1', '5678-abcd--2'].map((h) => `_http._tcp.hdls1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 16 80 ${h}.hdls1.testns.svc.cluster.local.`),
    extra: [
      '172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2',
      '172-0-0-3.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.3',
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4',
      'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5',
      '5678-abcd--1.hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::1',
      '5678-abcd--2.hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::2',
    ],
  },
  { name: 'AAAA endpoint without final dot', qname: '5678-abcd--2.hdls1.testns.svc.cluster.local', qtype: 'AAAA', rcode: 'NOERROR', answer: ['5678-abcd--2.hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::2'] },
  { name: 'AAAA endpoint', qname: '5678-abcd--1.hdls1.testns.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: ['5678-abcd--1.hdls1.testns.svc.cluster.local.\t5\tIN\tAAAA\t5678:abcd::1'] },
  { name: 'A endpoint with no port', qname: '172-0-0-20.hdlsprtls.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-20.hdlsprtls.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.20'] },
  { name: 'A endpoint by IP', qname: '172-0-0-2.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-2.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.2'] },
  { name: 'A endpoint by name: every address of that hostname', qname: 'dup-name.hdls1.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.4', 'dup-name.hdls1.testns.svc.cluster.local.\t5\tIN\tA\t172.0.0.5'] },
  { name: 'CNAME ExternalName', qname: 'external.testns.svc.cluster.local.', qtype: 'CNAME', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.'] },
  { name: 'A ExternalName: CNAME then the upstream answer', qname: 'external.testns.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['external.testns.svc.cluster.local.\t5\tIN\tCNAME\text.interwebs.test.', 'ext.interwebs.test.\t5\tIN\tA\t1.2.3.4'] },
  { name: 'A ExternalName to an internal Service', qname: 'external-to-service.testns.svc.cluster.local', qtype: 'A', rcode: 'NOERROR', answer: ['external-to-service.testns.svc.cluster.local.\t5\tIN\tCNAME\tsvc1.testns.svc.cluster.local.', 'svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1'] },
  // handler_pod_insecure_test.go podModeInsecureCases
  { name: 'pods insecure: A of an IP-shaped name', qname: '10-240-0-1.podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['10-240-0-1.podns.pod.cluster.local.\t5\tIN\tA\t10.240.0.1'] },
  { name: 'pods insecure: A of any IP, no pod needed', qname: '172-0-0-2.podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: ['172-0-0-2.podns.pod.cluster.local.\t5\tIN\tA\t172.0.0.2'] },
  { name: 'pods insecure: A of a non-IP name', qname: 'blah.podns.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'pods insecure: AAAA of a non-IP name', qname: 'blah.podns.pod.cluster.local.', qtype: 'AAAA', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'pods insecure: MX (another type) of a non-IP name', qname: 'blah.podns.pod.cluster.local.', qtype: 'MX', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'pods insecure: missing namespace', qname: 'blah.pod-nons.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'pods insecure: the namespace itself is NODATA', qname: 'podns.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', ns: [SOA] },
  // reverse_test.go (zone cluster.local)
  { name: 'PTR of a cluster-zone name that is no reverse name', qname: '100.0.0.10.cluster.local.', qtype: 'PTR', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'PTR of a Service name is NODATA', qname: 'svc1.testns.svc.cluster.local.', qtype: 'PTR', rcode: 'NOERROR', ns: [SOA] },
  { name: 'PTR of a bogus cluster-zone name', qname: 'example.org.cluster.local.', qtype: 'PTR', rcode: 'NXDOMAIN', ns: [SOA] },
  { name: 'PTR of a cluster IP', qname: '1.0.0.10.in-addr.arpa.', qtype: 'PTR', rcode: 'NOERROR', answer: ['1.0.0.10.in-addr.arpa.\t5\tIN\tPTR\tsvc1.testns.svc.cluster.local.'] },
  { name: 'PTR of an endpoint IP: hostname.service', qname: '2.0.0.172.in-addr.arpa.', qtype: 'PTR', rcode: 'NOERROR', answer: ['2.0.0.172.in-addr.arpa.\t5\tIN\tPTR\t172-0-0-2.hdls1.testns.svc.cluster.local.'] },
];

describe('CoreDNS kubernetes plugin (handler_test.go cases)', () => {
  let prev: DnsDeps;
  before(() => {
    // handler_test.go's Upstub answers ext.interwebs.test with 1.2.3.4, TTL 5.
    prev = setDnsDeps({
      world: () => ({
        resolve: (q, t) => q === 'ext.interwebs.test.' && t === 'A'
          ? { rcode: 'NOERROR', answer: [{ name: q, ttl: 5, type: 'A', address: '1.2.3.4' }] }
          : { rcode: 'NXDOMAIN', answer: [] },
      }),
    });
  });
  after(() => setDnsDeps(prev));

  const cluster = corednsTestCluster();
  const serial = dnsIndex(cluster).serial();
  const soa = `cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. ${serial} 7200 1800 86400 5`;

  for (const row of rows) {
    it(row.name, () => {
      const a = kubernetesPlugin(cluster, row.qname, row.qtype);
      expect(a, 'the plugin answered').to.not.equal(undefined);
      expect(a!.rcode).to.equal(row.rcode);
      expect(a!.authoritative).to.equal(true);
      expect(a!.answer.map(zoneLine)).to.deep.equal(row.answer ?? []);
      expect(a!.authority.map(zoneLine)).to.deep.equal((row.ns ?? []).map((l) => (l === SOA ? soa : l)));
      expect(a!.additional.map(zoneLine)).to.deep.equal(row.extra ?? []);
    });
  }
});

describe('CoreDNS as k3s runs it (hosts, kubernetes, forward, cache)', () => {
  const cluster = corednsTestCluster();
  it('a PTR the kubernetes plugin cannot answer falls through to forward', () => {
    const a = query(cluster, '9.9.9.172.in-addr.arpa.', 'PTR');
    expect(a.source).to.equal('forward');
    expect(a.rcode).to.equal('NXDOMAIN');
  });
  it('NodeHosts names answer authoritatively (TTL 60, capped to 30 by cache)', () => {
    const a = query(cluster, 'master', 'A');
    expect(a.answer.map(zoneLine)).to.deep.equal(['master.\t30\tIN\tA\t192.168.164.130']);
    expect(a.source).to.equal('hosts');
  });
  it('NodeHosts addresses answer PTR', () => {
    const a = query(cluster, '131.164.168.192.in-addr.arpa.', 'PTR');
    expect(a.answer.map(zoneLine)).to.deep.equal(['131.164.168.192.in-addr.arpa.\t30\tIN\tPTR\tworker1.']);
  });
  it('forwarded answers are not authoritative and their TTL is capped at 30 by cache', () => {
    const a = query(cluster, 'google.com', 'A');
    expect(a.authoritative).to.equal(false);
    expect(a.recursionAvailable).to.equal(true);
    expect(a.answer.map(zoneLine)).to.deep.equal(['google.com.\t30\tIN\tA\t142.250.196.110']);
  });
  it('TXT dns-version leaves the cache with TTL 30', () => {
    expect(query(cluster, 'dns-version.cluster.local.', 'TXT').answer.map(zoneLine)).to.deep.equal(['dns-version.cluster.local.\t30\tIN\tTXT\t"1.1.0"']);
  });
  it('wildcards are gone (CoreDNS 1.9): * is only a literal label', () => {
    expect(query(cluster, '*.testns.svc.cluster.local.', 'A').rcode).to.equal('NXDOMAIN');
    expect(query(cluster, 'any.testns.svc.cluster.local.', 'A').rcode).to.equal('NXDOMAIN');
  });
  it('NS at the apex names kube-dns when it exists, else ns.dns', () => {
    const a = query(cluster, 'cluster.local.', 'NS');
    expect(a.answer.map(zoneLine)).to.deep.equal(['cluster.local.\t5\tIN\tNS\tns.dns.cluster.local.']);
    expect(a.additional.map(zoneLine)).to.deep.equal(['ns.dns.cluster.local.\t5\tIN\tA\t10.43.0.10']);
  });
  it('a store change invalidates the cache', () => {
    const c = corednsTestCluster();
    expect(query(c, 'late.testns.svc.cluster.local.', 'A').rcode).to.equal('NXDOMAIN');
    c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'late', namespace: 'testns' }, spec: { clusterIP: '10.0.0.9', ports: [{ port: 80 }] } });
    expect(query(c, 'late.testns.svc.cluster.local.', 'A').answer.map(zoneLine)).to.deep.equal(['late.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.9']);
  });
  it('a malformed name is SERVFAIL, not an exception', () => {
    expect(query(cluster, 'a..b', 'A').rcode).to.equal('SERVFAIL');
  });
});
