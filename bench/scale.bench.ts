/**
 * Engine scale at Kubernetes' scalability thresholds (bench/scale-cluster.ts):
 * build cost, memory, one connection (DNS lookup + Service routing + policy
 * check) and one apply, at 1/8, 1/4, 1/2 and the full size, each in its own
 * process (bench/scale-worker.ts), with the growth exponent of each cost
 * (1.0 = linear in the cluster's size; connection and apply should not grow
 * at all). A size whose build is projected past the time budget is skipped:
 * its figures are projections from the measured sizes, and say so.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './baseline.ts';
import { SEMI_SPACE_MB } from '../grading/pool.ts';
import type { ScalePoint } from './scale-worker.ts';
import { growthExponent, round, type Benchmark, type Bound } from './types.ts';

const FRACTIONS = [1 / 8, 1 / 4, 1 / 2, 1];
/** Wall-clock budget for all builds together, so `npm run bench` stays under 5 minutes. */
const BUDGET_MS = Number(process.env.SCALE_BUDGET_MS ?? 100_000);

/**
 * The worker bundled by esbuild, as kube-netlab itself runs (dist/, scripts/
 * build.mjs): through tsx, every function would carry tsx's name-keeping
 * wrappers, which the product does not pay.
 */
function bundledWorker(): string {
  const out = join(ROOT, 'bench', '.out', 'scale-worker.mjs');
  buildSync({ entryPoints: [join(ROOT, 'bench', 'scale-worker.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, packages: 'external', logLevel: 'error' });
  return out;
}

let worker: string | undefined;

function measure(fraction: number): ScalePoint {
  worker ??= bundledWorker();
  // The young generation kube-netlab gives its own heavy processes (grading workers).
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', `--max-semi-space-size=${SEMI_SPACE_MB}`, worker, String(fraction)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`scale worker at ${fraction} failed: ${(r.stderr || r.stdout).split('\n').slice(-15).join('\n')}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ScalePoint;
}

/** cost at `fraction`, from the last measured point and the exponent (1 when only one point). */
function project(points: ScalePoint[], key: 'buildMs' | 'heapMiB' | 'connectUs' | 'applyMs', fraction: number): number {
  const last = points.at(-1)!;
  const e = points.length >= 2 ? growthExponent(points.map((p) => ({ size: p.fraction, cost: p[key] }))) : 1;
  return last[key] * (fraction / last.fraction) ** Math.max(e, 1);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'scale: 5,000 nodes, 150,000 pods, 10,000 Services × 15 endpoints, 1,000 NetworkPolicies',
    run() {
      const points: ScalePoint[] = [];
      let spent = 0;
      const skipped: number[] = [];
      for (const f of FRACTIONS) {
        if (points.length > 0 && project(points, 'buildMs', f) * 1.5 > BUDGET_MS - spent) {
          skipped.push(f);
          continue;
        }
        const t = performance.now();
        points.push(measure(f));
        spent += performance.now() - t;
      }
      const figures: Record<string, number> = {};
      for (const p of points) {
        const at = `at ${p.fraction === 1 ? 'full size' : `1/${Math.round(1 / p.fraction)}`} (${p.pods} pods)`;
        figures[`${at}: build s`] = round(p.buildMs / 1000, 2);
        figures[`${at}: build CPU s`] = round(p.buildCpuMs / 1000, 2);
        figures[`${at}: heap MiB (the cluster, the sync's results, after a full GC)`] = round(p.heapMiB, 0);
        figures[`${at}: first connections (before the sync), median µs`] = round(p.connectColdUs, 1);
        figures[`${at}: data-plane sync (every Service's endpoints, every pod's policies) ms`] = round(p.syncMs, 0);
        figures[`${at}: first 2,000 connections after the sync (V8 re-optimising), median µs`] = round(p.connectAfterSyncUs, 1);
        figures[`${at}: connection in the synced cluster, median µs`] = round(p.connectUs, 1);
        figures[`${at}: the same after the memory figure's forced full GC (heap compacted), median µs`] = round(p.connectAfterGcUs, 1);
        figures[`${at}: apply median ms`] = round(p.applyMs, 3);
        figures[`${at}: connections allowed by policy, share`] = round(p.connectOk, 2);
      }
      const exp = (k: 'buildMs' | 'buildCpuMs' | 'heapMiB' | 'connectUs' | 'applyMs') => round(growthExponent(points.map((p) => ({ size: p.fraction, cost: p[k] }))), 2);
      const full = points.find((p) => p.fraction === 1);
      const value = (k: 'buildMs' | 'heapMiB' | 'connectUs' | 'applyMs') => (full ? full[k] : project(points, k, 1));
      const note = full ? undefined : `projected from ${points.length} measured size(s); full size skipped (build projected past the ${BUDGET_MS / 1000} s budget)`;
      const bounds: Bound[] = [
        { name: 'build the full cluster through the public API', value: round(value('buildMs') / 1000, 1), limit: 10, unit: 's', note },
        { name: 'memory of the full cluster (with what the data plane computed for it)', value: round(value('heapMiB') / 1024, 2), limit: 2, unit: 'GiB', note },
        { name: 'one connection (DNS + Service routing + policy) in the synced cluster, median', value: round(value('connectUs'), 1), limit: 20, unit: 'µs', note },
        { name: 'one apply (a pod matching one Service), median', value: round(value('applyMs'), 3), limit: 1, unit: 'ms', note },
      ];
      for (const k of ['buildCpuMs', 'connectUs', 'applyMs'] as const) {
        bounds.push({ name: `growth exponent of ${k === 'buildCpuMs' ? 'build cost (CPU time)' : k === 'connectUs' ? 'connection cost' : 'apply cost'} (${points.length} sizes)`, value: exp(k), limit: 1.1, unit: '' });
      }
      figures['sizes skipped for time'] = skipped.length;
      return { figures, bounds };
    },
  },
];
