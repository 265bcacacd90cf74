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

export const benchmarks: Benchmark[] = [
  {
    name: 'scenario: chapter labs, engine time per scenario over empty steps',
    run() {
      const dir = scratch('scenario');
      const steps = emptySteps(dir);
      const baseFile = join(dir, 'base.ndjson');
      const realFile = join(dir, 'real.ndjson');
      const b = timedRun([CUCUMBER_BIN, '--import', steps, CHAPTER, '--format', `message:${baseFile}`, '--format', 'progress'], dir);
      if (b.status !== 0) throw new Error(`baseline cucumber-js failed: ${tail(b)}`);
      const r = timedRun([KUBE_NETLAB_BIN, 'test', CHAPTER, '--no-reports', '--format', `message:${realFile}`], dir);
      if (r.status !== 0) throw new Error(`kube-netlab test failed (the labs must pass): ${tail(r)}`);
      const base = scenarioDurations(baseFile);
      const real = scenarioDurations(realFile);
      const engine: number[] = [];
      for (const [k, ms] of real) engine.push(ms - (base.get(k) ?? 0));
      const sorted = [...engine].sort((x, y) => x - y);
      return {
        figures: {
          scenarios: real.size,
          'cucumber per-scenario cost (empty steps), median ms': round(median([...base.values()]), 3),
          'kube-netlab per-scenario, median ms': round(median([...real.values()])),
          'engine time per scenario, min ms': round(sorted[0] ?? NaN),
          'engine time per scenario, max ms': round(sorted.at(-1) ?? NaN),
          'engine time per scenario, total ms': round(engine.reduce((a, x) => a + x, 0)),
          'wall: cucumber-js empty steps ms': round(b.ms),
          'wall: kube-netlab test ms': round(r.ms),
        },
        bounds: [{ name: 'chapter labs, median engine time per scenario', value: round(median(engine)), limit: 5, unit: 'ms' }],
      };
    },
  },
];
