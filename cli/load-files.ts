/**
 * Copying manifests from disk into a lab's in-memory working tree, for the
 * commands that build a cluster from files (why, reach). Folders are read
 * as submissions are (grading/submission.ts: regular files only, bounded).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { LAB_HOME } from '../engine/lab/index.ts';
import { Workspace } from '../engine/workspace/index.ts';
import { readSubmission, SUBMISSION_LIMITS } from '../grading/submission.ts';

/**
 * Copy each input into a fresh working tree under the lab's home: a path
 * inside the current folder keeps its relative path (so kubectl's messages
 * name the file as the user typed it); one outside it goes under
 * `input-N/<its name>`. A path that does not exist is passed on as typed,
 * so kubectl says `error: the path "…" does not exist`.
 */
export function copyInputs(inputs: readonly string[], cwd: string): { workspace: Workspace; paths: string[] } {
  const ws = new Workspace();
  ws.mkdirp(LAB_HOME);
  const paths = inputs.map((input, i) => {
    const abs = resolve(cwd, input);
    const rel = relative(cwd, abs);
    const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    const target = inside ? rel.split(sep).join('/') : `input-${i + 1}/${basename(abs) || 'root'}`;
    let st;
    try {
      st = statSync(abs);
    } catch {
      return input;
    }
    if (st.isDirectory()) {
      const sub = readSubmission(abs);
      ws.mkdirp(`${LAB_HOME}/${target}`);
      for (const [path, bytes] of sub.files) ws.write(`${LAB_HOME}/${target}/${path}`, bytes, { parents: true });
    } else if (st.isFile() && st.size <= SUBMISSION_LIMITS.maxFileBytes) {
      ws.write(`${LAB_HOME}/${target}`, readFileSync(abs), { parents: true });
    } else {
      return input;
    }
    return target;
  });
  return { workspace: ws, paths };
}
