/**
 * The DNS vocabulary of engine/dns: record types, response codes, resource
 * records and a whole answer, as CoreDNS puts them on the wire. Records
 * print in zone-file notation (`name.\tTTL\tIN\tTYPE\tRDATA`), so test
 * expectations read like `dig` output (CoreDNS plugin/test does the same).
 */

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'SOA' | 'NS' | 'MX' | 'ANY';

/** The type codes, for the wire-size counter and `rdata_N` fallbacks. */
export const RR_TYPE_CODES: Record<RRType, number> = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, ANY: 255,
};

export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

export const RCODE_NUMBERS: Record<Rcode, number> = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5,
};

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export interface SrvData {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

export interface MxData {
  preference: number;
  exchange: string;
}

/** One resource record. Names are absolute (end with a dot). */
export type DnsRecord =
  | { name: string; ttl: number; type: 'A' | 'AAAA'; address: string }
  | { name: string; ttl: number; type: 'CNAME' | 'PTR' | 'NS'; target: string }
  | { name: string; ttl: number; type: 'TXT'; text: string }
  | { name: string; ttl: number; type: 'SRV'; srv: SrvData }
  | { name: string; ttl: number; type: 'MX'; mx: MxData }
  | { name: string; ttl: number; type: 'SOA'; soa: SoaData };

/** A server's response, as the client receives it. */
export interface DnsAnswer {
  rcode: Rcode;
  /** AA: CoreDNS's kubernetes and hosts plugins set it; forwarded answers do not. */
  authoritative: boolean;
  /** RA: forwarded answers carry the upstream's RA; CoreDNS's own answers do not set it. */
  recursionAvailable: boolean;
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
  /** Which part of CoreDNS answered (for notes and tests). */
  source: 'kubernetes' | 'hosts' | 'forward';
}

/** RDATA in presentation format, as BIND's dns_rdata_totext writes it. */
export function rdataText(r: DnsRecord): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return r.address;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return r.target;
    case 'TXT':
      return `"${r.text}"`;
    case 'SRV':
      return `${r.srv.priority} ${r.srv.weight} ${r.srv.port} ${r.srv.target}`;
    case 'MX':
      return `${r.mx.preference} ${r.mx.exchange}`;
    case 'SOA': {
      const s = r.soa;
      return `${s.mname} ${s.rname} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
  }
}

/** `svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.0.0.1` — the notation of CoreDNS's tests. */
export function zoneLine(r: DnsRecord): string {
  return `${r.name}\t${r.ttl}\tIN\t${r.type}\t${rdataText(r)}`;
}

const TYPES = new Set<string>(Object.keys(RR_TYPE_CODES));

export function parseRRType(s: string): RRType | undefined {
  const u = s.toUpperCase();
  return TYPES.has(u) ? (u as RRType) : undefined;
}
