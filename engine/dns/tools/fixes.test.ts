/**
 * Regressions found while writing features/dns/: dig's positional query
 * type (BIND 9.18 bin/dig/dig.c parse_args: a word that parses as a type is
 * the type while -t/-c were not given), CoreDNS's cache rewriting every TTL
 * of a reply to its smallest one (coredns plugin/cache/cache.go WriteMsg,
 * filterRRSlice; dnsutil.MinimalTTLWithMaximum), a refused query ending
 * BIND's tries at once (dighost.c recv_done retries without a timer), and
 * getent passing on the resolver's reason.
 */
import { describe, it, afterEach } from 'node:test';
import { expect } from 'chai';
import { chapterCluster } from '../testdata/chapter.ts';
import { runTool } from '../testdata/run.ts';
import { dnsBinaries } from '../index.ts';
import { query } from '../coredns.ts';
import { dnsDeps, setDnsDeps } from '../deps.ts';

const run = (id: string, argv: string[]) => runTool(chapterCluster(), dnsBinaries[id]!, argv);
const SRV_SHORT = '0 50 80 web-0.web.default.svc.cluster.local.\n0 50 80 web-1.web.default.svc.cluster.local.\n';

describe('dig: the query type may come before or after the name (dig.c parse_args)', () => {
  it('dig +short SRV NAME', () => {
    expect(run('dig:bind', ['dig', '+short', 'SRV', '_http._tcp.web.default.svc.cluster.local']).stdout).to.equal(SRV_SHORT);
  });
  it('dig +short NAME SRV', () => {
    expect(run('dig:bind', ['dig', '+short', '_http._tcp.web.default.svc.cluster.local', 'SRV']).stdout).to.equal(SRV_SHORT);
  });
  it('dig SRV NAME: the question is the name, type SRV', () => {
    const r = run('dig:bind', ['dig', 'SRV', '_http._tcp.web.default.svc.cluster.local']);
    expect(r.stdout).to.contain(';; QUESTION SECTION:\n;_http._tcp.web.default.svc.cluster.local. IN SRV\n');
    expect(r.stdout).to.contain('\n; <<>> DiG 9.18.41-1~deb12u1-Debian <<>> SRV _http._tcp.web.default.svc.cluster.local\n');
  });
  it('the class word IN is skipped', () => {
    expect(run('dig:bind', ['dig', '+short', 'myservice.default.svc.cluster.local', 'IN', 'A']).stdout).to.equal('10.43.152.73\n');
  });
  it('after -t, a type-like word is the name', () => {
    const r = run('dig:bind', ['dig', '-t', 'A', 'ns']);
    expect(r.stdout).to.contain(';ns.\t\t\t\tIN\tA\n');
  });
  it('a second type warns on stderr and wins', () => {
    const r = run('dig:bind', ['dig', '+short', 'A', 'myservice.default.svc.cluster.local', 'SRV']);
    expect(r.stderr).to.equal(';; Warning, extra type option\n');
    expect(r.stdout).to.equal('0 100 8080 myservice.default.svc.cluster.local.\n');
  });
});

describe('CoreDNS cache 30: every record gets the reply\'s smallest TTL, within 5..30', () => {
  it('ExternalName: the CNAME (5) and the forwarded A (300 upstream) both print 5', () => {
    const a = query(chapterCluster(), 'google-svc.default.svc.cluster.local.', 'A');
    expect(a.answer.map((r) => `${r.type} ${r.ttl}`)).to.deep.equal(['CNAME 5', 'A 5']);
  });
  it('a forwarded name alone (TTL 300 upstream) is capped at 30', () => {
    const a = query(chapterCluster(), 'google.com.', 'A');
    expect(a.answer.map((r) => r.ttl)).to.deep.equal([30]);
  });
  it('full dig of the ExternalName shows both records with TTL 5', () => {
    expect(run('dig:bind', ['dig', 'google-svc.default.svc.cluster.local']).stdout).to.contain(
      ';; ANSWER SECTION:\ngoogle-svc.default.svc.cluster.local. 5\tIN CNAME google.com.\ngoogle.com.\t\t5\tIN\tA\t142.250.196.110\n');
  });
});

describe('a refused query ends BIND\'s tries at once; a dropped one waits for each timeout', () => {
  const prev = dnsDeps();
  afterEach(() => setDnsDeps(prev));
  const refuse = () => setDnsDeps({ connect: () => ({ ok: false, failure: 'refused', reason: { code: 'policy-denied', message: 'NetworkPolicy default/deny-dns rejects UDP 53' } }) });
  for (const [tool, argv] of [['nslookup:bind', ['nslookup', 'myservice']], ['dig:bind', ['dig', 'myservice']], ['host:bind', ['host', 'myservice']]] as const) {
    it(`${argv[0]}: no simulated time passes when refused`, () => {
      refuse();
      const r = run(tool, [...argv]);
      expect(r.stdout).to.contain(';; communications error to 10.43.0.10#53: connection refused\n');
      expect(r.slept).to.equal(0);
    });
  }
});

describe('getent hosts: a name that does not resolve carries the resolver\'s reason', () => {
  it('the names tried, in glibc order (ndots:5, as is last)', () => {
    const r = run('getent:glibc', ['getent', 'hosts', 'nosuch']);
    expect(r.exitCode).to.equal(2);
    expect(r.notes.map((n) => n.message).join('\n')).to.contain('nosuch.default.svc.cluster.local., nosuch.svc.cluster.local., nosuch.cluster.local., nosuch.');
  });
  it('a name with 5 dots is asked as is first', () => {
    const r = run('getent:glibc', ['getent', 'hosts', 'a.b.c.d.e.f']);
    expect(r.notes.map((n) => n.message).join('\n')).to.contain('a.b.c.d.e.f., a.b.c.d.e.f.default.svc.cluster.local.');
  });
});
