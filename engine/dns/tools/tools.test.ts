/**
 * Golden outputs of the DNS tools, answers and errors. Each expectation is
 * the real tool's layout, built from its source (cited per block) and, for
 * nslookup, the chapter's transcripts (seeds/k8s-networking-services.md
 * §6.1.3-6.1.4; the chapter's runs of spaces are tabs in the real output).
 */
import { describe, it, afterEach } from 'node:test';
import { expect } from 'chai';
import { chapterCluster } from '../testdata/chapter.ts';
import { runTool } from '../testdata/run.ts';
import { dnsBinaries } from '../index.ts';
import { dnsDeps, setDnsDeps } from '../deps.ts';
import { dnsIndex } from '../dns-index.ts';

const run = (id: string, argv: string[]) => runTool(chapterCluster(), dnsBinaries[id]!, argv);
const refuse = () => setDnsDeps({ connect: () => ({ ok: false, failure: 'refused', reason: { code: 'policy-denied', message: 'NetworkPolicy default/deny-dns rejects UDP 53' } }) });
const drop = () => setDnsDeps({ connect: () => ({ ok: false, failure: 'timeout', reason: { code: 'policy-dropped', message: 'dropped' } }) });

const MYSERVICE = 'Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\nName:\tmyservice.default.svc.cluster.local\nAddress: 10.43.152.73\n\n';

describe('nslookup (BIND 9.18, bin/dig/nslookup.c)', () => {
  const prev = dnsDeps();
  afterEach(() => setDnsDeps(prev));
  for (const name of ['myservice', 'myservice.default', 'myservice.default.svc.cluster.local']) {
    it(`chapter: nslookup ${name}`, () => {
      const r = run('nslookup:bind', ['nslookup', name]);
      expect(r.stdout).to.equal(MYSERVICE);
      expect(r.exitCode).to.equal(0);
    });
  }
  it('NXDOMAIN: the as-is name, exit 1', () => {
    const r = run('nslookup:bind', ['nslookup', 'nosuch']);
    expect(r.stdout).to.equal("Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\n** server can't find nosuch: NXDOMAIN\n\n");
    expect(r.exitCode).to.equal(1);
  });
  it('ExternalName: canonical name line, then A and AAAA of the target', () => {
    expect(run('nslookup:bind', ['nslookup', 'google-svc']).stdout).to.equal(
      'Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\ngoogle-svc.default.svc.cluster.local\tcanonical name = google.com.\nName:\tgoogle.com\nAddress: 142.250.196.110\nName:\tgoogle.com\nAddress: 2404:6800:4004:825::200e\n\n');
  });
  it('a forwarded answer is Non-authoritative', () => {
    expect(run('nslookup:bind', ['nslookup', 'google.com']).stdout).to.equal(
      'Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.196.110\nName:\tgoogle.com\nAddress: 2404:6800:4004:825::200e\n\n');
  });
  it('NODATA for A and AAAA: No answer', () => {
    expect(run('nslookup:bind', ['nslookup', 'default.svc.cluster.local']).stdout).to.equal(
      "Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\n*** Can't find default.svc.cluster.local: No answer\n\n");
  });
  it('an IP: PTR, no header', () => {
    expect(run('nslookup:bind', ['nslookup', '10.43.152.73']).stdout).to.equal('73.152.43.10.in-addr.arpa\tname = myservice.default.svc.cluster.local.\n\n');
  });
  it('StatefulSet-style hostname of a headless Service', () => {
    expect(run('nslookup:bind', ['nslookup', 'web-0.web']).stdout).to.equal('Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\nName:\tweb-0.web.default.svc.cluster.local\nAddress: 10.42.1.5\n\n');
  });
  it('-type=srv: the spec\'s SRV targets for a headless Service', () => {
    expect(run('nslookup:bind', ['nslookup', '-type=srv', '_http._tcp.web']).stdout).to.equal(
      'Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\n_http._tcp.web.default.svc.cluster.local\tservice = 0 50 80 web-0.web.default.svc.cluster.local.\n_http._tcp.web.default.svc.cluster.local\tservice = 0 50 80 web-1.web.default.svc.cluster.local.\n\n');
  });
  it('port 53 rejected by a policy: three communications errors (dighost.c recv_done), exit 1', () => {
    refuse();
    const r = run('nslookup:bind', ['nslookup', 'myservice']);
    expect(r.stdout).to.equal(';; communications error to 10.43.0.10#53: connection refused\n'.repeat(3) + ';; no servers could be reached\n\n');
    expect(r.exitCode).to.equal(1);
    expect(r.notes[0]!.message).to.contain('deny-dns');
  });
  it('port 53 dropped: timed out three times, 15 s of simulated time', () => {
    drop();
    const r = run('nslookup:bind', ['nslookup', 'myservice']);
    expect(r.stdout).to.equal(';; communications error to 10.43.0.10#53: timed out\n'.repeat(3) + ';; no servers could be reached\n\n');
    expect(r.slept).to.equal(15000);
  });
});

describe('dig (BIND 9.18, bin/dig/dig.c, lib/dns/message.c, masterdump.c)', () => {
  const prev = dnsDeps();
  afterEach(() => setDnsDeps(prev));
  it('+short', () => {
    expect(run('dig:bind', ['dig', '+short', 'myservice.default.svc.cluster.local']).stdout).to.equal('10.43.152.73\n');
  });
  it('+short -x', () => {
    expect(run('dig:bind', ['dig', '+short', '-x', '10.43.152.73']).stdout).to.equal('myservice.default.svc.cluster.local.\n');
  });
  it('+short NXDOMAIN prints nothing and exits 0', () => {
    const r = run('dig:bind', ['dig', '+short', 'nosuch.default.svc.cluster.local']);
    expect([r.stdout, r.exitCode]).to.deep.equal(['', 0]);
  });
  it('full answer: .local warning, aa without ra, echoed cookie, column stops, uncompressed size', () => {
    const r = run('dig:bind', ['dig', 'myservice.default.svc.cluster.local']);
    expect(r.stdout.replace(/id: \d+/, 'id: ID').replace(/COOKIE: [0-9a-f]{16}/, 'COOKIE: C')).to.equal(
      '\n; <<>> DiG 9.18.41-1~deb12u1-Debian <<>> myservice.default.svc.cluster.local\n;; global options: +cmd\n;; Got answer:\n'
      + ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n'
      + ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n'
      + ';; WARNING: recursion requested but not available\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: C (echoed)\n'
      + ';; QUESTION SECTION:\n;myservice.default.svc.cluster.local. IN\tA\n\n;; ANSWER SECTION:\nmyservice.default.svc.cluster.local. 5 IN A\t10.43.152.73\n\n'
      + ';; Query time: 0 msec\n;; SERVER: 10.43.0.10#53(10.43.0.10) (UDP)\n;; WHEN: Mon Jan 05 09:00:00 UTC 2026\n;; MSG SIZE  rcvd: 127\n\n');
  });
  it('full NXDOMAIN: the SOA in AUTHORITY', () => {
    const c = chapterCluster();
    const r = runTool(c, dnsBinaries['dig:bind']!, ['dig', 'nosuch.default.svc.cluster.local']);
    expect(r.stdout).to.contain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ');
    expect(r.stdout).to.contain(`;; AUTHORITY SECTION:\ncluster.local.\t\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. ${dnsIndex(c).serial()} 7200 1800 86400 5\n\n`);
    expect(r.stdout).to.contain(';; MSG SIZE  rcvd: 166\n');
  });
  it('timeout: the command line, then no servers could be reached, exit 9', () => {
    drop();
    const r = run('dig:bind', ['dig', 'myservice']);
    expect(r.stdout).to.equal(';; communications error to 10.43.0.10#53: timed out\n'.repeat(3)
      + '\n; <<>> DiG 9.18.41-1~deb12u1-Debian <<>> myservice\n;; global options: +cmd\n;; no servers could be reached\n');
    expect(r.exitCode).to.equal(9);
  });
});

describe('host (BIND 9.18, bin/dig/host.c)', () => {
  it('answer', () => { expect(run('host:bind', ['host', 'myservice']).stdout).to.equal('myservice.default.svc.cluster.local has address 10.43.152.73\n'); });
  it('NXDOMAIN, exit 1', () => {
    const r = run('host:bind', ['host', 'nosuch']);
    expect([r.stdout, r.exitCode]).to.deep.equal(['Host nosuch not found: 3(NXDOMAIN)\n', 1]);
  });
  it('alias', () => {
    expect(run('host:bind', ['host', 'google-svc']).stdout).to.equal(
      'google-svc.default.svc.cluster.local is an alias for google.com.\ngoogle.com has address 142.250.196.110\ngoogle.com has IPv6 address 2404:6800:4004:825::200e\n');
  });
  it('PTR', () => { expect(run('host:bind', ['host', '10.43.0.10']).stdout).to.equal('10.0.43.10.in-addr.arpa domain name pointer kube-dns.kube-system.svc.cluster.local.\n'); });
});

describe('nslookup (BusyBox 1.36, networking/nslookup.c)', () => {
  const prev = dnsDeps();
  afterEach(() => setDnsDeps(prev));
  it('every search domain for A then AAAA; exit 1 because some replies were NXDOMAIN', () => {
    const r = run('nslookup:busybox', ['nslookup', 'myservice']);
    expect(r.stdout).to.equal('Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n'
      + 'Name:\tmyservice.default.svc.cluster.local\nAddress: 10.43.152.73\n\n'
      + "** server can't find myservice.svc.cluster.local: NXDOMAIN\n\n** server can't find myservice.cluster.local: NXDOMAIN\n\n"
      + '\n'
      + "** server can't find myservice.svc.cluster.local: NXDOMAIN\n\n** server can't find myservice.cluster.local: NXDOMAIN\n\n");
    expect(r.exitCode).to.equal(1);
  });
  it('a dotted name is asked only as is (forwarded: NXDOMAIN)', () => {
    expect(run('nslookup:busybox', ['nslookup', 'myservice.default']).stdout).to.equal(
      "Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n** server can't find myservice.default: NXDOMAIN\n\n** server can't find myservice.default: NXDOMAIN\n\n");
  });
  it('timeout', () => {
    drop();
    const r = run('nslookup:busybox', ['nslookup', 'myservice']);
    expect([r.stdout, r.exitCode]).to.deep.equal([';; connection timed out; no servers could be reached\n\n', 1]);
  });
});

describe('getent hosts (glibc nss/getent.c)', () => {
  it('%-15s padding and the search-expanded name', () => { expect(run('getent:glibc', ['getent', 'hosts', 'myservice']).stdout).to.equal('10.43.152.73    myservice.default.svc.cluster.local\n'); });
  it('AF_INET6 first: an ExternalName target with AAAA prints IPv6, aliases after', () => { expect(run('getent:glibc', ['getent', 'hosts', 'google-svc']).stdout).to.equal('2404:6800:4004:825::200e google.com google-svc.default.svc.cluster.local\n'); });
  it('not found: exit 2', () => {
    const r = run('getent:glibc', ['getent', 'hosts', 'nosuch']);
    expect([r.stdout, r.exitCode]).to.deep.equal(['', 2]);
  });
});
