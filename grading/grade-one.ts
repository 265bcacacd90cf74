/**
 * Grading one submission in this process: read it (with limits), run the
 * labs with every scenario's working tree starting as a copy of it, and
 * build its report. The report's problems list what the reading skipped
 * (symlinks, files over a limit, …), located by path. A grading worker
 * calls this once per submission; nothing here writes to disk.
 */
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { buildReport, type LabReport, type ReportProblem, type ScenarioRecord } from '../reports/index.ts';
import { runLabs } from '../cli/run-labs.ts';
import { toolInfo } from '../cli/tool.ts';
import { forgetSubmissions, submissionFor, workspaceFromSubmission } from '../steps/submission.ts';
import { lintSubmission } from './lint.ts';

export interface GradeSettings {
  labs: string[];
  /** Where lab paths and submission folders are resolved from. */
  cwd: string;
  tags?: string;
  /** The report's generatedAt: one reading for the whole run, so reports differ only there. */
  generatedAt: string;
}

export interface GradeJob {
  /** The folder as given on the command line (shown in the report). */
  shown: string;
}

const nowhere = () => new Writable({ write: (_c, _e, cb) => cb() });
/**
 * Cucumber always runs a formatter on stdout: 'progress' unless told
 * otherwise, which formats every step and a summary, here for nobody.
 * 'rerun' is the built-in one that does least (failed scenarios' lines, once).
 */
const QUIET = ['rerun'];

export async function gradeSubmission(job: GradeJob, s: GradeSettings, stderr: Writable): Promise<LabReport> {
  const root = resolve(s.cwd, job.shown);
  try {
    const sub = submissionFor(root);
    const problems: ReportProblem[] = sub.problems.map((p) => ({ code: p.code, path: p.path, message: p.message }));
    problems.push(...lintSubmission(sub, workspaceFromSubmission(sub)));
    const result = await runLabs({ paths: s.labs, cwd: s.cwd, stdout: nowhere(), stderr, tags: s.tags, formats: QUIET, worldParameters: { submission: root } });
    return buildReport(result.scenarios, meta(job, s, problems));
  } finally {
    forgetSubmissions();
  }
}

function meta(job: GradeJob, s: GradeSettings, problems: ReportProblem[]) {
  return { tool: toolInfo(), generatedAt: s.generatedAt, submission: job.shown, labs: s.labs, problems };
}

/** The labs' scenarios, listed without running them: what a crashed or stopped submission is graded against. */
export async function labSkeleton(s: GradeSettings, stderr: Writable): Promise<ScenarioRecord[]> {
  const result = await runLabs({ paths: s.labs, cwd: s.cwd, stdout: nowhere(), stderr, tags: s.tags, formats: QUIET, dryRun: true });
  return result.scenarios;
}

/**
 * The report of a submission whose grading did not finish (the worker
 * crashed or ran out of time): every scenario failed, zero points, and the
 * reason as a problem of the whole submission.
 */
export function unfinishedReport(job: GradeJob, s: GradeSettings, skeleton: readonly ScenarioRecord[], problem: ReportProblem): LabReport {
  const failure = `not graded: ${problem.message}`;
  const scenarios = skeleton.map((r) => ({
    ...r,
    status: 'failed' as const,
    failure,
    reasons: [],
    commands: [],
    steps: r.steps.map((st) => ({ keyword: st.keyword, text: st.text, status: 'skipped' })),
  }));
  return buildReport(scenarios, meta(job, s, [problem]));
}
