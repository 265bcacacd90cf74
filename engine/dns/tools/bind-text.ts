/**
 * BIND 9.18's text forms: master-file lines with dig's column stops
 * (lib/dns/masterdump.c indent(): ttl 24, class 32, type 40, rdata 48, tab
 * width 8), the nslookup record texts (bin/dig/nslookup.c rtypetext), the
 * search walk of dighost.c, and the reply's wire size for `;; MSG SIZE`.
 */
import type { Note } from '../../shell/command.ts';
import { exchange } from '../exchange.ts';
import { labels } from '../names.ts';
import type { DnsAnswer, DnsRecord, RRType } from '../types.ts';
import { rdataText } from '../types.ts';
import { bindCandidates, type ToolEnv } from './common.ts';

/** masterdump.c indent(): tabs to the stop, then spaces; always at least one character. */
function indentTo(column: number, to: number): { text: string; column: number } {
  if (to < column + 1) to = column + 1;
  const ntabs = Math.max(0, Math.floor(to / 8) - Math.floor(column / 8));
  let from = column;
  let text = '';
  if (ntabs > 0) {
    text += '\t'.repeat(ntabs);
    from = Math.floor(to / 8) * 8;
  }
  text += ' '.repeat(to - from);
  return { text, column: to };
}

/** One record as dig prints it: `name. 5\tIN A\t10.43.0.10` (column stops 24/32/40/48). */
export function digRecordLine(r: DnsRecord): string {
  let out = r.name;
  let col = r.name.length;
  for (const [stop, field] of [[24, String(r.ttl)], [32, 'IN'], [40, r.type], [48, rdataText(r)]] as const) {
    const ind = indentTo(col, stop);
    out += ind.text + field;
    col = ind.column + field.length;
  }
  return out;
}

/** The question line without its leading `;`: `name.\t\tIN\tA` with stops 32/40. */
export function digQuestionLine(name: string, type: RRType): string {
  let out = name;
  let col = name.length;
  for (const [stop, field] of [[32, 'IN'], [40, type]] as const) {
    const ind = indentTo(col, stop);
    out += ind.text + field;
    col = ind.column + field.length;
  }
  return out;
}

/** nslookup's rtypetext prefixes for records other than A/AAAA/SOA. */
const NSLOOKUP_TEXT: Partial<Record<RRType, string>> = {
  NS: 'nameserver = ', CNAME: 'canonical name = ', PTR: 'name = ', MX: 'mail exchanger = ', TXT: 'text = ', SRV: 'service = ',
};

/** nslookup's printsection for one record (owner names without the final dot, RDATA as BIND writes it). */
export function nslookupRecord(r: DnsRecord, section: 'answer' | 'other'): string {
  const owner = r.name.length > 1 ? r.name.replace(/\.$/, '') : r.name;
  if ((r.type === 'A' || r.type === 'AAAA') && section === 'answer') return `Name:\t${owner}\nAddress: ${r.address}\n`;
  if (r.type === 'SOA') {
    const s = r.soa;
    return `${owner}\n\torigin = ${s.mname}\n\tmail addr = ${s.rname}\n\tserial = ${s.serial}\n\trefresh = ${s.refresh}\n\tretry = ${s.retry}\n\texpire = ${s.expire}\n\tminimum = ${s.minimum}\n`;
  }
  const prefix = r.type === 'A' ? 'internet address = ' : r.type === 'AAAA' ? 'has AAAA address ' : NSLOOKUP_TEXT[r.type] ?? '';
  return `${owner}\t${prefix}${rdataText(r)}\n`;
}

/** The outcome of a lookup as BIND's dighost runs it: the reply that ended the walk, or why none came. */
export type BindStep =
  | { ok: true; asked: string; answer: DnsAnswer }
  | { ok: false; failure: 'refused' | 'timeout'; note: Note };

export function bindLookup(env: ToolEnv, server: string, name: string, qtype: RRType, useSearch: boolean): BindStep {
  const candidates = bindCandidates(name, env.rc, useSearch);
  for (let i = 0; i < candidates.length; i++) {
    const x = exchange(env.cluster, env.peer, server, candidates[i]!, qtype);
    if (!x.ok) return { ok: false, failure: x.failure, note: x.note };
    if (x.answer.rcode === 'NXDOMAIN' && i < candidates.length - 1) continue;
    return { ok: true, asked: candidates[i]!, answer: x.answer };
  }
  return { ok: false, failure: 'timeout', note: { code: 'dns-internal', message: 'no candidate name' } };
}

/** dighost.c: three UDP tries, each a `communications error` line (ISC_R_TIMEDOUT / ISC_R_CONNREFUSED texts). */
export function communicationErrors(server: string, failure: 'refused' | 'timeout', tries = 3): string {
  const why = failure === 'refused' ? 'connection refused' : 'timed out';
  return `;; communications error to ${server}#53: ${why}\n`.repeat(tries);
}

/** The first name a CNAME chain in `answer` leads to from `name` (nslookup/host chase_cnamechain). */
export function chaseCname(answer: DnsRecord[], name: string): string {
  let cur = name.toLowerCase();
  for (let i = 0; i < answer.length; i++) {
    const c = answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === cur);
    if (!c || c.type !== 'CNAME') break;
    cur = c.target.toLowerCase();
  }
  return cur;
}

/**
 * The reply's size on the wire. CoreDNS sends small replies uncompressed
 * (miekg/dns Msg.Truncate sets Compress=false when the message fits;
 * request.Scrub compresses only above 1480 bytes), so names count in full.
 * `optBytes`: the OPT record CoreDNS echoes (11 bytes + options).
 */
export function wireSize(question: { name: string; type: RRType }, a: DnsAnswer, optBytes: number): number {
  const nameLen = (n: string) => labels(n).reduce((s, l) => s + l.length + 1, 0) + 1;
  const rdLen = (r: DnsRecord): number => {
    switch (r.type) {
      case 'A': return 4;
      case 'AAAA': return 16;
      case 'CNAME': case 'PTR': case 'NS': return nameLen(r.target);
      case 'TXT': return r.text.length + 1;
      case 'SRV': return 6 + nameLen(r.srv.target);
      case 'MX': return 2 + nameLen(r.mx.exchange);
      case 'SOA': return nameLen(r.soa.mname) + nameLen(r.soa.rname) + 20;
    }
  };
  let size = 12 + nameLen(question.name) + 4;
  for (const r of [...a.answer, ...a.authority, ...a.additional]) size += nameLen(r.name) + 10 + rdLen(r);
  return size + optBytes;
}
