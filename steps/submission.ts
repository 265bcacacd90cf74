/**
 * Grading: every scenario's working directory starts with a copy of the
 * submission's files. The submission is read from disk once per process and
 * copied into each scenario's in-memory tree.
 */
import { Workspace } from '../engine/workspace/index.ts';
import { LAB_HOME } from '../engine/lab/index.ts';
import { readSubmission, type Submission } from '../grading/submission.ts';

const cache = new Map<string, Submission>();

export function submissionFor(root: string): Submission {
  let sub = cache.get(root);
  if (!sub) cache.set(root, (sub = readSubmission(root)));
  return sub;
}

/** Forget the submissions read so far (a grading worker does, between submissions, to keep its memory flat). */
export function forgetSubmissions(): void {
  cache.clear();
}

/** A fresh working tree holding the submission's files under the lab's home. */
export function workspaceFromSubmission(sub: Submission): Workspace {
  const ws = new Workspace();
  ws.mkdirp(LAB_HOME);
  for (const [path, bytes] of sub.files) ws.write(`${LAB_HOME}/${path}`, bytes, { parents: true });
  return ws;
}
