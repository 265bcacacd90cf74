/**
 * Start-up: `kube-netlab test` on a one-scenario lab against plain
 * cucumber-js running the same scenario with empty step bodies. The
 * difference is what kube-netlab's loading (tsx, steps, engine modules,
 * schemas, jq) and the scenario itself cost. Median of several runs each.
 */
import { join } from 'node:path';
import { CUCUMBER_BIN, KUBE_NETLAB_BIN, emptySteps, scratch, tail, timedRun, writeFile } from './baseline.ts';
import { median, round, type Benchmark } from './types.ts';

const LAB = `Feature: one scenario
  Scenario: a pod answers
    Given a k3s cluster
    When I run "kubectl run web --image nginx"
    Then the command should succeed
    When I run "kubectl get pods"
    Then the output should contain "web"
`;

const RUNS = 5;

export const benchmarks: Benchmark[] = [
  {
    name: 'startup: kube-netlab test, one scenario, vs cucumber-js with empty steps',
    run() {
      const dir = scratch('startup');
      const feature = writeFile(join(dir, 'one.feature'), LAB);
      const steps = emptySteps(dir);
      const base: number[] = [];
      const knl: number[] = [];
      const knlNoReports: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Interleaved, so drift (thermal, other load) hits both alike.
        const b = timedRun([CUCUMBER_BIN, '--import', steps, feature, '--format', 'progress'], dir);
        if (b.status !== 0) throw new Error(`baseline cucumber-js failed: ${tail(b)}`);
        base.push(b.ms);
        const k = timedRun([KUBE_NETLAB_BIN, 'test', feature, '--out', join(dir, 'report')], dir);
        if (k.status !== 0) throw new Error(`kube-netlab test failed: ${tail(k)}`);
        knl.push(k.ms);
        knlNoReports.push(timedRun([KUBE_NETLAB_BIN, 'test', feature, '--no-reports'], dir).ms);
      }
      const extra = median(knl) - median(base);
      return {
        figures: {
          'cucumber-js empty steps, median ms': round(median(base)),
          'kube-netlab test, median ms': round(median(knl)),
          'kube-netlab test --no-reports, median ms': round(median(knlNoReports)),
          'ratio kube-netlab / baseline': round(median(knl) / median(base)),
        },
        bounds: [{ name: 'start-up cost over cucumber-js (one scenario, reports written)', value: round(extra, 1), limit: 150, unit: 'ms' }],
      };
    },
  },
];
