/**
 * engine/shell: the lab terminal (an interactive bash 5.2 subset), the child
 * shells of containers (dash, BusyBox ash, bash), and the commands every
 * image and the terminal share (cat, grep, jq...).
 */
import type { CommandHandler } from './command.ts';
import { cut } from './builtins/cut.ts';
import { echo } from './builtins/echo.ts';
import { cat, env, falseCommand, hostname, ls, pwdCommand, sleep, trueCommand } from './builtins/files.ts';
import { mkdir, rm, touch } from './builtins/fsops.ts';
import { grep } from './builtins/grep.ts';
import { headCommand, tailCommand } from './builtins/headtail.ts';
import { jq } from './builtins/jq.ts';
import { printf } from './builtins/printf.ts';
import { shCommand } from './builtins/sh.ts';
import { sort } from './builtins/sort.ts';
import { wc } from './builtins/wc.ts';

export {
  MapRegistry,
  type CommandContext,
  type CommandHandler,
  type CommandRegistry,
  type Host,
  type Note,
  type ShellDialect,
  type ShellServices,
  type SubshellOptions,
} from './command.ts';
export { Shell, type OutputChunk, type RunResult, type ShellOptions } from './shell.ts';
export { ShellSyntaxError, type SyntaxErrorKind } from './errors.ts';
export { loadJq } from './builtins/jq.ts';
export { translate as translatePosixRegex } from './builtins/regex.ts';

/** The commands of the lab's terminal besides the shell's own built-ins (cd, export, unset, set, exit). */
export function terminalBuiltins(): Record<string, CommandHandler> {
  return {
    echo,
    printf,
    pwd: pwdCommand,
    true: trueCommand,
    false: falseCommand,
    sleep,
    cat,
    ls,
    mkdir,
    rm,
    touch,
    grep,
    head: headCommand,
    tail: tailCommand,
    wc,
    sort,
    cut,
    env,
    hostname,
    jq,
    sh: shCommand('dash'),
    bash: shCommand('bash'),
  };
}

/** Implementation ids for the image catalogue (see the wiring brief). */
export const shellBinaries: Record<string, CommandHandler> = {
  'sh:dash': shCommand('dash'),
  'sh:busybox': shCommand('busybox'),
  'sh:bash': shCommand('bash'),
  cat,
  echo,
  printf,
  ls,
  env,
  hostname,
  grep,
  head: headCommand,
  tail: tailCommand,
  wc,
  sort,
  cut,
  sleep,
  true: trueCommand,
  false: falseCommand,
  pwd: pwdCommand,
};
