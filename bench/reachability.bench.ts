/**
 * Reachability tables at scale: 300 pods × 300 pods on TCP 80, in a cluster
 * with a realistic mix of NetworkPolicies (default deny, pod and namespace
 * selectors, the AND peer, ports, ipBlock, egress). The cluster is built
 * through the lab's `kubectl apply` (untimed); the table computation alone
 * is timed. Baseline in the same process: a 30×30 table (1/100 of the
 * cells) on the same cluster, so the ratio shows how the cost grows.
 */
import { Lab } from '../engine/lab/index.ts';
import { reachability, studentPods } from '../engine/network/index.ts';
import { median, round, type Benchmark } from './types.ts';

const NAMESPACES = 10;
const PODS_PER_NAMESPACE = 30;
const WARM_RUNS = 5;

/** Namespace i's policy (some namespaces have none, as in a real cluster). */
function policyFor(i: number): string {
  const ns = `ns-${i}`;
  const head = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n`;
  switch (i) {
    case 0:
      return head('default-deny-ingress') + '  podSelector: {}\n  policyTypes: [Ingress]\n';
    case 1:
      return head('allow-from-app-0') + '  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels: {app: app-0}\n';
    case 2:
      return head('allow-from-team-blue') + '  podSelector:\n    matchLabels: {app: app-1}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {team: blue}\n';
    case 3:
      return head('allow-blue-app-2') + '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {team: blue}\n      podSelector:\n        matchExpressions:\n        - {key: app, operator: In, values: [app-2, app-3]}\n';
    case 4:
      return head('allow-80-from-master') + '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.42.0.0/24\n        except: [10.42.0.128/25]\n    ports:\n    - port: 80\n';
    case 5:
      return head('deny-egress-but-dns') + '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n';
    case 6:
      return head('egress-to-blue') + '  podSelector:\n    matchLabels: {app: app-4}\n  policyTypes: [Egress]\n  egress:\n  - to:\n    - namespaceSelector:\n        matchLabels: {team: blue}\n';
    default:
      return '';
  }
}

function manifests(): string {
  const docs: string[] = [];
  for (let i = 0; i < NAMESPACES; i++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n  labels:\n    team: ${i % 2 ? 'blue' : 'red'}\n`);
    for (let j = 0; j < PODS_PER_NAMESPACE; j++) {
      docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${j}\n  namespace: ns-${i}\n  labels:\n    app: app-${j % 5}\nspec:\n  containers:\n  - name: web\n    image: nginx\n`);
    }
    const p = policyFor(i);
    if (p) docs.push(p);
  }
  return docs.join('---\n');
}

function timeTable(lab: Lab, pods: readonly string[]): { ms: number; open: number } {
  const t = performance.now();
  const table = reachability(lab.cluster, pods, 80, 'TCP');
  const ms = performance.now() - t;
  let open = 0;
  for (const row of table.values.values()) for (const v of row.values()) if (v) open++;
  return { ms, open };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'reachability 300x300',
    run() {
      const tb = performance.now();
      const lab = new Lab();
      lab.writeFile('all.yaml', manifests());
      const applied = lab.run('kubectl apply -f all.yaml');
      if (applied.exitCode !== 0) throw new Error(`building the cluster failed:\n${applied.output}`);
      const pods = studentPods(lab.cluster);
      if (pods.length !== NAMESPACES * PODS_PER_NAMESPACE) throw new Error(`expected ${NAMESPACES * PODS_PER_NAMESPACE} pods, got ${pods.length}`);
      const buildMs = performance.now() - tb;

      const cold = timeTable(lab, pods);
      const small = pods.filter((_, i) => i % 10 === 0);
      const warmBig: number[] = [];
      const warmSmall: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        warmSmall.push(timeTable(lab, small).ms);
        warmBig.push(timeTable(lab, pods).ms);
      }
      const cells = pods.length * pods.length;
      return {
        figures: {
          'build cluster (kubectl apply, 300 pods, 7 policies) ms': round(buildMs, 0),
          'table 300x300 first run ms': round(cold.ms, 1),
          'table 300x300 warm median ms': round(median(warmBig), 1),
          'baseline: table 30x30 warm median ms': round(median(warmSmall), 2),
          'ratio 300x300 / 30x30 (100 = linear in cells)': round(median(warmBig) / median(warmSmall), 1),
          'µs per cell (warm)': round((median(warmBig) * 1000) / cells, 3),
          'open cells of 90,000': cold.open,
        },
        bounds: [{ name: 'table ms', value: round(cold.ms, 1), limit: 1000, unit: 'ms' }],
      };
    },
  },
];
