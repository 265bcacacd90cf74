/**
 * Boot a simulated k3s cluster: wire the parts of the engine to each other
 * (the data plane asks the container runtime what listens and the resolver
 * what a name is; DNS asks the data plane whether port 53 is reachable and
 * the outside world what it answers), then let bootstrapK3s fill the store
 * as a fresh `k3s server` does.
 */
import { apiServer } from '../api/index.ts';
import { Cluster, CloneError } from '../cluster/cluster.ts';
import type { ClusterConfig } from '../cluster/config.ts';
import { bootstrapK3s } from '../controllers/index.ts';
import { lookup, setDnsDeps, type WorldDns } from '../dns/index.ts';
import type { DnsRecord } from '../dns/types.ts';
import { containerRuntime } from '../images/index.ts';
import { connect, findWorldHostByName, kubeProxyEffects, netState, setNetworkDeps } from '../network/index.ts';
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
    connectEffects: (cluster) => kubeProxyEffects(cluster),
    world: (cluster) => worldDns(cluster),
    podRecord: (cluster, namespace, name) => netState(cluster).pod(namespace, name),
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

/**
 * Booted clusters kept as templates, one per configuration (by its JSON):
 * booting k3s costs ~300 store writes and a dozen milliseconds, a clone a
 * fraction of that, and a clone is the same cluster (names, IPs, uids,
 * timestamps, random streams; engine/lab/boot.test.ts compares them).
 */
const templates = new Map<string, Cluster>();
/** An environment switch, when there is an environment (the engine also runs where there is no `process`). */
const env = (name: string): string | undefined => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
/** A grading run sees a handful of configurations; a template is a booted cluster's worth of memory. */
const MAX_TEMPLATES = 8;
/** KNL_BOOT_FRESH=1 switches templates off (to compare, or should a clone ever differ). */
let cloning = !env('KNL_BOOT_FRESH');

/** Switch booting from templates on or off (off: every lab boots k3s afresh). */
export function setBootFromTemplates(on: boolean): void {
  cloning = on;
  if (!on) templates.clear();
}

/** Whether bootCluster hands out clones (false once a clone failed, or when switched off). */
export function bootingFromTemplates(): boolean {
  return cloning;
}

/** Configs booted once so far without a template (see bootCluster). */
const seenOnce = new Set<string>();

export function bootCluster(config: ClusterConfig): Cluster {
  wireModules();
  if (!cloning) return bootFresh(config);
  const key = JSON.stringify(config);
  let template = templates.get(key);
  if (!template) {
    // A config asked for once (a one-off cluster: the scale bench's 5,000 nodes) is booted and handed
    // out as it is; a template, and clones of it, only from its second request on.
    if (!seenOnce.has(key)) {
      if (seenOnce.size >= MAX_TEMPLATES) seenOnce.delete(seenOnce.values().next().value!);
      seenOnce.add(key);
      return bootFresh(config);
    }
    template = bootFresh(structuredClone(config));
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value!);
    templates.set(key, template);
  }
  try {
    const cluster = template.clone(config);
    wireRuntime(cluster);
    return cluster;
  } catch (e) {
    if (!(e instanceof CloneError) || env('KNL_CLONE_STRICT')) throw e;
    // A module whose state the clone cannot reproduce: boot afresh from now on (slower, same result).
    cloning = false;
    templates.clear();
    return bootFresh(config);
  }
}

/** Boot k3s from nothing (what every clone must be identical to). */
export function bootFresh(config: ClusterConfig): Cluster {
  wireModules();
  const cluster = new Cluster(config);
  wireRuntime(cluster);
  apiServer(cluster);
  bootstrapK3s(cluster);
  return cluster;
}

/** The container runtime runs commands through this cluster's shells (closures a clone must not share). */
function wireRuntime(cluster: Cluster): void {
  const runtime = containerRuntime(cluster);
  runtime.setBinaries(binaryImplementations());
  runtime.setExecutor((argv, where) => runInContainer(cluster, argv, where));
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
  return { output: r.output, exitCode: r.exitCode };
}
