/**
 * Grading throughput: 1,000 submissions graded against the chapter's labs
 * in one `kube-netlab grade ... --parallel 2` invocation, reports written
 * for each, measured (not projected); and determinism: the same
 * submissions give byte-identical reports with --parallel 1 and --parallel 2.
 *
 * A sample of 40 is graded first (large enough that the workers' start-up
 * does not dominate it); only when it projects past 5× the bound is the
 * full run skipped, and the projection is the figure, so `npm run bench`
 * stays within its time budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KUBE_NETLAB_BIN, ROOT, scratch, tail, writeFile } from './baseline.ts';
import { round, type Benchmark, type Result } from './types.ts';

const CHAPTER = join(ROOT, 'features', 'chapter');
const FULL = 1000;
const SAMPLE = 40;
const LIMIT_S = 60;
const HOPELESS = 5 * LIMIT_S;
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

interface GradeRun {
  ms: number;
  /** User + system CPU of the grader and its workers (GNU time), NaN without /usr/bin/time. */
  cpuMs: number;
}

/** Runs `kube-netlab grade`, timed; CPU too when GNU time is there (the machine is shared: CPU is the steadier figure). */
function grade(cwd: string, subs: string[], out: string, parallel: number, timestamp?: string): GradeRun {
  const argv = [KUBE_NETLAB_BIN, 'grade', ...subs, '--labs', CHAPTER, '--out', out, '--parallel', String(parallel)];
  if (timestamp) argv.push('--timestamp', timestamp);
  const timed = existsSync('/usr/bin/time');
  const cpuFile = join(cwd, 'cpu.txt');
  const [cmd, args] = timed ? ['/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, process.execPath, ...argv]] : [process.execPath, argv];
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`kube-netlab grade failed: ${tail({ ms, status: r.status, stdout: r.stdout, stderr: r.stderr })}`);
  const cpu = timed ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN];
  return { ms, cpuMs: (cpu[0]! + cpu[1]!) * 1000 };
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

/** Runs fn in a scratch folder, removed afterwards: 1,000 submissions' reports take ~270 MB. */
function inScratch(label: string, fn: (dir: string) => Result): Result {
  const dir = scratch(label);
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const reportFolders = (out: string, n: number): number => (n === 1 ? 1 : readdirSync(out).filter((d) => statSync(join(out, d)).isDirectory() && readdirSync(join(out, d)).includes('report.json')).length);

export const benchmarks: Benchmark[] = [
  {
    name: 'grading: 1,000 submissions, chapter labs, --parallel 2',
    run: () => inScratch('grading', throughput),
  },
  {
    name: 'grading: same seed, byte-identical reports with --parallel 1 and --parallel 2',
    run: () => inScratch('determinism', determinism),
  },
];

function throughput(dir: string): Result {
  const subs = submissions(join(dir, 'subs'), FULL);
  const sample = grade(dir, subs.slice(0, SAMPLE), join(dir, 'out-sample'), 2);
  const projected = ((sample.ms / SAMPLE) * FULL) / 1000;
  const figures: Record<string, number> = {
    [`sample of ${SAMPLE}: ms per submission`]: round(sample.ms / SAMPLE),
    [`sample of ${SAMPLE}: projected 1,000 submissions, s`]: round(projected, 1),
  };
  if (projected > HOPELESS) {
    return { figures, bounds: [{ name: '1,000 submissions with --parallel 2 (projected from the sample)', value: round(projected, 1), limit: LIMIT_S, unit: 's', note: `full run skipped: the sample projects past ${HOPELESS} s` }] };
  }
  const out = join(dir, 'out-full');
  const full = grade(dir, subs, out, 2);
  const written = reportFolders(out, FULL);
  Object.assign(figures, {
    submissions: FULL,
    'wall s': round(full.ms / 1000, 1),
    'ms per submission': round(full.ms / FULL),
    'CPU s (grader and workers)': round(full.cpuMs / 1000, 1),
    'CPU ms per submission': round(full.cpuMs / FULL),
    'reports written': written,
  });
  const bounds = [{ name: '1,000 submissions with --parallel 2', value: round(full.ms / 1000, 1), limit: LIMIT_S, unit: 's' }];
  if (written !== FULL) bounds.push({ name: 'submissions without a report', value: FULL - written, limit: 0, unit: '' });
  return { figures, bounds };
}

function determinism(dir: string): Result {
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
}

/** The first line that differs, both sides, shortened. */
function firstDifference(a: Buffer | undefined, b: Buffer | undefined): string {
  if (!a || !b) return a ? 'missing with --parallel 2' : 'missing with --parallel 1';
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  const i = la.findIndex((l, k) => l !== lb[k]);
  const cut = (x: string | undefined) => (x ?? '').trim().slice(0, 100);
  return `line ${i + 1}: ${JSON.stringify(cut(la[i]))} vs ${JSON.stringify(cut(lb[i]))}`;
}
