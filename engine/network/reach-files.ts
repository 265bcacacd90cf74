/**
 * `kube-netlab reach`'s engine side: apply manifests to a fresh cluster, the
 * way a student would (`kubectl apply -f FILE...` on the lab's terminal, so
 * the errors are kubectl's own), let it settle, and print who reaches whom
 * on one port as the Kubernetes e2e netpol tests print a truth table.
 *
 * The lab is passed in (anything with a cluster and a terminal) so this
 * module does not depend on engine/lab, which itself wires engine/network.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { netState } from './state.ts';
import { runtimeOf } from './deps.ts';
import { prettyPrint, reachability } from './reachability.ts';
import type { Protocol } from './types.ts';

/** What reachFromManifests needs of a lab: its cluster and its terminal. */
export interface ReachLab {
  readonly cluster: Cluster;
  run(script: string): { output: string; exitCode: number };
}

export interface ReachResult {
  /** The truth table: `-` corner, sources as rows, destinations as columns, tab-separated. */
  table: string;
  /** The pods in the table, `ns/name`, sorted. */
  pods: string[];
  /** What went wrong: kubectl's errors, a bad port, no pods at all. */
  problems: string[];
  /** Why a whole row or column is X whatever the policies: pods not running, or not listening on the port. */
  notes: string[];
}

/** Namespaces left out of the table: the cluster's own machinery, not the student's pods. */
const SYSTEM_NAMESPACES = new Set(['kube-system']);

/** A word quoted for the lab's bash, whatever it holds. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Lines `kubectl apply` prints for objects it wrote: not problems. */
const APPLIED = /^[a-z0-9.-]+\/\S+ (created|configured|unchanged)$/;

/**
 * Apply `files` (paths in the lab's workspace, relative to its working
 * directory) with one `kubectl apply -f … -f …`, then compute the
 * reachability of every pod outside kube-system on port/protocol.
 */
export function reachFromManifests(lab: ReachLab, files: readonly string[], port: number, protocol: Protocol = 'TCP'): ReachResult {
  const problems: string[] = [];
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { table: '', pods: [], problems: [`port ${port} is not a port number (1-65535)`], notes: [] };
  }
  if (files.length > 0) {
    const r = lab.run(`kubectl apply ${files.map((f) => `-f ${shellQuote(f)}`).join(' ')}`);
    for (const line of r.output.split('\n')) if (line.trim() !== '' && !APPLIED.test(line)) problems.push(line);
    if (r.exitCode !== 0 && problems.length === 0) problems.push(`kubectl apply exited with code ${r.exitCode}`);
  }
  lab.cluster.settle();
  const pods = studentPods(lab.cluster);
  if (pods.length === 0) problems.push('no pods outside kube-system: the manifests create no pod to connect from or to');
  const notes = podNotes(lab.cluster, pods, port, protocol);
  const table = pods.length === 0 ? '' : prettyPrint(reachability(lab.cluster, pods, port, protocol));
  return { table, pods, problems, notes };
}

/** Every pod outside the system namespaces, as `ns/name`, sorted by namespace then name. */
export function studentPods(cluster: Cluster): string[] {
  return cluster.store
    .list('Pod')
    .filter((p) => !SYSTEM_NAMESPACES.has(p.metadata.namespace ?? 'default'))
    .map((p) => [p.metadata.namespace ?? 'default', p.metadata.name] as const)
    .sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])))
    .map(([ns, n]) => `${ns}/${n}`);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Why a whole row or column is X regardless of policies: not running, or nothing listening. */
function podNotes(cluster: Cluster, pods: readonly string[], port: number, protocol: Protocol): string[] {
  const state = netState(cluster);
  const runtime = runtimeOf(cluster);
  const out: string[] = [];
  for (const key of pods) {
    const p = state.podByKey(key);
    if (!p || p.phase !== 'Running' || !p.ip) {
      const [ns, name] = key.split('/') as [string, string];
      const phase = p?.phase ?? (cluster.store.get('Pod', ns, name)?.status?.phase as string | undefined) ?? 'Pending';
      out.push(`pod ${key} is ${phase}, not running: it connects to nothing and nothing reaches it`);
      continue;
    }
    const listening = runtime.listenersOf(p.obj).some((l) => l.port === port && (l.protocol ?? 'TCP') === protocol);
    if (!listening) out.push(`pod ${key} listens on no ${protocol} port ${port}: its column is X whatever the policies`);
  }
  return out;
}
