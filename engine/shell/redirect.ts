/**
 * Redirections, applied left to right as bash does (`> f 2>&1` sends both to
 * f; `2>&1 > f` sends stderr where stdout was). A file is truncated when
 * opened and each write appends, so `cat f > f` empties f as in bash.
 */
import type { Redirect } from './ast.ts';
import type { Streams, Writer } from './state.ts';
import { Workspace, WorkspaceError } from '../workspace/index.ts';

export interface RedirectTarget {
  /** The target's fields after expansion (more or less than one is "ambiguous redirect"). */
  fields: string[];
  raw: string;
}

export type RedirectFailure = { kind: 'ambiguous'; raw: string } | { kind: 'file'; file: string; mode: 'create' | 'open'; reason: string } | { kind: 'bad-fd'; fd: string };

export type RedirectResult = { ok: true; io: Streams } | { ok: false; failure: RedirectFailure };

const discard: Writer = () => {};

export function applyRedirects(
  redirects: readonly Redirect[],
  io: Streams,
  expand: (r: Redirect) => RedirectTarget,
  fs: Workspace,
  cwd: string,
): RedirectResult {
  const fds = new Map<number, Writer>([
    [1, io.out],
    [2, io.err],
  ]);
  let stdin = io.stdin;
  for (const r of redirects) {
    const { fields, raw } = expand(r);
    if (fields.length !== 1) return { ok: false, failure: { kind: 'ambiguous', raw } };
    const target = fields[0];
    if ((r.op === '>&' || r.op === '<&') && /^[0-9]+$|^-$/.test(target)) {
      const from = target === '-' ? discard : fds.get(Number(target));
      if (!from) return { ok: false, failure: { kind: 'bad-fd', fd: target } };
      fds.set(r.fd, from);
      continue;
    }
    if (r.op === '<' || r.op === '<&') {
      const read = readFile(fs, cwd, target);
      if (typeof read !== 'string') return { ok: false, failure: read };
      stdin = read;
      continue;
    }
    const writer = openFile(fs, cwd, target, r.op === '>>' || r.op === '&>>', fds);
    if (typeof writer !== 'function') return { ok: false, failure: writer };
    if (r.op === '&>' || r.op === '&>>' || (r.op === '>&' && r.fd === 1)) {
      fds.set(1, writer);
      fds.set(2, writer);
    } else fds.set(r.fd, writer);
  }
  return { ok: true, io: { stdin, out: fds.get(1)!, err: fds.get(2)! } };
}

function openFile(fs: Workspace, cwd: string, file: string, append: boolean, fds: Map<number, Writer>): Writer | RedirectFailure {
  if (file === '/dev/null') return discard;
  if (file === '/dev/stdout' || file === '/dev/tty') return fds.get(1)!;
  if (file === '/dev/stderr') return fds.get(2)!;
  const path = Workspace.resolve(cwd, file);
  try {
    if (fs.type(path) === 'dir') return { kind: 'file', file, mode: 'create', reason: 'Is a directory' };
    if (!append || fs.type(path) !== 'file') fs.write(path, '');
  } catch (e) {
    return { kind: 'file', file, mode: 'create', reason: reasonOf(e) };
  }
  return (text) => fs.write(path, text, { append: true });
}

function readFile(fs: Workspace, cwd: string, file: string): string | RedirectFailure {
  if (file === '/dev/null') return '';
  try {
    return fs.readText(Workspace.resolve(cwd, file));
  } catch (e) {
    return { kind: 'file', file, mode: 'open', reason: reasonOf(e) };
  }
}

/** The strerror text for a workspace failure. */
export function reasonOf(e: unknown): string {
  if (e instanceof WorkspaceError) {
    if (e.code === 'EISDIR') return 'Is a directory';
    if (e.code === 'ENOTDIR') return 'Not a directory';
    if (e.code === 'EEXIST') return 'File exists';
    return 'No such file or directory';
  }
  throw e;
}
