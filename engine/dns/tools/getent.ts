/**
 * `getent hosts KEY...` (glibc nss/getent.c hosts_keys / print_hosts): an
 * address is looked up by PTR; a name first as AF_INET6, then AF_INET,
 * through /etc/hosts and then DNS (the libc's resolver: search list and
 * ndots, see resolver.ts). Each address prints as `%-15s %s` with the
 * canonical name and its aliases; a key not found makes the exit code 2.
 */
import type { CommandContext, CommandHandler, Note } from '../../shell/command.ts';
import { isIP, isIPv4, reverseName, unfqdn } from '../names.ts';
import { lookup } from '../resolver.ts';
import { exchange } from '../exchange.ts';
import { toolEnv, type ToolEnv } from './common.ts';

interface HostEnt { name: string; aliases: string[]; addrs: string[] }

function line(h: HostEnt): string {
  return h.addrs.map((ip) => `${ip.padEnd(15)} ${h.name}${h.aliases.map((a) => ` ${a}`).join('')}\n`).join('');
}

/** /etc/hosts of the container (the kubelet writes one into every pod). */
function filesLookup(ctx: CommandContext, key: string, family: 4 | 6 | 'addr'): HostEnt | undefined {
  let text = '';
  try {
    if (ctx.fs.type('/etc/hosts') !== 'file') return undefined;
    text = ctx.fs.readText('/etc/hosts');
  } catch {
    return undefined;
  }
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || names.length === 0) continue;
    if (family === 'addr') {
      if (ip === key) return { name: names[0]!, aliases: names.slice(1), addrs: [ip] };
      continue;
    }
    if (isIPv4(ip) !== (family === 4)) continue;
    if (names.some((n) => n.toLowerCase() === key.toLowerCase())) return { name: names[0]!, aliases: names.slice(1), addrs: [ip] };
  }
  return undefined;
}

/** The resolver's reason for the last name that did not resolve (which names it tried, or what blocked it). */
type Failed = { note?: Note };

function dnsByName(env: ToolEnv, key: string, family: 4 | 6, resolver: 'glibc' | 'musl', failed: Failed): HostEnt | undefined {
  const r = lookup(env.cluster, env.peer, key, { type: family === 6 ? 'AAAA' : 'A', resolver });
  if (!r.ok) {
    failed.note = r.note;
    return undefined;
  }
  return { name: r.canonicalName ?? unfqdn(key), aliases: r.aliases, addrs: r.addresses };
}

function dnsByAddr(env: ToolEnv, ip: string): HostEnt | undefined {
  const server = env.rc.servers[0];
  if (!server) return undefined;
  const x = exchange(env.cluster, env.peer, server, reverseName(ip)!, 'PTR');
  if (!x.ok || x.answer.rcode !== 'NOERROR') return undefined;
  const ptr = x.answer.answer.find((r) => r.type === 'PTR');
  return ptr && ptr.type === 'PTR' ? { name: unfqdn(ptr.target), aliases: [], addrs: [ip] } : undefined;
}

function getent(resolver: 'glibc' | 'musl'): CommandHandler {
  return (ctx) => {
    const [db, ...keys] = ctx.argv.slice(1);
    if (db !== 'hosts') {
      ctx.stderr(db === undefined ? 'getent: wrong number of arguments\n' : `Unknown database: ${db}\n`);
      return 1;
    }
    const env = toolEnv(ctx, 'getent');
    if (!env) return 1;
    let result = 0;
    let out = '';
    for (const key of keys) {
      const failed: Failed = {};
      const h = isIP(key)
        ? filesLookup(ctx, key, 'addr') ?? dnsByAddr(env, key)
        : filesLookup(ctx, key, 6) ?? dnsByName(env, key, 6, resolver, failed) ?? filesLookup(ctx, key, 4) ?? dnsByName(env, key, 4, resolver, failed);
      if (h) out += line(h);
      else {
        result = 2;
        ctx.note({ code: 'dns-not-found', message: `getent: ${key} did not resolve (neither /etc/hosts nor DNS).` });
        if (failed.note) ctx.note(failed.note);
      }
    }
    ctx.stdout(out);
    return result;
  };
}

export const getentGlibc = getent('glibc');
export const getentMusl = getent('musl');
