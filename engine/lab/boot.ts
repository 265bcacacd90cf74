/**
 * Boot a simulated k3s cluster: wire the parts of the engine to each other
 * (the data plane asks the container runtime what listens and the resolver
 * what a name is; DNS asks the data plane whether port 53 is reachable and
 * the outside world what it answers), then let bootstrapK3s fill the store
 * as a fresh `k3s server` does.
 */
import { apiServer } from '../api/index.ts';
import { Cluster } from '../cluster/cluster.ts';
import type { ClusterConfig } from '../cluster/config.ts';
import { bootstrapK3s } from '../controllers/index.ts';
import { lookup, setDnsDeps, type WorldDns } from '../dns/index.ts';
import type { DnsRecord } from '../dns/types.ts';
import { containerRuntime } from '../images/index.ts';
import { connect, findWorldHostByName, setNetworkDeps } from '../network/index.ts';
import { Shell } from '../shell/index.ts';
import type { Host } from '../shell/command.ts';
import { binaryImplementations } from './registries.ts';

let wired = false;

/** The engine's modules find each other through these once-per-process hooks. */
function wireModules(): void {
  if (wired) return;
  wired = true;
  setNetworkDeps({
    runtime: (cluster) => containerRuntime(cluster),
    // The data plane's callers (curl, wget) treat "no address" alike, whatever the rcode.
    lookup: (cluster, from, name, opts) => {
      const r = lookup(cluster, from, name, opts);
      if (r.ok) return r;
      return { ok: false, error: r.error === 'NODATA' ? 'NXDOMAIN' : r.error, note: r.note };
    },
  });
  setDnsDeps({
    connect: (cluster, from, ip, port, protocol) => connect(cluster, from, ip, port, protocol),
    world: (cluster) => worldDns(cluster),
  });
}

/** The outside world's DNS, from the world fixture: its hosts' A records. */
function worldDns(cluster: Cluster): WorldDns {
  return {
    resolve(qname, qtype) {
      const name = qname.replace(/\.$/, '').toLowerCase();
      const host = findWorldHostByName(cluster, name);
      if (!host) return { rcode: 'NXDOMAIN', answer: [] };
      const answer: DnsRecord[] = qtype === 'A' ? [{ name: `${name}.`, ttl: 300, type: 'A', address: host.ip }] : [];
      return { rcode: 'NOERROR', answer };
    },
  };
}

const shellQuote = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function bootCluster(config: ClusterConfig): Cluster {
  wireModules();
  const cluster = new Cluster(config);
  const runtime = containerRuntime(cluster);
  runtime.setBinaries(binaryImplementations());
  runtime.setExecutor((argv, where) => runInContainer(cluster, argv, where));
  apiServer(cluster);
  bootstrapK3s(cluster);
  return cluster;
}

/** A container's main process: argv run in the container's own commands and files. */
function runInContainer(cluster: Cluster, argv: string[], where: Extract<Host, { kind: 'pod' }>): { output: string; exitCode: number } {
  const runtime = containerRuntime(cluster);
  const registry = runtime.registryFor(where.namespace, where.pod, where.container);
  const fs = runtime.fsFor(where.namespace, where.pod, where.container);
  if (!registry || !fs) return { output: '', exitCode: 128 };
  const ids = Object.values(runtime.binaryIds(where.namespace, where.pod, where.container) ?? {});
  const dialect = ids.includes('sh:busybox') ? 'busybox' : ids.includes('sh:dash') ? 'dash' : 'bash';
  const shell = new Shell({
    registry,
    fs,
    cwd: '/',
    home: '/root',
    host: where,
    dialect,
    services: { cluster, sleep: () => undefined },
  });
  const r = shell.run(argv.map(shellQuote).join(' '));
  if (process.env.KNL_DEBUG) console.error("EXEC", argv, JSON.stringify(r.output), r.exitCode, r.notes);
  return { output: r.output, exitCode: r.exitCode };
}
