/**
 * agnhost's client side (kubernetes/test/images/agnhost): `connect HOST:PORT
 * [--timeout=5s] [--protocol=tcp|udp|sctp]` as the e2e netpol tests probe
 * with. Success prints nothing; failures print TIMEOUT, REFUSED, DNS: … or
 * OTHER: … on stderr and exit 1. The servers (netexec, serve-hostname) are
 * the container runtime's.
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { clusterOf, open, resolveHost, waitMs } from './client.ts';
import type { Protocol } from './types.ts';

export const agnhost: CommandHandler = (ctx: CommandContext) => {
  const [sub, ...args] = ctx.argv.slice(1);
  if (sub === 'pause') return 0;
  if (sub !== 'connect') {
    ctx.stderr(`Error: unknown command "${sub ?? ''}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
    return 1;
  }
  let target: string | undefined;
  let timeout = 5;
  let protocol: Protocol = 'TCP';
  for (const a of args) {
    const t = /^--timeout=(\d+)s$/.exec(a);
    if (t) timeout = Number(t[1]);
    else if (a.startsWith('--protocol=')) protocol = a.slice(11).toUpperCase() as Protocol;
    else if (!a.startsWith('-')) target = a;
  }
  const cluster = clusterOf(ctx);
  const m = target ? /^(.+):(\d+)$/.exec(target) : null;
  if (!m || !cluster) {
    ctx.stderr('Usage: agnhost connect [host:port]\n');
    return 1;
  }
  const res = resolveHost(ctx, cluster, m[1]!, 'glibc');
  if (!res.ok) { ctx.stderr(`DNS: lookup ${m[1]}: no such host\n`); return 1; }
  const v = open(ctx, cluster, res.ip, Number(m[2]), protocol);
  if (v.ok || (protocol === 'UDP' && v.failure === 'timeout')) return 0;
  if (v.failure === 'timeout') { waitMs(ctx, timeout * 1000); ctx.stderr('TIMEOUT\n'); return 1; }
  if (v.failure === 'refused') { ctx.stderr('REFUSED\n'); return 1; }
  ctx.stderr(`OTHER: dial ${protocol.toLowerCase()} ${res.ip}:${m[2]}: connect: no route to host\n`);
  return 1;
};
