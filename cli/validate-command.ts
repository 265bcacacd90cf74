/**
 * `kube-netlab validate FILE...`: checks manifests on their own, without a
 * lab, as `kubectl apply` would against a fresh default k3s cluster, and
 * prints each problem as `file:line:column: field: message`. Exits 1 when
 * any manifest has an error, 0 when all are valid, 2 on bad arguments.
 * Files and folders are read with the grading limits (grading/submission.ts);
 * symbolic links are not followed.
 */
import type { Writable } from 'node:stream';
import { lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Workspace } from '../engine/workspace/index.ts';
import { LAB_HOME } from '../engine/lab/index.ts';
import { formatDiagnostic, readSubmission, SUBMISSION_LIMITS, validateManifests } from '../grading/index.ts';
import { UsageError } from './args.ts';

export const VALIDATE_HELP = `Usage: kube-netlab validate FILE...

Checks Kubernetes manifests (YAML or JSON files, or folders of them) without
running a lab: YAML syntax, encoding, known kinds and fields, Go types, then
the API server's validation against a fresh default k3s cluster. Prints each
problem as FILE:LINE:COLUMN: FIELD: MESSAGE.

Exits 0 when every manifest is valid, 1 when one is not, 2 on bad arguments.
`;

export async function validateCommand(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string }): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(VALIDATE_HELP);
    return 0;
  }
  const paths = argv.filter((a) => a !== '--');
  const unknown = paths.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new UsageError(`unknown option ${unknown} (see kube-netlab validate --help)`);
  if (paths.length === 0) throw new UsageError('kube-netlab validate needs a FILE (see kube-netlab validate --help)');
  const ws = new Workspace();
  const readErrors: string[] = [];
  for (const p of paths) readInto(ws, io.cwd, p, readErrors);
  const result = validateManifests(ws, paths);
  for (const line of readErrors) io.stdout.write(`${line}\n`);
  for (const d of result.diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = readErrors.length + result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors === 0) io.stdout.write(`${result.documents} document(s) valid\n`);
  return errors === 0 ? 0 : 1;
}

/** Copies one argument's file or folder from disk into the workspace, at the path the loader will look for. */
function readInto(ws: Workspace, cwd: string, arg: string, errors: string[]): void {
  const abs = resolve(cwd, arg);
  const target = Workspace.resolve(LAB_HOME, arg);
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return; // the loader reports the missing path as kubectl does
  }
  if (st.isDirectory()) {
    const sub = readSubmission(abs);
    for (const p of sub.problems) errors.push(`${arg.replace(/\/+$/, '')}/${p.path}:1:1: ${p.message}`);
    for (const [rel, bytes] of sub.files) ws.write(`${target}/${rel}`, bytes, { parents: true });
  } else if (st.isSymbolicLink()) {
    errors.push(`${arg}:1:1: a symbolic link: not followed`);
  } else if (!st.isFile()) {
    errors.push(`${arg}:1:1: not a regular file`);
  } else if (st.size > SUBMISSION_LIMITS.maxFileBytes) {
    errors.push(`${arg}:1:1: ${st.size} bytes, over the ${SUBMISSION_LIMITS.maxFileBytes}-byte limit for one file`);
  } else {
    ws.write(target, new Uint8Array(readFileSync(abs)), { parents: true });
  }
}
