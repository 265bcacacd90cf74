/**
 * `host` of BIND 9.18 (bin/dig/host.c): `host [-t type] name [server]`.
 * A, then AAAA and MX for the CNAME-chased name, each record as a sentence
 * ("has address", "is an alias for", ...); `Host NAME not found:
 * 3(NXDOMAIN)` and exit 1 on a failed rcode.
 */
import type { CommandContext, CommandHandler } from '../../shell/command.ts';
import { isIP, reverseName } from '../names.ts';
import { parseRRType, rdataText, RCODE_NUMBERS, type DnsRecord, type RRType } from '../types.ts';
import { toolEnv, wait } from './common.ts';
import { bindLookup, chaseCname, communicationErrors } from './bind-text.ts';

const SAY: Partial<Record<RRType, string>> = {
  A: 'has address', AAAA: 'has IPv6 address', CNAME: 'is an alias for', MX: 'mail is handled by',
  NS: 'name server', PTR: 'domain name pointer', SOA: 'has SOA record', TXT: 'descriptive text', SRV: 'has SRV record',
};

function say(r: DnsRecord): string {
  const owner = r.name.length > 1 ? r.name.replace(/\.$/, '') : r.name;
  return `${owner} ${SAY[r.type] ?? `has ${r.type} record`} ${rdataText(r)}\n`;
}

export const hostBind: CommandHandler = (ctx: CommandContext): number => {
  const env = toolEnv(ctx, 'host');
  if (!env) return 1;
  let type: RRType | undefined;
  const words: string[] = [];
  const argv = ctx.argv.slice(1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t' && argv[i + 1]) type = parseRRType(argv[++i]!);
    else if (!a.startsWith('-')) words.push(a);
  }
  const [given, serverArg] = words;
  if (!given) {
    ctx.stderr('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const server = serverArg ?? env.rc.servers[0] ?? '127.0.0.1';
  let out = '';
  if (serverArg) out += `Using domain server:\nName: ${serverArg}\nAddress: ${server}#53\nAliases: \n\n`;
  const defaultLookups = type === undefined;
  let name = given;
  let qtype: RRType = type ?? 'A';
  if (defaultLookups && isIP(given)) {
    name = reverseName(given)!;
    qtype = 'PTR';
  }
  const lookups: Array<{ name: string; type: RRType; textname: string }> = [{ name, type: qtype, textname: given }];
  let exit = 0;
  for (let i = 0; i < lookups.length; i++) {
    const l = lookups[i]!;
    const step = bindLookup(env, server, l.name, l.type, true);
    if (!step.ok) {
      wait(ctx, step.failure === 'timeout' ? 2 * 5000 : 0); // a refusal (ICMP) ends each try at once
      ctx.note(step.note);
      ctx.stdout(`${out}${communicationErrors(server, step.failure, 2)};; no servers could be reached\n`);
      return 1;
    }
    const a = step.answer;
    if (a.rcode !== 'NOERROR') {
      const shown = a.rcode === 'NXDOMAIN' ? l.textname : step.asked.replace(/\.$/, '');
      out += `Host ${shown} not found: ${RCODE_NUMBERS[a.rcode]}(${a.rcode})\n`;
      exit = 1;
      break;
    }
    for (const r of a.answer) out += say(r);
    if (!defaultLookups && a.answer.length === 0) out += `${step.asked.replace(/\.$/, '')} has no ${l.type} record\n`;
    if (defaultLookups && l.type === 'A') {
      const chased = chaseCname(a.answer, step.asked);
      lookups.push({ name: chased, type: 'AAAA', textname: chased }, { name: chased, type: 'MX', textname: chased });
    }
  }
  if (exit) ctx.note({ code: 'dns-nxdomain', message: `host: ${given} was not found.` });
  ctx.stdout(out);
  return exit;
};
