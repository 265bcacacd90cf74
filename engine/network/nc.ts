/**
 * nc, two flavours: BusyBox 1.36's (busybox image) and OpenBSD netcat's
 * (nicolaka/netshoot). Labs use the port check: `nc -zv HOST PORT`,
 * `-w SECS`, `-u` for UDP.
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { clusterOf, open, resolveHost, waitMs } from './client.ts';
import type { Protocol } from './types.ts';

interface NcOpts { zero: boolean; verbose: boolean; udp: boolean; wait?: number; host?: string; port?: number }

function parse(args: readonly string[]): NcOpts | string {
  const o: NcOpts = { zero: false, verbose: false, udp: false };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[zvun]+$/.test(a)) { if (a.includes('z')) o.zero = true; if (a.includes('v')) o.verbose = true; if (a.includes('u')) o.udp = true; }
    else if (a === '-w') o.wait = Number(args[++i]);
    else if (/^-w\d+$/.test(a)) o.wait = Number(a.slice(2));
    else if (a.startsWith('-')) return a;
    else rest.push(a);
  }
  o.host = rest[0];
  o.port = rest[1] !== undefined ? Number(rest[1]) : undefined;
  return o;
}

function makeNc(flavour: 'busybox' | 'openbsd'): CommandHandler {
  return (ctx: CommandContext) => {
    const o = parse(ctx.argv.slice(1));
    const cluster = clusterOf(ctx);
    if (typeof o === 'string' || !o.host || o.port === undefined || !Number.isInteger(o.port)) {
      ctx.stderr(flavour === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
      return 1;
    }
    if (!cluster) return 1;
    const res = resolveHost(ctx, cluster, o.host, 'musl');
    if (!res.ok) {
      ctx.stderr(flavour === 'busybox' ? `nc: bad address '${o.host}'\n` : `nc: getaddrinfo for host "${o.host}" port ${o.port}: Name does not resolve\n`);
      return 1;
    }
    const proto: Protocol = o.udp ? 'UDP' : 'TCP';
    const v = open(ctx, cluster, res.ip, o.port, proto);
    // UDP has no handshake: nc reports success unless an ICMP error comes back.
    const ok = v.ok || (o.udp && v.failure === 'timeout');
    if (ok) {
      if (o.verbose) ctx.stderr(flavour === 'busybox' ? `${o.host} (${res.ip}:${o.port}) open\n` : `Connection to ${o.host} (${res.ip}) ${o.port} port [${o.udp ? 'udp' : 'tcp'}/*] succeeded!\n`);
      return 0;
    }
    if (v.failure === 'timeout') {
      waitMs(ctx, (o.wait ?? 127) * 1000);
      ctx.stderr(flavour === 'busybox' ? `nc: ${o.host} (${res.ip}:${o.port}): Connection timed out\n` : `nc: connect to ${o.host} (${res.ip}) port ${o.port} (${o.udp ? 'udp' : 'tcp'}) timed out: Operation now in progress\n`);
      return 1;
    }
    const why = v.failure === 'refused' ? 'Connection refused' : 'Host is unreachable';
    ctx.stderr(flavour === 'busybox' ? `nc: ${o.host} (${res.ip}:${o.port}): ${why}\n` : `nc: connect to ${o.host} (${res.ip}) port ${o.port} (${o.udp ? 'udp' : 'tcp'}) failed: ${why}\n`);
    return 1;
  };
}

export const ncBusybox = makeNc('busybox');
export const ncNetshoot = makeNc('openbsd');
