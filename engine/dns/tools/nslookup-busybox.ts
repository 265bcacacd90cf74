/**
 * BusyBox 1.36's own `nslookup` (networking/nslookup.c), which is not BIND's:
 * - no ndots: a name without a dot is tried under every search domain (and
 *   never as is), a dotted name only as is;
 * - A and AAAA queries all go out at once; each reply prints in turn, an
 *   error as `** server can't find NAME: NXDOMAIN`, then an empty line;
 * - `Address:\t10.43.0.10:53` (a colon, not BIND's `#`);
 * - exit 1 when any reply had an error rcode, even if another succeeded;
 * - no reply at all: `;; connection timed out; no servers could be reached`.
 */
import type { CommandContext, CommandHandler } from '../../shell/command.ts';
import { exchange } from '../exchange.ts';
import { isIP, reverseName, unfqdn } from '../names.ts';
import { parseRRType, type DnsRecord, type RRType } from '../types.ts';
import { toolEnv, wait } from './common.ts';

function recordText(r: DnsRecord): string {
  const owner = unfqdn(r.name);
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${owner}\nAddress: ${r.address}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${unfqdn(r.target)}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${unfqdn(r.target)}\n`;
    case 'PTR':
      return `${owner}\tname = ${unfqdn(r.target)}\n`;
    case 'MX':
      return `${owner}\tmail exchanger = ${r.mx.preference} ${unfqdn(r.mx.exchange)}\n`;
    case 'TXT':
      return `${owner}\ttext = "${r.text}"\n`;
    case 'SRV':
      return `${owner}\tservice = ${r.srv.priority} ${r.srv.weight} ${r.srv.port} ${unfqdn(r.srv.target)}\n`;
    case 'SOA': {
      const s = r.soa;
      return `${owner}\n\torigin = ${unfqdn(s.mname)}\n\tmail addr = ${unfqdn(s.rname)}\n\tserial = ${s.serial}\n\trefresh = ${s.refresh}\n\tretry = ${s.retry}\n\texpire = ${s.expire}\n\tminimum = ${s.minimum}\n`;
    }
  }
}

export const nslookupBusybox: CommandHandler = (ctx: CommandContext): number => {
  const env = toolEnv(ctx, 'nslookup');
  if (!env) return 1;
  const types: RRType[] = [];
  const words: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1) {
      const [k, v = ''] = a.slice(1).split('=', 2) as [string, string?];
      if (k === 'type' || k === 'querytype') {
        const t = parseRRType(v);
        if (!t) {
          ctx.stderr(`nslookup: invalid query type "${v}"\n`);
          return 1;
        }
        if (!types.includes(t)) types.push(t);
      }
      continue;
    }
    words.push(a);
  }
  const [name, serverArg] = words;
  if (!name) {
    ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const server = serverArg ?? env.rc.servers[0] ?? '127.0.0.1';
  const search = serverArg ? [] : env.rc.searches;
  const queries: Array<{ name: string; type: RRType }> = [];
  const withSearch = (type: RRType) => {
    if (type === 'PTR' || search.length === 0 || name.includes('.')) queries.push({ name, type });
    else for (const d of search) queries.push({ name: `${name}.${d}`, type });
  };
  if (types.length === 0) {
    const ptr = isIP(name) ? reverseName(name) : undefined;
    if (ptr) queries.push({ name: ptr.replace(/\.$/, ''), type: 'PTR' });
    else {
      withSearch('A');
      withSearch('AAAA');
    }
  } else for (const t of types) withSearch(t);

  let out = '';
  let exit = 0;
  let replies = 0;
  for (const q of queries) {
    const x = exchange(env.cluster, env.peer, server, q.name, q.type);
    if (!x.ok) {
      ctx.note(x.note);
      if (x.failure === 'refused') ctx.stderr('nslookup: read: Connection refused\n'.repeat(2));
      wait(ctx, 5000);
      ctx.stdout(`${out};; connection timed out; no servers could be reached\n\n`);
      return 1;
    }
    if (replies++ === 0) out += `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
    const a = x.answer;
    if (a.rcode !== 'NOERROR') {
      out += `** server can't find ${q.name}: ${a.rcode}\n`;
      exit = 1;
    } else {
      if (!a.authoritative) out += 'Non-authoritative answer:\n';
      for (const r of a.answer) out += recordText(r);
    }
    out += '\n';
  }
  if (exit) ctx.note({ code: 'dns-nxdomain', message: `nslookup (busybox) got an error reply for at least one of: ${queries.map((q) => `${q.name} ${q.type}`).join(', ')}.` });
  ctx.stdout(out);
  return exit;
};
