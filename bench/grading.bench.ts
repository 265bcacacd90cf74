/**
 * Grading throughput: 1,000 submissions graded against the chapter's labs
 * in one `kube-netlab grade ... --parallel 2` invocation, reports written
 * for each; and determinism: the same submissions give byte-identical
 * reports with --parallel 1 and --parallel 2.
 *
 * A sample is graded first; when it shows the full run would take far over
 * the bound, the full run is skipped and the extrapolation is the figure
 * (so `npm run bench` stays within its time budget).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KUBE_NETLAB_BIN, ROOT, scratch, tail, timedRun, writeFile } from './baseline.ts';
import { round, type Benchmark, type Result } from './types.ts';

const CHAPTER = join(ROOT, 'features', 'chapter');
const FULL = 1000;
const SAMPLE = 8;
const LIMIT_S = 60;
const STAMP = '2025-01-31T12:00:00.000Z';

const SERVICE = (i: number) => `apiVersion: v1
kind: Service
metadata:
  name: myservice
  labels:
    student: "s${i}"
spec:
  ports:
  - port: 8080
    targetPort: 80
  selector:
    run: mynginx
`;

function submissions(dir: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = join(dir, `student-${String(i).padStart(4, '0')}`);
    writeFile(join(d, 'K8S', 'CH05', 'myservice.yaml'), SERVICE(i));
    out.push(d);
  }
  return out;
}

/** Whether this build's grade command has --parallel (helper I7's work). */
function hasParallel(cwd: string): boolean {
  const r = timedRun([KUBE_NETLAB_BIN, 'grade', '--help'], cwd);
  return r.stdout.includes('--parallel');
}

function grade(cwd: string, subs: string[], out: string, parallel?: number, timestamp?: string) {
  const argv = [KUBE_NETLAB_BIN, 'grade', ...subs, '--labs', CHAPTER, '--out', out];
  if (timestamp) argv.push('--timestamp', timestamp);
  if (parallel) argv.push('--parallel', String(parallel));
  const r = timedRun(argv, cwd);
  if (r.status !== 0) throw new Error(`kube-netlab grade failed: ${tail(r)}`);
  return r;
}

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const reportFolders = (out: string, n: number): number => (n === 1 ? 1 : readdirSync(out).filter((d) => statSync(join(out, d)).isDirectory() && readdirSync(join(out, d)).includes('report.json')).length);

export const benchmarks: Benchmark[] = [
  {
    name: 'grading: 1,000 submissions, chapter labs, --parallel 2',
    run(): Result {
      const dir = scratch('grading');
      const parallel = hasParallel(dir);
      const subs = submissions(join(dir, 'subs'), FULL);
      const sample = grade(dir, subs.slice(0, SAMPLE), join(dir, 'out-sample'), parallel ? 2 : undefined);
      const perSubmission = sample.ms / SAMPLE;
      const projected = (perSubmission * FULL) / 1000;
      const figures: Record<string, number> = {
        [`sample of ${SAMPLE}: ms per submission${parallel ? ' (--parallel 2)' : ' (sequential: no --parallel yet)'}`]: round(perSubmission),
        'projected 1,000 submissions, s': round(projected, 1),
      };
      if (!parallel) {
        return { figures, bounds: [{ name: '1,000 submissions with --parallel 2', value: NaN, limit: LIMIT_S, unit: 's', note: `not measured: kube-netlab grade has no --parallel option yet (helper I7); sequential projection ${round(projected, 0)} s` }] };
      }
      if (projected > 3 * LIMIT_S) {
        return { figures, bounds: [{ name: '1,000 submissions with --parallel 2 (projected from the sample)', value: round(projected, 1), limit: LIMIT_S, unit: 's', note: 'full run skipped: the sample projects far over the bound' }] };
      }
      const out = join(dir, 'out-full');
      const full = grade(dir, subs, out, 2);
      figures['reports written'] = reportFolders(out, FULL);
      const bounds = [{ name: '1,000 submissions with --parallel 2', value: round(full.ms / 1000, 1), limit: LIMIT_S, unit: 's' }];
      if (figures['reports written'] !== FULL) bounds.push({ name: 'submissions without a report', value: FULL - figures['reports written']!, limit: 0, unit: '' });
      return { figures, bounds };
    },
  },
  {
    name: 'grading: same seed, byte-identical reports with --parallel 1 and --parallel 2',
    run(): Result {
      const dir = scratch('determinism');
      if (!hasParallel(dir)) {
        return { figures: {}, bounds: [{ name: 'report files that differ between --parallel 1 and 2', value: NaN, limit: 0, unit: 'files', note: 'not measured: kube-netlab grade has no --parallel option yet (helper I7)' }] };
      }
      const subs = submissions(join(dir, 'subs'), 4);
      // --timestamp pins generatedAt, the one field that is meant to differ between runs.
      grade(dir, subs, join(dir, 'p1'), 1, STAMP);
      grade(dir, subs, join(dir, 'p2'), 2, STAMP);
      const a = files(join(dir, 'p1'));
      const b = files(join(dir, 'p2'));
      const differ: string[] = [];
      for (const k of new Set([...a.keys(), ...b.keys()])) if (!a.get(k)?.equals(b.get(k) ?? Buffer.alloc(0))) differ.push(k);
      const note = differ.length ? `first: ${differ[0]}: ${firstDifference(a.get(differ[0]!), b.get(differ[0]!))}` : undefined;
      return { figures: { 'report files compared': a.size }, bounds: [{ name: 'report files that differ between --parallel 1 and 2', value: differ.length, limit: 0, unit: 'files', note }] };
    },
  },
];

/** The first line that differs, both sides, shortened. */
function firstDifference(a: Buffer | undefined, b: Buffer | undefined): string {
  if (!a || !b) return a ? 'missing with --parallel 2' : 'missing with --parallel 1';
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  const i = la.findIndex((l, k) => l !== lb[k]);
  const cut = (x: string | undefined) => (x ?? '').trim().slice(0, 100);
  return `line ${i + 1}: ${JSON.stringify(cut(la[i]))} vs ${JSON.stringify(cut(lb[i]))}`;
}
