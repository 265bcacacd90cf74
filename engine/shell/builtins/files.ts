/**
 * The small file and process commands: cat, ls, pwd, env, hostname, sleep,
 * true, false. GNU coreutils wording by default; BusyBox's where it differs
 * and the command runs in a BusyBox shell.
 */
import type { CommandContext, CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand, splitKeep } from './io.ts';
import { Workspace } from '../../workspace/index.ts';

export const cat: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), { flags: 'n', long: { number: 'n' } });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('cat', parsed));
    return 1;
  }
  const number = parsed.opts.length > 0;
  let status = 0;
  let lineNo = 0;
  for (const f of parsed.operands.length ? parsed.operands : ['-']) {
    const isDir = f !== '-' && ctx.fs.type(Workspace.resolve(ctx.cwd, f)) === 'dir';
    const r = isDir ? { error: 'Is a directory' } : readOperand(ctx, f);
    if ('error' in r) {
      ctx.stderr(ctx.dialect === 'busybox' && !isDir ? `cat: can't open '${f}': ${r.error}\n` : `cat: ${f}: ${r.error}\n`);
      status = 1;
      continue;
    }
    ctx.stdout(number ? splitKeep(r.text).map((l) => `${String(++lineNo).padStart(6)}\t${l}`).join('') : r.text);
  }
  return status;
};

/** `ls` as into a pipe: one name a line, sorted bytewise; -a / -A; -1 accepted. */
export const ls: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), { flags: '1aAlF', long: { all: 'a', 'almost-all': 'A' } });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('ls', parsed));
    return 2;
  }
  const flags = new Set(parsed.opts.map((o) => o.letter));
  if (flags.has('l')) {
    ctx.stderr('ls: the lab shell does not support -l (no file metadata is modelled)\n');
    return 2;
  }
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  const files: string[] = [];
  const dirs: string[] = [];
  let status = 0;
  for (const op of operands) {
    const type = ctx.fs.type(Workspace.resolve(ctx.cwd, op));
    if (type === undefined) {
      ctx.stderr(ctx.dialect === 'busybox' ? `ls: ${op}: No such file or directory\n` : `ls: cannot access '${op}': No such file or directory\n`);
      status = 2;
    } else (type === 'dir' ? dirs : files).push(op);
  }
  const blocks: string[] = [];
  if (files.length) blocks.push(files.sort(bytewise).map((f) => f + '\n').join(''));
  for (const d of dirs.sort(bytewise)) {
    const header = operands.length > 1 ? `${d}:\n` : '';
    blocks.push(header + listDir(ctx, d, flags).map((n) => n + '\n').join(''));
  }
  ctx.stdout(blocks.join('\n'));
  return status;
};

function listDir(ctx: CommandContext, dir: string, flags: Set<string>): string[] {
  const names = ctx.fs.list(Workspace.resolve(ctx.cwd, dir));
  if (flags.has('a')) return ['.', '..', ...names].sort(bytewise);
  if (flags.has('A')) return names;
  return names.filter((n) => !n.startsWith('.'));
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const pwdCommand: CommandHandler = (ctx) => {
  ctx.stdout(ctx.cwd + '\n');
  return 0;
};

export const trueCommand: CommandHandler = () => 0;
export const falseCommand: CommandHandler = () => 1;

/** `env` prints the environment; `env NAME=v CMD ARGS` runs CMD with it. */
export const env: CommandHandler = (ctx) => {
  const vars = new Map(ctx.environ ?? ctx.env);
  const args = ctx.argv.slice(1);
  while (args.length) {
    if (args[0] === '-i' || args[0] === '--ignore-environment') {
      vars.clear();
      args.shift();
    } else if (args[0] === '-u' && args.length > 1) {
      vars.delete(args[1]);
      args.splice(0, 2);
    } else if (/^[^=]+=/.test(args[0]) && !args[0].startsWith('-')) {
      const a = args.shift()!;
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    } else break;
  }
  if (args.length === 0) {
    for (const [k, v] of vars) ctx.stdout(`${k}=${v}\n`);
    return 0;
  }
  if (!ctx.registry.get(args[0])) {
    ctx.stderr(ctx.dialect === 'busybox' ? `env: can't execute '${args[0]}': No such file or directory\n` : `env: ‘${args[0]}’: No such file or directory\n`);
    return 127;
  }
  return ctx.exec(args, { registry: ctx.registry, fs: ctx.fs, cwd: ctx.cwd, host: ctx.host, env: vars, dialect: ctx.dialect, stdin: ctx.stdin });
};

/** The container's /etc/hostname; the lab terminal's machine is called `lab`. */
export const hostname: CommandHandler = (ctx) => {
  let name = 'lab';
  try {
    name = ctx.fs.readText('/etc/hostname').trim() || name;
  } catch {
    // no /etc/hostname: the terminal
  }
  ctx.stdout(name + '\n');
  return 0;
};

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep N[smhd]...`: moves the simulated clock (services.sleep), never the real one. */
export const sleep: CommandHandler = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr(`sleep: missing operand\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    ms += Number(m[1]) * UNIT_MS[m[2]];
  }
  ctx.services.sleep?.(Math.round(ms));
  return 0;
};
