/**
 * What every DNS tool needs from its CommandContext: the cluster, who is
 * asking (the pod the command runs in, or the terminal), the resolv.conf it
 * reads, and the simulated clock for timeouts. Plus BIND's search-list walk
 * (bin/dig/dighost.c next_origin/setup_lookup), shared by nslookup, host and
 * `dig +search`.
 */
import type { Cluster } from '../../cluster/cluster.ts';
import type { CommandContext } from '../../shell/command.ts';
import type { Peer } from '../deps.ts';
import { fqdn, unfqdn } from '../names.ts';
import { nodeDnsConfig, parseResolvConf, resolvConfFor, writeResolvConf, type ResolvConf } from '../resolvconf.ts';

/** Debian 12's bind9-dnsutils (dig, nslookup, host). */
export const BIND_VERSION = '9.18.41-1~deb12u1-Debian';
/** The terminal: a host on the nodes' LAN (engine/network TERMINAL_PEER). */
export const TERMINAL_IP = '192.168.164.1';

export interface ToolEnv {
  cluster: Cluster;
  peer: Peer;
  rc: ResolvConf;
}

/** Find the cluster and the asking peer; undefined (after a message) when the shell is not wired to a cluster. */
export function toolEnv(ctx: CommandContext, tool: string): ToolEnv | undefined {
  const cluster = (ctx.services as { cluster?: Cluster }).cluster;
  if (!cluster) {
    ctx.stderr(`${tool}: no cluster is attached to this shell\n`);
    return undefined;
  }
  const peer: Peer = ctx.host.kind === 'pod'
    ? { kind: 'pod', namespace: ctx.host.namespace, name: ctx.host.pod }
    : { kind: 'external', ip: TERMINAL_IP };
  return { cluster, peer, rc: parseResolvConf(resolvConfText(ctx, cluster)) };
}

/** The container's own /etc/resolv.conf when its file tree has one, else what the kubelet would write. */
function resolvConfText(ctx: CommandContext, cluster: Cluster): string {
  try {
    if (ctx.fs.type('/etc/resolv.conf') === 'file') return ctx.fs.readText('/etc/resolv.conf');
  } catch {
    // fall back below
  }
  if (ctx.host.kind === 'pod') {
    const pod = cluster.store.get('Pod', ctx.host.namespace, ctx.host.pod);
    if (pod) return resolvConfFor(cluster, pod);
  }
  return writeResolvConf(nodeDnsConfig(cluster));
}

/** Let the simulated clock run while a tool waits for an answer that never comes. */
export function wait(ctx: CommandContext, ms: number): void {
  (ctx.services as { sleep?: (ms: number) => void }).sleep?.(ms);
}

/**
 * The names BIND's tools ask, in order, when the search list is on:
 * fewer dots than ndots → every search domain, then the name as is;
 * otherwise (or an absolute name) → only the name as is. A search step
 * moves on only after NXDOMAIN.
 */
export function bindCandidates(name: string, rc: ResolvConf, useSearch: boolean): string[] {
  if (name.endsWith('.') || !useSearch) return [fqdn(name)];
  const dots = (name.match(/\./g) ?? []).length;
  if (dots >= rc.ndots) return [fqdn(name)];
  return [...rc.searches.filter((s) => s !== '.').map((s) => `${name}.${fqdn(s)}`), fqdn(name)];
}

/** IPv4 or IPv6 literal → its reverse name, as nslookup/host/dig -x do. */
export { reverseName } from '../names.ts';
export { unfqdn };
