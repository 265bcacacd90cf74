/**
 * `kube-netlab grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR`: run the
 * labs against each homework submission (every scenario's working directory
 * starts with a copy of the submission) and write its reports. Exits 0
 * whenever it wrote the reports, whatever the score; non-zero only when it
 * could not grade at all, with one line saying why.
 */
import { Writable } from 'node:stream';
import { basename, resolve } from 'node:path';
import { buildReport, writeReports } from '../reports/index.ts';
import { UsageError } from './args.ts';
import { checkLabs, runLabs } from './run-labs.ts';
import { toolInfo } from './tool.ts';

export const GRADE_HELP = `Usage: kube-netlab grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR

Grades homework: runs the lab features in PATH... once per submission, with
each scenario's working directory starting as a copy of the submission's
files, and writes report.json, results.json (Gradescope), junit.xml and
report.html into OUT_DIR (one sub-folder per submission when several are
given). Scenarios are weighed by their @points:N tags. A broken submission
(bad YAML, unknown kinds, missing files, hostile input) is graded, not
crashed on. The submission is read, never changed.

Exits 0 whenever the reports were written, whatever the score.

Options:
  --labs PATH...     feature files or folders (everything up to the next option)
  --out OUT_DIR      where the reports go
  --tags EXPR        only scenarios whose tags match
  -h, --help         this help
`;

interface GradeArgs {
  submissions: string[];
  labs: string[];
  out: string;
  tags?: string;
}

export function parseGradeArgs(argv: readonly string[]): GradeArgs | 'help' {
  const submissions: string[] = [];
  const labs: string[] = [];
  let out: string | undefined;
  let tags: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--labs') {
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) labs.push(argv[++i]!);
      if (labs.length === 0) throw new UsageError('--labs needs at least one feature file or folder');
    } else if (a === '--out' || a.startsWith('--out=')) {
      out = a === '--out' ? argv[++i] : a.slice(6);
      if (!out) throw new UsageError('--out needs a folder');
    } else if (a === '--tags' || a.startsWith('--tags=')) {
      tags = a === '--tags' ? argv[++i] : a.slice(7);
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a} (see kube-netlab grade --help)`);
    } else submissions.push(a);
  }
  if (submissions.length === 0) throw new UsageError('kube-netlab grade needs a SUBMISSION_DIR (see kube-netlab grade --help)');
  if (labs.length === 0) throw new UsageError('kube-netlab grade needs --labs PATH...');
  if (!out) throw new UsageError('kube-netlab grade needs --out OUT_DIR');
  return { submissions, labs, out, tags };
}

const nowhere = () => new Writable({ write: (_c, _e, cb) => cb() });

export async function gradeCommand(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string }): Promise<number> {
  const parsed = parseGradeArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(GRADE_HELP);
    return 0;
  }
  const base = { paths: parsed.labs, cwd: io.cwd, stdout: nowhere(), stderr: io.stderr, tags: parsed.tags };
  await checkLabs(base);
  const outRoot = resolve(io.cwd, parsed.out);
  const names = uniqueNames(parsed.submissions);
  for (let i = 0; i < parsed.submissions.length; i++) {
    const dir = resolve(io.cwd, parsed.submissions[i]!);
    const result = await runLabs({ ...base, formats: [], worldParameters: { submission: dir } });
    const report = buildReport(result.scenarios, { tool: toolInfo(), generatedAt: new Date().toISOString(), submission: parsed.submissions[i]!, labs: parsed.labs });
    const out = parsed.submissions.length === 1 ? outRoot : resolve(outRoot, names[i]!);
    const w = writeReports(report, out);
    if (!w.ok) {
      io.stderr.write(`kube-netlab: ${w.error}\n`);
      return 1;
    }
    io.stdout.write(`${parsed.submissions[i]}: ${report.totals.score} / ${report.totals.maxScore} points, ${report.totals.passed} of ${report.totals.scenarios} scenarios passed → ${out}\n`);
  }
  return 0;
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
