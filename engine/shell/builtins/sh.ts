/**
 * `sh` / `bash` as binaries inside containers: `sh -c 'SCRIPT' [ARG0 [ARGS]]`,
 * `sh FILE [ARGS]`, or a script on stdin, with -e. The dialect decides how
 * the child shell words its errors (dash on Debian images, BusyBox ash on
 * busybox and Alpine, bash where bash is /bin/sh).
 */
import type { CommandContext, CommandHandler, ShellDialect } from '../command.ts';
import { readOperand } from './io.ts';

export function shCommand(dialect: ShellDialect): CommandHandler {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    let command = false;
    let errexit = false;
    while (args.length && /^[-+][a-zA-Z]+$|^--$/.test(args[0])) {
      const a = args.shift()!;
      if (a === '--') break;
      if (a.includes('c')) command = true;
      if (a.includes('e')) errexit = a[0] === '-';
    }
    const self = ctx.argv[0];
    if (command) {
      if (args.length === 0) return fail(ctx, missingScript(dialect, self), 2);
      const [script, arg0, ...rest] = args;
      return run(ctx, dialect, script, { arg0: arg0 ?? self, args: rest, errexit });
    }
    if (args.length) {
      const [file, ...rest] = args;
      const r = readOperand(ctx, file);
      if ('error' in r) return fail(ctx, cannotOpen(dialect, self, file, r.error), dialect === 'bash' ? 127 : 2);
      return run(ctx, dialect, r.text, { arg0: file, args: rest, errexit, scriptFile: true });
    }
    return run(ctx, dialect, ctx.stdin, { arg0: self, args: [], errexit, stdin: '' });
  };
}

function run(
  ctx: CommandContext,
  dialect: ShellDialect,
  script: string,
  o: { arg0: string; args: string[]; errexit: boolean; scriptFile?: boolean; stdin?: string },
): number {
  return ctx.runScript(script, {
    registry: ctx.registry,
    fs: ctx.fs,
    cwd: ctx.cwd,
    host: ctx.host,
    env: ctx.environ ?? ctx.env,
    dialect,
    stdin: o.stdin ?? ctx.stdin,
    arg0: o.arg0,
    args: o.args,
    errexit: o.errexit,
    scriptFile: o.scriptFile,
  });
}

function fail(ctx: CommandContext, text: string, code: number): number {
  ctx.stderr(text);
  return code;
}

function missingScript(dialect: ShellDialect, self: string): string {
  if (dialect === 'dash') return `${self}: 0: -c requires an argument\n`;
  if (dialect === 'busybox') return `${self}: -c requires an argument\n`;
  return `${self}: -c: option requires an argument\n`;
}

function cannotOpen(dialect: ShellDialect, self: string, file: string, reason: string): string {
  if (dialect === 'dash') return `${self}: 0: cannot open ${file}: No such file\n`;
  if (dialect === 'busybox') return `${self}: can't open '${file}': ${reason}\n`;
  return `${self}: ${file}: ${reason}\n`;
}
