/**
 * The shell's own built-ins: the ones that change the shell (cd, export,
 * unset, set, exit) and the ones bash, dash and BusyBox answer themselves
 * before looking at PATH (echo, printf, pwd, true, false, `:`).
 */
import type { ShellDialect } from '../command.ts';
import { cdError, prefix } from '../messages.ts';
import type { Runner } from '../runner.ts';
import { ExitRequest, type Streams } from '../state.ts';
import { Workspace } from '../../workspace/index.ts';
import { dashEcho, echo } from './echo.ts';
import { printf } from './printf.ts';

export interface BuiltinCall {
  runner: Runner;
  argv: string[];
  io: Streams;
  /** The source line of the command (dash and `sh FILE` put it in messages). */
  line: number;
  /** `NAME=v` prefixes of this command. */
  assigned: ReadonlyMap<string, string>;
}

export type Builtin = (call: BuiltinCall) => number;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const cd: Builtin = ({ runner, argv, io, line }) => {
  const { state, env } = runner;
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1 && env.id.dialect === 'bash') {
    io.err(`${prefix(env.id, line)}cd: too many arguments\n`);
    return 1;
  }
  let dir = args[0] ?? state.get('HOME') ?? env.home;
  const printNew = dir === '-';
  if (printNew) dir = state.get('OLDPWD') ?? state.cwd;
  const path = Workspace.resolve(state.cwd, dir);
  const type = env.fs.type(path);
  if (type !== 'dir') {
    const err = cdError(env.id, dir, type === 'file' ? 'Not a directory' : 'No such file or directory', line);
    io.err(err.text);
    return err.code;
  }
  state.set('OLDPWD', state.cwd);
  state.cwd = path;
  state.set('PWD', path);
  if (printNew) io.out(path + '\n');
  return 0;
};

const pwd: Builtin = ({ runner, io }) => {
  io.out(runner.state.cwd + '\n');
  return 0;
};

const exportBuiltin: Builtin = ({ runner, argv, io, line }) => {
  const { state, env } = runner;
  const args = argv.slice(1).filter((a) => a !== '--');
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const names = [...state.vars.keys()].filter((k) => state.vars.get(k)!.exported).sort();
    for (const k of names) io.out(`declare -x ${k}="${state.get(k)!.replace(/(["\\$`])/g, '\\$1')}"\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      io.err(`${prefix(env.id, line)}export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    // `export NAME` of an unset NAME marks nothing visible in bash's environment either.
    if (eq >= 0) state.set(name, arg.slice(eq + 1), true);
    else if (state.get(name) !== undefined) state.set(name, state.get(name)!, true);
  }
  return status;
};

const unset: Builtin = ({ runner, argv }) => {
  for (const name of argv.slice(1)) if (name !== '-v' && name !== '-f') runner.state.vars.delete(name);
  return 0;
};

const exit: Builtin = ({ runner, argv, io }) => {
  if (runner.env.id.interactive && !runner.subshell) io.err('exit\n');
  const n = argv[1] === undefined ? runner.state.status : Number.parseInt(argv[1], 10);
  throw new ExitRequest(Number.isNaN(n) ? 2 : ((n % 256) + 256) % 256);
};

const set: Builtin = ({ runner, argv, io }) => {
  const { state } = runner;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      state.params = argv.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = argv[++i];
      if (opt === 'pipefail') state.pipefail = a === '-o';
      else if (opt === 'errexit') state.errexit = a === '-o';
      else return unsupportedSet(io, `${a} ${opt ?? ''}`.trim());
      continue;
    }
    if (/^[-+][eu]+$/.test(a)) {
      if (a.includes('e')) state.errexit = a[0] === '-';
      continue;
    }
    return unsupportedSet(io, a);
  }
  return 0;
};

function unsupportedSet(io: Streams, opt: string): number {
  io.err(`set: the lab shell does not support set ${opt}\n`);
  return 2;
}

const trueB: Builtin = () => 0;
const falseB: Builtin = () => 1;

/** A CommandHandler run as a built-in (echo, printf): same code as the binaries. */
function viaHandler(handler: typeof echo): Builtin {
  return ({ runner, argv, io, assigned }) => runner.callHandler(handler, argv, io, assigned);
}

const common: Record<string, Builtin> = {
  cd,
  pwd,
  export: exportBuiltin,
  unset,
  exit,
  set,
  true: trueB,
  false: falseB,
  ':': trueB,
  printf: viaHandler(printf),
};

const tables: Record<ShellDialect, Record<string, Builtin>> = {
  bash: { ...common, echo: viaHandler(echo) },
  busybox: { ...common, echo: viaHandler(echo) },
  dash: { ...common, echo: viaHandler(dashEcho) },
};

export function shellBuiltinsFor(dialect: ShellDialect): Readonly<Record<string, Builtin>> {
  return tables[dialect];
}
