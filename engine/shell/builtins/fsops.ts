/**
 * mkdir, rm and touch: what a lab needs to lay out its files before `vi`
 * (GNU coreutils 9.1 wording, Debian 12; mkdir quotes with the locale's
 * ‘…’ in C.UTF-8, rm and touch with shell-style '…').
 */
import type { CommandContext, CommandHandler } from '../command.ts';
import { Workspace } from '../../workspace/index.ts';
import { isOptError, optErrorText, parseOpts } from './io.ts';

function missingOperand(ctx: CommandContext, cmd: string): number {
  ctx.stderr(`${cmd}: missing operand\nTry '${cmd} --help' for more information.\n`);
  return 1;
}

export const mkdir: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), { flags: 'pv', long: { parents: 'p', verbose: 'v' } });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('mkdir', parsed));
    return 1;
  }
  if (parsed.operands.length === 0) return missingOperand(ctx, 'mkdir');
  const parents = parsed.opts.some((o) => o.letter === 'p');
  let status = 0;
  for (const op of parsed.operands) {
    const abs = Workspace.resolve(ctx.cwd, op);
    const type = ctx.fs.type(abs);
    const parentType = ctx.fs.type(Workspace.dirname(abs));
    if (type === 'dir' && parents) continue;
    let error: string | undefined;
    if (type !== undefined) error = 'File exists';
    else if (!parents && parentType === undefined) error = 'No such file or directory';
    else if (!parents && parentType === 'file') error = 'Not a directory';
    else {
      try {
        ctx.fs.mkdirp(abs);
      } catch {
        error = 'Not a directory';
      }
    }
    if (error) {
      ctx.stderr(`mkdir: cannot create directory ‘${op}’: ${error}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), { flags: 'frRv', long: { force: 'f', recursive: 'r' } });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('rm', parsed));
    return 1;
  }
  const letters = new Set(parsed.opts.map((o) => o.letter));
  const force = letters.has('f');
  const recursive = letters.has('r') || letters.has('R');
  if (parsed.operands.length === 0) return force ? 0 : missingOperand(ctx, 'rm');
  let status = 0;
  for (const op of parsed.operands) {
    const abs = Workspace.resolve(ctx.cwd, op);
    const type = ctx.fs.type(abs);
    if (type === undefined) {
      if (!force) {
        ctx.stderr(`rm: cannot remove '${op}': No such file or directory\n`);
        status = 1;
      }
    } else if (type === 'dir' && !recursive) {
      ctx.stderr(`rm: cannot remove '${op}': Is a directory\n`);
      status = 1;
    } else if (type === 'dir') ctx.fs.removeTree(abs);
    else ctx.fs.remove(abs);
  }
  return status;
};

export const touch: CommandHandler = (ctx) => {
  const operands = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (operands.length === 0) return missingOperand(ctx, 'touch');
  let status = 0;
  for (const op of operands) {
    const abs = Workspace.resolve(ctx.cwd, op);
    if (ctx.fs.type(abs) !== undefined) continue;
    try {
      ctx.fs.write(abs, '');
    } catch {
      ctx.stderr(`touch: cannot touch '${op}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};
