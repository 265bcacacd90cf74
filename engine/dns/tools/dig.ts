/**
 * `dig` of BIND 9.18 (bin/dig/dig.c printmessage/received, lib/dns/message.c
 * section texts): `dig [@server] [-x addr] [-t type] [type] name [+short]
 * [+search]`. The header's id and the client COOKIE (which CoreDNS echoes,
 * request.SizeAndDo keeps COOKIE among supportedOptions) come from the
 * cluster's seeded random source; WHEN from its clock (UTC).
 */
import type { CommandContext, CommandHandler } from '../../shell/command.ts';
import { isIP, reverseName, unfqdn } from '../names.ts';
import { parseRRType, rdataText, type DnsAnswer, type RRType } from '../types.ts';
import { BIND_VERSION, toolEnv, wait } from './common.ts';
import { bindLookup, communicationErrors, digQuestionLine, digRecordLine, wireSize } from './bind-text.ts';

interface DigOptions { server?: string; name?: string; type?: RRType; short: boolean; search: boolean; args: string[]; warnings: string[] }

const CLASSES = new Set(['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'NONE', 'ANY']);

/**
 * dig.c parse_args: a word that is not an option is a query type while
 * `-t`/`-c` have not been given (so `dig SRV name` and `dig name SRV` both
 * ask SRV), else a class, else the name. A second type is a warning.
 */
function parseArgs(argv: readonly string[]): DigOptions {
  const o: DigOptions = { short: false, search: false, args: argv.slice(1) as string[], warnings: [] };
  const rest = argv.slice(1);
  let openTypeClass = true;
  const setType = (t: RRType) => {
    if (o.type !== undefined) o.warnings.push(';; Warning, extra type option\n');
    o.type = t;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith('@')) o.server = a.slice(1);
    else if (a === '-x' && rest[i + 1]) {
      o.name = reverseName(rest[++i]!) ?? rest[i];
      o.type = 'PTR';
    } else if (a === '-t' && rest[i + 1]) {
      openTypeClass = false;
      const t = parseRRType(rest[++i]!);
      if (t) setType(t);
      else o.warnings.push(`;; Warning, ignoring invalid type ${rest[i]}\n`);
    } else if (a === '-c' && rest[i + 1]) {
      openTypeClass = false;
      i++;
    } else if (a.startsWith('+')) {
      const opt = a.slice(1).toLowerCase();
      if (opt === 'short') o.short = true;
      else if (opt === 'noshort') o.short = false;
      else if (opt === 'search') o.search = true;
      else if (opt === 'nosearch') o.search = false;
    } else if (openTypeClass && parseRRType(a)) setType(parseRRType(a)!);
    else if (openTypeClass && CLASSES.has(a.toUpperCase())) continue;
    else if (o.name === undefined) o.name = a;
  }
  return o;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime("%a %b %d %H:%M:%S %Z %Y") in UTC, the containers' zone. */
export function digWhen(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export const digBind: CommandHandler = (ctx: CommandContext): number => {
  const env = toolEnv(ctx, 'dig');
  if (!env) return 10;
  const o = parseArgs(ctx.argv);
  for (const w of o.warnings) ctx.stderr(w);
  const name = o.name ?? '.';
  const type: RRType = o.type ?? (o.name === undefined ? 'NS' : 'A');
  const server = o.server ?? env.rc.servers[0] ?? '127.0.0.1';
  if (!isIP(server)) {
    ctx.stdout(`dig: couldn't get address for '${server}': not found\n`);
    return 10;
  }
  const cmdline = o.short ? '' : `\n; <<>> DiG ${BIND_VERSION} <<>> ${o.args.join(' ')}\n;; global options: +cmd\n`;
  const step = bindLookup(env, server, name, type, o.search);
  if (!step.ok) {
    wait(ctx, step.failure === 'timeout' ? 3 * 5000 : 0); // a refusal (ICMP) ends each try at once
    ctx.note(step.note);
    ctx.stdout(`${communicationErrors(server, step.failure)}${cmdline};; no servers could be reached\n`);
    return 9;
  }
  const a = step.answer;
  if (o.short) {
    ctx.stdout(a.answer.map((r) => `${rdataText(r)}\n`).join(''));
    return 0;
  }
  const rnd = env.cluster.random.fork(`dns.dig.${env.cluster.clock.now()}.${step.asked}`);
  const id = rnd.int(0, 65535);
  const cookie = rnd.string(16, '0123456789abcdef');
  ctx.stdout(cmdline + fullMessage(step.asked, type, a, id, cookie, server, env.cluster.clock.now()));
  return 0;
};

function fullMessage(qname: string, type: RRType, a: DnsAnswer, id: number, cookie: string, server: string, now: number): string {
  let s = ';; Got answer:\n';
  if (qname.toLowerCase().endsWith('.local.')) {
    s += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
  }
  const flags = ['qr', a.authoritative ? 'aa' : '', 'rd', a.recursionAvailable ? 'ra' : ''].filter(Boolean).join(' ');
  s += `;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${id}\n`;
  s += `;; flags: ${flags}; QUERY: 1, ANSWER: ${a.answer.length}, AUTHORITY: ${a.authority.length}, ADDITIONAL: ${a.additional.length + 1}\n`;
  if (!a.recursionAvailable) s += ';; WARNING: recursion requested but not available\n';
  s += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';
  if (a.source !== 'forward') s += `; COOKIE: ${cookie} (echoed)\n`;
  s += `;; QUESTION SECTION:\n;${digQuestionLine(qname, type)}\n\n`;
  for (const [title, rs] of [['ANSWER', a.answer], ['AUTHORITY', a.authority], ['ADDITIONAL', a.additional]] as const) {
    if (rs.length > 0) s += `;; ${title} SECTION:\n${rs.map((r) => `${digRecordLine(r)}\n`).join('')}\n`;
  }
  const opt = a.source !== 'forward' ? 11 + 12 : 11;
  s += `;; Query time: ${a.source === 'forward' ? 4 : 0} msec\n`;
  s += `;; SERVER: ${server}#53(${server}) (UDP)\n`;
  s += `;; WHEN: ${digWhen(now)}\n`;
  s += `;; MSG SIZE  rcvd: ${wireSize({ name: qname, type }, a, opt)}\n\n`;
  return s;
}

export { unfqdn };
