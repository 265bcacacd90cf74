/**
 * ping (BusyBox's format, as busybox and netshoot print it): pods, nodes and
 * outside hosts answer ICMP echo; ClusterIPs do not (kube-proxy in iptables
 * mode only DNATs the Service's ports). NetworkPolicy applies to ICMP as to
 * any traffic: only rules without `ports` allow it.
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { clusterOf, peerOf, resolveHost } from './client.ts';
import { netState } from './state.ts';
import { resolveSource, isSource } from './source.ts';
import { judge } from './enforce.ts';
import { findWorldHostByIp } from './world.ts';
import type { Protocol } from './types.ts';

export const ping: CommandHandler = (ctx: CommandContext) => {
  const args = ctx.argv.slice(1);
  let count = 4;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(a)) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w') i++;
    else if (!a.startsWith('-')) host = a;
  }
  const cluster = clusterOf(ctx);
  if (!host || !cluster || !(count > 0)) {
    ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  const res = resolveHost(ctx, cluster, host, 'musl');
  if (!res.ok) { ctx.stderr(`ping: bad address '${host}'\n`); return 1; }
  const ttl = replyTtl(ctx, res.ip);
  ctx.stdout(`PING ${host} (${res.ip}): 56 data bytes\n`);
  let received = 0;
  for (let seq = 0; seq < count; seq++) {
    if (ttl !== undefined) {
      ctx.stdout(`64 bytes from ${res.ip}: seq=${seq} ttl=${ttl} time=${ttl === 64 ? '0.080' : '0.512'} ms\n`);
      received++;
    }
  }
  const loss = Math.round(((count - received) * 100) / count);
  ctx.stdout(`\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
  if (received > 0) { const t = ttl === 64 ? '0.080' : '0.512'; ctx.stdout(`round-trip min/avg/max = ${t}/${t}/${t} ms\n`); }
  return received > 0 ? 0 : 1;
};

/** The TTL of the echo reply, or undefined when none comes back. */
function replyTtl(ctx: CommandContext, ip: string): number | undefined {
  const cluster = clusterOf(ctx)!;
  const state = netState(cluster);
  const src = resolveSource(state, peerOf(ctx));
  if (!isSource(src)) return undefined;
  const pod = state.podsByIp.get(ip);
  if (pod) {
    if (src.external || pod.phase !== 'Running') return undefined;
    const denied = judge(cluster, state, src, src.ip, pod, 0, 'ICMP' as Protocol);
    if (denied) { ctx.note({ code: denied.kind, message: 'ICMP echo rejected by NetworkPolicy' }); return undefined; }
    return pod.node === src.node?.name ? 64 : 63;
  }
  if (state.servicesByClusterIp.has(ip)) { ctx.note({ code: 'clusterip-no-icmp', message: `${ip} is a ClusterIP: kube-proxy forwards only the Service's ports, nothing answers ping` }); return undefined; }
  if (state.nodeOfIp(ip)) return 64;
  if (findWorldHostByIp(cluster, ip)) return 115;
  return undefined;
}
