/**
 * Per scenario: the chapter's labs (features/chapter) through `kube-netlab
 * test`, each scenario's duration from Cucumber's own messages, minus the
 * same scenario's duration under plain cucumber-js with empty step bodies
 * (Cucumber's own per-scenario cost), both printing Cucumber's progress
 * output (cucumber-js's default, and what `kube-netlab test` prints). The median is the figure: the first
 * scenario also pays for warming up (JIT, lazily loaded parts).
 */
import { join } from 'node:path';
import { CUCUMBER_BIN, KUBE_NETLAB_BIN, ROOT, emptySteps, scenarioDurations, scratch, tail, timedRun } from './baseline.ts';
import { median, round, type Benchmark } from './types.ts';

const CHAPTER = join(ROOT, 'features', 'chapter');

/**
 * Cold runs of each side. Cucumber stamps scenarios to the millisecond and
 * one run on a shared 2-core machine moves the median by a millisecond or
 * two (a GC pause, a busy neighbour), so each scenario's engine time is
 * its median over the runs (every run is a fresh process: the cost stays
 * a first run's, JIT and all).
 */
const RUNS = 3;

interface Pass {
  base: Map<string, number>;
  real: Map<string, number>;
  baseMs: number;
  realMs: number;
}

function pass(dir: string, steps: string, i: number): Pass {
  const baseFile = join(dir, `base-${i}.ndjson`);
  const realFile = join(dir, `real-${i}.ndjson`);
  const b = timedRun([CUCUMBER_BIN, '--import', steps, CHAPTER, '--format', `message:${baseFile}`, '--format', 'progress'], dir);
  if (b.status !== 0) throw new Error(`baseline cucumber-js failed: ${tail(b)}`);
  const r = timedRun([KUBE_NETLAB_BIN, 'test', CHAPTER, '--no-reports', '--format', `message:${realFile}`], dir);
  if (r.status !== 0) throw new Error(`kube-netlab test failed (the labs must pass): ${tail(r)}`);
  return { base: scenarioDurations(baseFile), real: scenarioDurations(realFile), baseMs: b.ms, realMs: r.ms };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'scenario: chapter labs, engine time per scenario over empty steps',
    run() {
      const dir = scratch('scenario');
      const steps = emptySteps(dir);
      const passes = Array.from({ length: RUNS }, (_, i) => pass(dir, steps, i));
      const engine: number[] = [];
      for (const k of passes[0]!.real.keys()) engine.push(median(passes.map((p) => p.real.get(k)! - (p.base.get(k) ?? 0))));
      const sorted = [...engine].sort((x, y) => x - y);
      const all = (side: 'base' | 'real') => passes.flatMap((p) => [...p[side].values()]);
      return {
        figures: {
          scenarios: engine.length,
          'runs of each side': RUNS,
          'cucumber per-scenario cost (empty steps), median ms': round(median(all('base')), 3),
          'kube-netlab per-scenario, median ms': round(median(all('real'))),
          'engine time per scenario, min ms': round(sorted[0] ?? NaN),
          'engine time per scenario, max ms': round(sorted.at(-1) ?? NaN),
          'engine time per scenario, total ms': round(engine.reduce((a, x) => a + x, 0)),
          'wall: cucumber-js empty steps, median ms': round(median(passes.map((p) => p.baseMs))),
          'wall: kube-netlab test, median ms': round(median(passes.map((p) => p.realMs))),
        },
        bounds: [{ name: 'chapter labs, median engine time per scenario', value: round(median(engine)), limit: 5, unit: 'ms' }],
      };
    },
  },
];
