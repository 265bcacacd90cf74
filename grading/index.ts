/** grading/: reading homework submissions safely and grading them, in worker processes. */
export { readSubmission, SUBMISSION_LIMITS, type Submission, type SubmissionProblem } from './submission.ts';
export { gradeSubmission, labSkeleton, unfinishedReport, type GradeJob, type GradeSettings } from './grade-one.ts';
export { gradeInWorkers, GradingError, type PoolOptions } from './pool.ts';
export { parseShard, shardPositions, type Shard } from './shard.ts';
export type { FromWorker, ToWorker } from './protocol.ts';
