/**
 * Grading many submissions with worker processes (`grade --parallel N`).
 * Each worker loads the steps once and grades one submission at a time;
 * the parent hands out the next submission as a worker answers, stops a
 * worker that runs past the per-submission time limit, and turns a
 * crash or a timeout into that submission's report ("not graded: …")
 * instead of failing the run. A submission's report does not depend on
 * which worker graded it or what it graded before, so the output is the
 * same bytes whatever the number of workers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabReport, ReportProblem, ScenarioRecord } from '../reports/index.ts';
import { unfinishedReport, type GradeJob, type GradeSettings } from './grade-one.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { FROM_BUNDLE } from '../cli/run-labs.ts';

export interface PoolOptions {
  settings: GradeSettings;
  /** Worker processes (at most one per submission). */
  parallel: number;
  /** Per-submission wall-clock limit. */
  timeoutMs: number;
  /** V8 heap limit of each worker (--max-old-space-size), in MiB. */
  memoryMb: number;
  /** Called as each submission's report is ready (any order); the pool keeps no report. */
  onReport: (index: number, report: LabReport) => void;
  /** The worker module; tests pass a stand-in. */
  workerPath?: string;
}

export class GradingError extends Error {}

type Outcome = { kind: 'done'; report: LabReport } | { kind: 'failed'; problem: ReportProblem } | { kind: 'lost'; problem: ReportProblem };

/** How long a worker may take to load the steps and list the labs (a loaded CI machine is slow). */
const STARTUP_MS = 120_000;
/**
 * The worker runs the same code as this process: from dist/'s bundle,
 * dist/worker.cjs (plain JavaScript from V8's code cache); from the
 * sources, grading/worker.ts through tsx, which spends about a second of
 * CPU per worker compiling the TypeScript.
 */
const WORKER = fileURLToPath(new URL(FROM_BUNDLE ? '../dist/worker.cjs' : './worker.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
/**
 * The young generation's semi-space size, in MiB (V8's default: 16). A
 * submission's run allocates much short-lived data (cluster clones,
 * Cucumber's messages); with more room less of it is still alive at a
 * scavenge. Measured on 200 submissions: ~13% less worker CPU for ~25 MiB
 * more memory per worker (64 MiB saved little more for ~90 MiB).
 */
export const SEMI_SPACE_MB = 32;

class Worker {
  private readonly child: ChildProcess;
  readonly ready: Promise<ScenarioRecord[]>;
  private exitListeners: ((why: string) => void)[] = [];
  private exited: string | undefined;

  constructor(o: PoolOptions) {
    const path = o.workerPath ?? WORKER;
    const loader = path.endsWith('.ts') ? ['--import', TSX] : [];
    this.child = fork(path, [], {
      execArgv: [...loader, `--max-old-space-size=${o.memoryMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      cwd: o.settings.cwd,
    });
    this.child.on('exit', (code, signal) => {
      this.exited = signal ? `signal ${signal}` : `exit code ${code}${code === 134 ? ', out of memory?' : ''}`;
      for (const l of this.exitListeners) l(this.exited);
    });
    this.child.on('error', () => {});
    this.ready = new Promise((resolve, reject) => {
      const limit = Math.max(o.timeoutMs, STARTUP_MS);
      const timer = setTimeout(() => reject(new GradingError(`a grading worker did not start within ${limit / 1000} s`)), limit);
      const onMsg = (m: FromWorker) => {
        if (m.type !== 'ready' && m.type !== 'fatal') return;
        clearTimeout(timer);
        this.child.off('message', onMsg);
        if (m.type === 'ready') resolve(m.skeleton);
        else reject(new GradingError(m.message));
      };
      this.child.on('message', onMsg);
      this.exitListeners.push((why) => {
        clearTimeout(timer);
        reject(new GradingError(`a grading worker stopped while starting (${why})`));
      });
    });
    this.ready.catch(() => this.kill());
    this.send({ type: 'init', settings: o.settings });
  }

  private send(m: ToWorker): void {
    if (this.child.connected) this.child.send(m);
  }

  grade(index: number, job: GradeJob, timeoutMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const finish = (o: Outcome) => {
        clearTimeout(timer);
        this.child.off('message', onMsg);
        this.exitListeners = this.exitListeners.filter((l) => l !== onExit);
        resolve(o);
      };
      const onMsg = (m: FromWorker) => {
        if (m.type === 'done' && m.index === index) finish({ kind: 'done', report: m.report });
        else if (m.type === 'failed' && m.index === index) finish({ kind: 'failed', problem: { code: 'GRADING_ERROR', path: '.', message: `grading stopped with an error: ${m.message}` } });
      };
      const onExit = (why: string) => finish({ kind: 'lost', problem: { code: 'CRASH', path: '.', message: `the grading process crashed (${why})` } });
      const timer = setTimeout(() => {
        finish({ kind: 'lost', problem: { code: 'TIMEOUT', path: '.', message: `grading took longer than ${timeoutMs / 1000} s and was stopped` } });
        this.kill();
      }, timeoutMs);
      this.child.on('message', onMsg);
      if (this.exited) return onExit(this.exited);
      this.exitListeners.push(onExit);
      this.send({ type: 'grade', index, job });
    });
  }

  kill(): void {
    if (this.exited === undefined) this.child.kill('SIGKILL');
  }

  /** Let the worker finish on its own: it exits when the channel closes. */
  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** Grades every job, handing each report to onReport. Throws GradingError only when a worker cannot start. */
export async function gradeInWorkers(jobs: readonly GradeJob[], o: PoolOptions): Promise<void> {
  let next = 0;
  let skeleton: ScenarioRecord[] | undefined;
  const slot = async () => {
    let w: Worker | undefined;
    try {
      while (next < jobs.length) {
        const i = next++;
        if (!w) {
          w = new Worker(o);
          skeleton = await w.ready;
        }
        const out = await w.grade(i, jobs[i]!, o.timeoutMs);
        if (out.kind === 'lost') w = undefined;
        o.onReport(i, out.kind === 'done' ? out.report : unfinishedReport(jobs[i]!, o.settings, skeleton ?? [], out.problem));
      }
    } finally {
      w?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.parallel, jobs.length)) }, slot));
}
