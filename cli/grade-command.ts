/**
 * `kube-netlab grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR`: run the
 * labs against each homework submission (every scenario's working directory
 * starts with a copy of the submission) and write its reports. Grading runs
 * in worker processes (grading/pool.ts), so a submission that crashes the
 * grader or runs too long gets a report saying so. Exits 0 whenever it
 * wrote the reports, whatever the score; non-zero only when it could not
 * grade at all, with one line saying why.
 */
import type { Writable } from 'node:stream';
import { basename, resolve } from 'node:path';
import { writeReports, type LabReport } from '../reports/index.ts';
import { gradeInWorkers, GradingError, parseShard, shardPositions, type GradeJob, type Shard } from '../grading/index.ts';
import { UsageError } from './args.ts';
import { checkLabs, LabsError } from './run-labs.ts';

export const GRADE_HELP = `Usage: kube-netlab grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR

Grades homework: runs the lab features in PATH... once per submission, with
each scenario's working directory starting as a copy of the submission's
files, and writes report.json, results.json (Gradescope), junit.xml and
report.html into OUT_DIR (one sub-folder per submission, named after it,
when several are given). Scenarios are weighed by their @points:N tags. A
broken submission (bad YAML, unknown kinds, missing files, hostile input)
is graded, not crashed on; one whose grading crashes or runs past --timeout
gets a report saying so. The submission is read, never changed.

Exits 0 whenever the reports were written, whatever the score.

Options:
  --labs PATH...       feature files or folders (everything up to the next option)
  --out OUT_DIR        where the reports go
  --tags EXPR          only scenarios whose tags match
  --parallel N         grade with N worker processes (default 1)
  --shard I/N          grade only submissions I, I+N, I+2N, … of the list (1-based),
                       so N CI jobs given the same list share a class
  --timeout SECONDS    per-submission time limit (default 120)
  --worker-memory MIB  heap limit of each worker process (default 1024)
  --timestamp ISO      the reports' generatedAt (default: now), for byte-identical reruns
  -h, --help           this help
`;

export interface GradeArgs {
  submissions: string[];
  labs: string[];
  out: string;
  tags?: string;
  parallel: number;
  shard?: Shard;
  timeoutMs: number;
  memoryMb: number;
  timestamp?: string;
}

function positiveInt(name: string, v: string | undefined, max: number): number {
  if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`${name} needs a whole number from 1 to ${max}, not "${v ?? ''}"`);
  return Number(v);
}

export function parseGradeArgs(argv: readonly string[]): GradeArgs | 'help' {
  const a: GradeArgs = { submissions: [], labs: [], out: '', parallel: 1, timeoutMs: 120_000, memoryMb: 1024 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '--labs':
        while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) a.labs.push(argv[++i]!);
        if (a.labs.length === 0) throw new UsageError('--labs needs at least one feature file or folder');
        break;
      case '--out':
        a.out = value() ?? '';
        if (!a.out) throw new UsageError('--out needs a folder');
        break;
      case '--tags':
        a.tags = value();
        break;
      case '--parallel':
        a.parallel = positiveInt('--parallel', value(), 256);
        break;
      case '--timeout': {
        const v = value();
        if (v === undefined || !/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 86_400) throw new UsageError(`--timeout needs a number of seconds above 0, not "${v ?? ''}"`);
        a.timeoutMs = Number(v) * 1000;
        break;
      }
      case '--worker-memory':
        a.memoryMb = positiveInt('--worker-memory', value(), 65_536);
        break;
      case '--shard': {
        const s = parseShard(value() ?? '');
        if (typeof s === 'string') throw new UsageError(s);
        a.shard = s;
        break;
      }
      case '--timestamp': {
        const t = value() ?? '';
        if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(t) || Number.isNaN(Date.parse(t))) throw new UsageError(`--timestamp needs an ISO 8601 date-time such as 2025-01-31T12:00:00Z, not "${t}"`);
        a.timestamp = t;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg} (see kube-netlab grade --help)`);
        a.submissions.push(arg);
    }
  }
  if (a.submissions.length === 0) throw new UsageError('kube-netlab grade needs a SUBMISSION_DIR (see kube-netlab grade --help)');
  if (a.labs.length === 0) throw new UsageError('kube-netlab grade needs --labs PATH...');
  if (!a.out) throw new UsageError('kube-netlab grade needs --out OUT_DIR');
  return a;
}

export async function gradeCommand(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string }): Promise<number> {
  const a = parseGradeArgs(argv);
  if (a === 'help') {
    io.stdout.write(GRADE_HELP);
    return 0;
  }
  await checkLabs({ paths: a.labs, cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, tags: a.tags });
  const outRoot = resolve(io.cwd, a.out);
  // Folder names come from the whole list, so every shard names a submission alike.
  const names = uniqueNames(a.submissions);
  const picked = a.shard ? shardPositions(a.submissions.length, a.shard) : a.submissions.map((_, i) => i);
  const jobs: GradeJob[] = picked.map((i) => ({ shown: a.submissions[i]! }));
  const outFor = (j: number) => (a.submissions.length === 1 ? outRoot : resolve(outRoot, names[picked[j]!]!));
  const lines = new OrderedLines(io.stdout);
  let writeError: string | undefined;
  const onReport = (j: number, report: LabReport) => {
    const w = writeReports(report, outFor(j));
    if (!w.ok) writeError ??= w.error;
    lines.put(j, w.ok ? `${jobs[j]!.shown}: ${report.totals.score} / ${report.totals.maxScore} points, ${report.totals.passed} of ${report.totals.scenarios} scenarios passed${report.problems ? `, ${report.problems.length} problem(s)` : ''} → ${outFor(j)}\n` : '');
  };
  const settings = { labs: a.labs, cwd: io.cwd, tags: a.tags, generatedAt: a.timestamp ?? new Date().toISOString() };
  try {
    await gradeInWorkers(jobs, { settings, parallel: a.parallel, timeoutMs: a.timeoutMs, memoryMb: a.memoryMb, onReport });
  } catch (e) {
    if (e instanceof GradingError) throw new LabsError(`could not grade: ${e.message}`);
    throw e;
  }
  if (writeError) {
    io.stderr.write(`kube-netlab: ${writeError}\n`);
    return 1;
  }
  return 0;
}

/** Prints per-submission lines in the submissions' order, whichever worker finishes first. */
class OrderedLines {
  private readonly pending = new Map<number, string>();
  private nextIndex = 0;
  constructor(private readonly out: Writable) {}
  put(i: number, line: string): void {
    this.pending.set(i, line);
    while (this.pending.has(this.nextIndex)) {
      this.out.write(this.pending.get(this.nextIndex)!);
      this.pending.delete(this.nextIndex++);
    }
  }
}

/** One report folder per submission, named after it (made unique when two share a name). */
function uniqueNames(dirs: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return dirs.map((d) => {
    const b = basename(resolve(d)) || 'submission';
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return n === 1 ? b : `${b}-${n}`;
  });
}
