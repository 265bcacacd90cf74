/**
 * What every client command (curl, wget, nc, agnhost connect) does first:
 * find out who it is (the terminal or a pod), resolve a name, connect.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { CommandContext } from '../shell/command.ts';
import { connect } from './connect.ts';
import { lookupName } from './deps.ts';
import { isIpv4 } from './ip.ts';
import { TERMINAL_PEER, type Peer, type Protocol, type Verdict } from './types.ts';

export function clusterOf(ctx: CommandContext): Cluster | undefined {
  return (ctx.services as { cluster?: Cluster }).cluster;
}

export function peerOf(ctx: CommandContext): Peer {
  return ctx.host.kind === 'pod' ? { kind: 'pod', namespace: ctx.host.namespace, name: ctx.host.pod } : TERMINAL_PEER;
}

/** Move the simulated clock when a client waits (a timeout, a retry), if the terminal offers it. */
export function waitMs(ctx: CommandContext, ms: number): void {
  (ctx.services as { sleep?: (ms: number) => void }).sleep?.(ms);
}

export type Resolved = { ok: true; ip: string; canonicalName?: string } | { ok: false; error: string };

export function resolveHost(ctx: CommandContext, cluster: Cluster, host: string, resolver: 'glibc' | 'musl'): Resolved {
  if (isIpv4(host)) return { ok: true, ip: host };
  const r = lookupName(cluster, peerOf(ctx), host, resolver);
  if (r.ok && r.addresses.length > 0) return { ok: true, ip: r.addresses[0]!, canonicalName: r.canonicalName };
  if (!r.ok) {
    ctx.note(r.note);
    return { ok: false, error: r.error };
  }
  ctx.note({ code: 'name-not-resolved', message: `the name ${host} has no IPv4 address` });
  return { ok: false, error: 'NODATA' };
}

/** Connect and record the reason of a failure as a note. */
export function open(ctx: CommandContext, cluster: Cluster, ip: string, port: number, protocol: Protocol = 'TCP'): Verdict {
  const v = connect(cluster, peerOf(ctx), ip, port, protocol);
  if (!v.ok) ctx.note(v.reason);
  return v;
}
