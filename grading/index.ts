/** grading/: reading homework submissions safely and grading them, in worker processes. */
export { readSubmission, SUBMISSION_LIMITS, type Submission, type SubmissionProblem } from './submission.ts';
export { gradeSubmission, labSkeleton, unfinishedReport, type GradeJob, type GradeSettings } from './grade-one.ts';
export { gradeInWorkers, GradingError, type PoolOptions } from './pool.ts';
export { parseShard, shardPositions, type Shard } from './shard.ts';
export type { FromWorker, ToWorker } from './protocol.ts';
export { fieldSegments, ManifestLocator } from './locate.ts';
export { formatDiagnostic, validateManifests, type Diagnostic, type ValidateResult } from './validate.ts';
export { firstBadUtf8Line, lintSubmission, LINT_LIMITS } from './lint.ts';
