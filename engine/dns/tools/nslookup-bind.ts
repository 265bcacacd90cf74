/**
 * `nslookup` of Debian's bind9-dnsutils 9.18 (bin/dig/nslookup.c over
 * dighost.c), non-interactive: `nslookup [-opt ...] host [server]`.
 *
 * - A first; the "Server:/Address:" header and a blank line only for A
 *   lookups (or any lookup with an explicit -type);
 * - a failed rcode: `** server can't find NAME: NXDOMAIN`, exit 1;
 * - "Non-authoritative answer:" when AA is clear (forwarded answers);
 * - then AAAA for the CNAME-chased name, without header;
 * - an IP argument becomes a PTR lookup, without header;
 * - always a final empty line (main's puts("")).
 */
import type { CommandContext, CommandHandler } from '../../shell/command.ts';
import { isIP, reverseName } from '../names.ts';
import { parseRRType, type DnsAnswer, type RRType } from '../types.ts';
import { toolEnv, wait } from './common.ts';
import { bindLookup, chaseCname, communicationErrors, nslookupRecord } from './bind-text.ts';

interface NsOptions { type?: RRType; search: boolean; name?: string; server?: string; bad?: string }

function parseArgs(argv: readonly string[]): NsOptions {
  const o: NsOptions = { search: true };
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1) {
      const [k, v = ''] = a.slice(1).split('=', 2) as [string, string?];
      const key = k.toLowerCase();
      if (['type', 'ty', 'querytype', 'query', 'q'].includes(key)) {
        const t = parseRRType(v);
        if (t) o.type = t;
        else o.bad = `unknown query type: ${v}`;
      } else if (key === 'search') o.search = true;
      else if (key === 'nosearch') o.search = false;
      continue;
    }
    if (o.name === undefined) o.name = a;
    else if (o.server === undefined) o.server = a;
  }
  return o;
}

export const nslookupBind: CommandHandler = (ctx: CommandContext): number => {
  const env = toolEnv(ctx, 'nslookup');
  if (!env) return 1;
  const o = parseArgs(ctx.argv);
  if (o.bad) ctx.stdout(`${o.bad}\n`);
  if (o.name === undefined) {
    ctx.stdout('\n');
    return 1;
  }
  const server = o.server ?? env.rc.servers[0] ?? '127.0.0.1';
  if (!isIP(server)) {
    ctx.stderr(`nslookup: couldn't get address for '${server}': not found\n`);
    return 1;
  }
  const defaultLookups = o.type === undefined;
  let name = o.name;
  let type: RRType = o.type ?? 'A';
  let search = o.search;
  if (defaultLookups && isIP(name)) {
    name = reverseName(name)!;
    type = 'PTR';
    search = false;
  }
  const out: string[] = [];
  const print = (s: string) => out.push(s);
  let exit = 0;

  const step = bindLookup(env, server, name, type, search);
  if (!step.ok) {
    wait(ctx, step.failure === 'timeout' ? 3 * 5000 : 0); // a refusal (ICMP) ends each try at once
    ctx.note(step.note);
    ctx.stdout(`${communicationErrors(server, step.failure)};; no servers could be reached\n\n`);
    return 1;
  }
  const header = !defaultLookups || type === 'A';
  const state = { aNoAnswer: false };
  exit |= printMessage(print, step, type, defaultLookups, header, o.name, state, server);
  if (exit === 0 && defaultLookups && type === 'A') {
    const chased = chaseCname(step.answer.answer, step.asked);
    const aaaa = bindLookup(env, server, chased, 'AAAA', search);
    if (aaaa.ok) exit |= printMessage(print, aaaa, 'AAAA', true, false, chased.replace(/\.$/, ''), state, server);
  }
  if (exit !== 0) ctx.note({ code: 'dns-nxdomain', message: `nslookup: the server could not find ${o.name}.` });
  ctx.stdout(`${out.join('')}\n`);
  return exit;
};

function printMessage(
  print: (s: string) => void, step: { asked: string; answer: DnsAnswer }, type: RRType, defaultLookups: boolean,
  header: boolean, textname: string, state: { aNoAnswer: boolean }, server: string,
): number {
  const a = step.answer;
  if (header) print(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
  if (a.rcode !== 'NOERROR') {
    print(`** server can't find ${step.asked.replace(/\.$/, '')}: ${a.rcode}\n`);
    return 1;
  }
  if (!a.authoritative && (!defaultLookups || type === 'A')) print('Non-authoritative answer:\n');
  if (a.answer.length > 0) for (const r of a.answer) print(nslookupRecord(r, 'answer'));
  else if (defaultLookups && type === 'A') state.aNoAnswer = true;
  else if (!defaultLookups || (type === 'AAAA' && state.aNoAnswer)) print(`*** Can't find ${textname}: No answer\n`);
  if (!a.authoritative && type !== 'A' && type !== 'AAAA') {
    print('\nAuthoritative answers can be found from:\n');
    for (const r of [...a.authority, ...a.additional]) print(nslookupRecord(r, 'other'));
  }
  return 0;
}
