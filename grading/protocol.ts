/**
 * The messages between `kube-netlab grade` and its grading workers
 * (child_process.fork, IPC as JSON). One submission at a time per worker,
 * so the parent can stop exactly the one that runs too long.
 */
import type { LabReport, ScenarioRecord } from '../reports/index.ts';
import type { GradeJob, GradeSettings } from './grade-one.ts';

export type ToWorker =
  | { type: 'init'; settings: GradeSettings }
  | { type: 'grade'; index: number; job: GradeJob };

export type FromWorker =
  | { type: 'ready'; skeleton: ScenarioRecord[] }
  | { type: 'done'; index: number; report: LabReport }
  | { type: 'failed'; index: number; message: string }
  | { type: 'fatal'; message: string };
