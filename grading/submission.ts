/**
 * Reading a homework submission from disk, safely: regular files only
 * (symlinks and special files are recorded, never followed), bounded in
 * size, count and depth, and never written to. What is read becomes the
 * scenario's working tree (engine/workspace), so a lab's
 * `kubectl apply -f K8S/CH05/myservice.yaml` reads the student's file.
 */
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The limits a submission is read under (named in the README). */
export const SUBMISSION_LIMITS = {
  /**
   * Bytes in one file; larger files are skipped with a problem. Above the
   * manifest loader's own 1 MiB (engine/api/manifests DEFAULT_LIMITS), so a
   * 2 MiB manifest still reaches kubectl, which names it in its error.
   */
  maxFileBytes: 4 * 1024 * 1024,
  /** Bytes in the whole submission; reading stops there. */
  maxTotalBytes: 16 * 1024 * 1024,
  /** Files in the whole submission. */
  maxFiles: 1000,
  /** Folder depth below the submission's root. */
  maxDepth: 16,
} as const;

export interface SubmissionProblem {
  code: 'SYMLINK' | 'SPECIAL_FILE' | 'FILE_TOO_LARGE' | 'TOO_MANY_FILES' | 'TOO_LARGE' | 'TOO_DEEP' | 'UNREADABLE' | 'NOT_A_FOLDER';
  /** Path relative to the submission's root, '/'-separated. */
  path: string;
  message: string;
}

export interface Submission {
  root: string;
  /** Relative path ('/'-separated) → bytes. */
  files: Map<string, Uint8Array>;
  problems: SubmissionProblem[];
  totalBytes: number;
}

export function readSubmission(root: string, limits = SUBMISSION_LIMITS): Submission {
  const sub: Submission = { root, files: new Map(), problems: [], totalBytes: 0 };
  let st: Stats;
  try {
    st = lstatSync(root);
  } catch (e) {
    sub.problems.push({ code: 'UNREADABLE', path: '.', message: `cannot read the submission folder ${root}: ${(e as Error).message}` });
    return sub;
  }
  if (!st.isDirectory()) {
    sub.problems.push({ code: 'NOT_A_FOLDER', path: '.', message: `${root} is not a folder: a submission is a folder of files` });
    return sub;
  }
  walk(sub, root, 0, limits);
  return sub;
}

function rel(sub: Submission, p: string): string {
  return relative(sub.root, p).split(sep).join('/');
}

function walk(sub: Submission, dir: string, depth: number, limits: typeof SUBMISSION_LIMITS): boolean {
  if (depth > limits.maxDepth) {
    sub.problems.push({ code: 'TOO_DEEP', path: rel(sub, dir), message: `folders nest deeper than ${limits.maxDepth} levels; the rest was not read` });
    return true;
  }
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    sub.problems.push({ code: 'UNREADABLE', path: rel(sub, dir), message: `cannot list this folder: ${(e as Error).message}` });
    return true;
  }
  for (const name of names) {
    const p = join(dir, name);
    const r = rel(sub, p);
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (e) {
      sub.problems.push({ code: 'UNREADABLE', path: r, message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (st.isSymbolicLink()) {
      sub.problems.push({ code: 'SYMLINK', path: r, message: 'a symbolic link: skipped (links are never followed)' });
      continue;
    }
    if (st.isDirectory()) {
      if (!walk(sub, p, depth + 1, limits)) return false;
      continue;
    }
    if (!st.isFile()) {
      sub.problems.push({ code: 'SPECIAL_FILE', path: r, message: 'not a regular file: skipped' });
      continue;
    }
    if (sub.files.size >= limits.maxFiles) {
      sub.problems.push({ code: 'TOO_MANY_FILES', path: r, message: `more than ${limits.maxFiles} files: the rest was not read` });
      return false;
    }
    if (st.size > limits.maxFileBytes) {
      sub.problems.push({ code: 'FILE_TOO_LARGE', path: r, message: `${st.size} bytes, over the ${limits.maxFileBytes}-byte limit for one file: skipped` });
      continue;
    }
    if (sub.totalBytes + st.size > limits.maxTotalBytes) {
      sub.problems.push({ code: 'TOO_LARGE', path: r, message: `the submission passes ${limits.maxTotalBytes} bytes here: the rest was not read` });
      return false;
    }
    try {
      const bytes = readFileSync(p);
      sub.files.set(r, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      sub.totalBytes += bytes.byteLength;
    } catch (e) {
      sub.problems.push({ code: 'UNREADABLE', path: r, message: `cannot read: ${(e as Error).message}` });
    }
  }
  return true;
}
