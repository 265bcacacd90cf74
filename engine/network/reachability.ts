/**
 * Reachability tables: can each pod connect to each pod's IP on a port?
 * Laid out as the Kubernetes e2e netpol tests print them
 * (kubernetes/kubernetes test/e2e/network/netpol/truthtable.go PrettyPrint,
 * reachability.go PrintSummary): rows are sources, columns destinations,
 * `.` connects, `X` does not; the comparison marks `.` where expected and
 * observed agree and `X` where they differ.
 *
 * Policies are compiled once per store generation and each pod's selecting
 * policies and listeners are looked up once per table, so a 300×300 table
 * costs 90,000 cheap evaluations.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { netState } from './state.ts';
import { judge } from './enforce.ts';
import { runtimeOf } from './deps.ts';
import type { Protocol } from './types.ts';
import type { Source } from './source.ts';

/** An n×m table of values, from → to. */
export class TruthTable<T> {
  readonly values = new Map<string, Map<string, T>>();
  constructor(readonly froms: readonly string[], readonly tos: readonly string[], defaultValue?: T) {
    for (const f of froms) {
      const row = new Map<string, T>();
      if (defaultValue !== undefined) for (const t of tos) row.set(t, defaultValue);
      this.values.set(f, row);
    }
  }
  set(from: string, to: string, v: T): void {
    this.values.get(from)?.set(to, v);
  }
  get(from: string, to: string): T | undefined {
    return this.values.get(from)?.get(to);
  }
  isComplete(): boolean {
    return this.froms.every((f) => this.tos.every((t) => this.values.get(f)?.has(t)));
  }
}

/**
 * Connect from every pod to every pod (`ns/name` keys) on port/protocol, as
 * connect() would to the destination's pod IP. A pod that is missing or not
 * running connects to nothing and is reached by nothing.
 */
export function reachability(cluster: Cluster, pods: readonly string[], port: number, protocol: Protocol = 'TCP', tos: readonly string[] = pods): TruthTable<boolean> {
  const state = netState(cluster);
  const table = new TruthTable<boolean>(pods, tos, false);
  const runtime = runtimeOf(cluster);
  const infos = pods.map((k) => state.podByKey(k));
  const dsts = tos.map((k) => state.podByKey(k));
  const listens = dsts.map((p) => !!p && p.phase === 'Running' && runtime.listenersOf(p.obj).some((l) => l.port === port && (l.protocol ?? 'TCP') === protocol));
  const sources: Array<Source | undefined> = infos.map((p) => {
    if (!p || p.phase !== 'Running' || !p.ip) return undefined;
    return { ip: p.ip, pod: p, node: p.node ? state.nodesByName.get(p.node) : undefined, external: false, label: `${p.namespace}/${p.name}` };
  });
  for (let i = 0; i < pods.length; i++) {
    const src = sources[i];
    if (!src) continue;
    for (let j = 0; j < tos.length; j++) {
      const dst = dsts[j];
      if (!dst || !listens[j]) continue;
      table.set(pods[i]!, tos[j]!, judge(cluster, state, src, src.ip, dst, port, protocol) === undefined);
    }
  }
  return table;
}

/** truthtable.go PrettyPrint: a `-` corner, tab-separated. */
export function prettyPrint(t: TruthTable<boolean>, indent = ''): string {
  const lines = [indent + ['-', ...t.tos].join('\t')];
  for (const f of t.froms) {
    const marks = t.tos.map((to) => {
      const v = t.get(f, to);
      return v === undefined ? '?' : v ? '.' : 'X';
    });
    lines.push(indent + [f, ...marks].join('\t'));
  }
  return lines.join('\n');
}

/** truthtable.go Compare: `.` where both agree. */
export function compareTables(expected: TruthTable<boolean>, observed: TruthTable<boolean>): TruthTable<boolean> {
  const out = new TruthTable<boolean>(expected.froms, expected.tos);
  for (const f of expected.froms) for (const t of expected.tos) out.set(f, t, expected.get(f, t) === observed.get(f, t));
  return out;
}

/** reachability.go PrintSummary(true, true, true). */
export function formatTruthTable(expected: TruthTable<boolean>, observed: TruthTable<boolean>): string {
  const cmp = compareTables(expected, observed);
  let right = 0;
  let wrong = 0;
  for (const f of cmp.froms) for (const t of cmp.tos) (cmp.get(f, t) ? right++ : wrong++);
  return (
    `reachability: correct:${right}, incorrect:${wrong}, result=${wrong === 0}\n\n` +
    `expected:\n\n${prettyPrint(expected)}\n\n\n` +
    `observed:\n\n${prettyPrint(observed)}\n\n\n` +
    `comparison:\n\n${prettyPrint(cmp)}\n\n\n`
  );
}

/** Parse the step's table (`| from\to | x/a | … |` rows as cells) into a TruthTable. */
export function tableFromRows(rows: readonly (readonly string[])[]): TruthTable<boolean> | { error: string } {
  const [head, ...body] = rows;
  if (!head || head.length < 2) return { error: 'the table needs a header row naming the destination pods' };
  const tos = head.slice(1).map((s) => s.trim());
  const froms = body.map((r) => (r[0] ?? '').trim());
  const t = new TruthTable<boolean>(froms, tos);
  for (const r of body) {
    for (let j = 1; j < head.length; j++) {
      const cell = (r[j] ?? '').trim();
      if (cell !== '.' && cell !== 'X') return { error: `cell ${r[0]} → ${tos[j - 1]} is "${cell}": write . (connects) or X (does not)` };
      t.set(r[0]!.trim(), tos[j - 1]!, cell === '.');
    }
  }
  return t;
}
