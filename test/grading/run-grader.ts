/**
 * Runs the real CLI (`node bin/kube-netlab.js grade …`) as a child process,
 * as a teacher would, and measures it: wall time, and peak RSS of the
 * grader and its workers (GNU time's maximum resident set size, which
 * covers waited-for descendants).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'kube-netlab.js');
export const LABS = join(ROOT, 'test', 'grading', 'labs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** Peak RSS in KiB, undefined when /usr/bin/time is missing. */
  peakKiB?: number;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const timed = existsSync('/usr/bin/time');
  const rssFile = join(mkdtempSync(join(tmpdir(), 'knl-rss-')), 'rss');
  const cmd = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '%M', '-o', rssFile, process.execPath, BIN, ...args] : [BIN, ...args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60_000 });
  const wallMs = performance.now() - t0;
  const peakKiB = timed && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : undefined;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wallMs, peakKiB };
}

/** A hash of a folder tree: names, types, bytes and link targets (links are not followed). */
export function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      h.update(`${rel}/${name}\0${st.mode}\0`);
      if (st.isSymbolicLink()) h.update(`-> ${readlinkSync(p)}\0`);
      else if (st.isDirectory()) walk(p, `${rel}/${name}`);
      else h.update(readFileSync(p));
    }
  };
  walk(dir, '');
  return h.digest('hex');
}

/** Every path under dir, relative, sorted (links not followed). */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      out.push(`${rel}${name}`);
      if (lstatSync(p).isDirectory()) walk(p, `${rel}${name}/`);
    }
  };
  walk(dir, '');
  return out;
}
