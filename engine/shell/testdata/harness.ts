/**
 * Test helpers: a lab terminal over an in-memory workspace with the shell's
 * commands plus a tiny fake registry (`fail`, `note`), and a replay of the
 * same script through the real bash 5.2 (interactive, as STEPS.md says the
 * terminal behaves) when one is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MapRegistry, type CommandHandler, type ShellDialect, type ShellServices } from '../command.ts';
import { Shell } from '../shell.ts';
import { shellBinaries, terminalBuiltins } from '../index.ts';
import { Workspace } from '../../workspace/index.ts';

/** `fail [N]`: prints "fail: failing" on stderr and exits N (default 3). */
export const fakeCommands: Record<string, CommandHandler> = {
  fail: (ctx) => {
    ctx.stderr('fail: failing\n');
    return Number(ctx.argv[1] ?? 3);
  },
  note: (ctx) => {
    ctx.note({ code: 'test-note', message: ctx.argv.slice(1).join(' ') });
    ctx.stdout('noted\n');
    return 0;
  },
};

/** The same `fail` as a bash function, for the real-bash replay. */
export const fakePreamble = `exec 2>&1\nfail() { echo 'fail: failing' >&2; return \${1:-3}; }\n`;

/** Services without a cluster: the shell never looks inside them, only sleep is called. */
function fakeServices(slept: number[]): ShellServices {
  const services: Partial<ShellServices> = { sleep: (ms: number) => void slept.push(ms) };
  return services as ShellServices;
}

export interface Lab {
  shell: Shell;
  fs: Workspace;
  slept: number[];
}

export function makeLab(dir = '/home/lab', extra: Record<string, CommandHandler> = {}): Lab {
  const fs = new Workspace();
  fs.mkdirp(dir);
  const slept: number[] = [];
  const registry = new MapRegistry({ ...terminalBuiltins(), ...fakeCommands, ...extra });
  const shell = new Shell({ registry, fs, cwd: dir, home: dir, host: { kind: 'terminal' }, services: fakeServices(slept) });
  return { shell, fs, slept };
}

/** A container-like registry: the shell binaries under their usual names. */
export function containerRegistry(sh: ShellDialect): MapRegistry {
  const { 'sh:dash': dash, 'sh:busybox': busybox, 'sh:bash': bash, ...rest } = shellBinaries;
  const shImpl = sh === 'dash' ? dash : sh === 'busybox' ? busybox : bash;
  return new MapRegistry({ ...rest, sh: shImpl, ...fakeCommands });
}

/** Is a real bash 5.2 there to replay against? */
export function realBash52(): boolean {
  const r = spawnSync('bash', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /version 5\.2\./.test(r.stdout);
}

/** A fresh empty folder for a replay (and the emulator's same-named working directory). */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-bash-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Run `script` as typed into an interactive bash in `dir` (also $HOME), with
 * stderr sent into stdout (`exec 2>&1`) so the interleaving is bash's own.
 */
export function replayInBash(script: string, dir: string): { output: string; exitCode: number } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '--noediting', '-i', '+H'], {
    cwd: dir,
    input: fakePreamble + script + (script.endsWith('\n') ? '' : '\n'),
    env: { HOME: dir, PATH: process.env.PATH ?? '/usr/bin:/bin', PS1: '', PS2: '', LC_ALL: 'C.UTF-8', TERM: 'dumb' },
    encoding: 'utf8',
  });
  // interactive bash says "exit" when its input ends; without a terminal its
  // job control now and then complains about one (noise of the harness, not
  // the behaviour under test: it made this replay flaky)
  const output = r.stdout.replace(/exit\n$/, '').replace(/^bash: \[\d+: \d+ \(\d+\)\] tcsetattr: Inappropriate ioctl for device\n/gm, '');
  return { output, exitCode: r.status ?? -1 };
}

/** Run `sh -c script` with the real dash, named `sh` as Debian's /bin/sh is. */
export function replayInDash(script: string): { output: string; exitCode: number } | undefined {
  const r = spawnSync('bash', ['-c', 'exec -a sh dash -c "$1" 2>&1', '_', script], { encoding: 'utf8' });
  if (r.status === 127 && /dash: not found|No such file/.test(r.stdout + r.stderr)) return undefined;
  if (r.error) return undefined;
  return { output: r.stdout, exitCode: r.status ?? -1 };
}
