/**
 * The CommandContext every handler receives: its argv, streams, variables,
 * file tree, host and services, plus `runScript` (a child shell sharing the
 * streams: `sh -c`) and `exec` (argv straight into a registry: `kubectl exec`).
 */
import type { CommandContext, CommandRegistry, SubshellOptions } from './command.ts';
import type { ShellIdentity } from './messages.ts';
import { runScriptText } from './script.ts';
import { ShellState, type RunnerEnv, type Streams } from './state.ts';

export interface CallSite {
  argv: string[];
  io: Streams;
  env: ReadonlyMap<string, string>;
  environ: ReadonlyMap<string, string>;
  cwd: string;
  registry: CommandRegistry;
}

export function makeContext(env: RunnerEnv, call: CallSite): CommandContext {
  const { io } = call;
  return {
    argv: call.argv,
    stdin: io.stdin,
    stdout: (text) => {
      if (text) io.out(text);
    },
    stderr: (text) => {
      if (text) io.err(text);
    },
    env: call.env,
    environ: call.environ,
    cwd: call.cwd,
    fs: env.fs,
    host: env.host,
    services: env.services,
    registry: call.registry,
    dialect: env.id.dialect,
    note: (n) => {
      env.notes.push(n);
    },
    runScript: (script, opts) => runChild(env, io, script, opts),
    exec: (argv, opts) => execIn(env, io, argv, opts),
  };
}

/** A non-interactive child shell (`sh -c`, `sh FILE`) writing to the caller's streams. */
function runChild(parent: RunnerEnv, io: Streams, script: string, opts: SubshellOptions): number {
  const id: ShellIdentity = {
    dialect: opts.dialect,
    interactive: false,
    arg0: opts.arg0 ?? (opts.dialect === 'bash' ? 'bash' : 'sh'),
    scriptFile: opts.scriptFile ?? false,
  };
  const env: RunnerEnv = { ...childEnv(parent, opts), id };
  const state = new ShellState(opts.cwd, opts.args ?? []);
  for (const [k, v] of opts.env ?? []) state.set(k, v, true);
  state.errexit = opts.errexit ?? false;
  return runScriptText(env, state, script, { stdin: opts.stdin ?? '', out: io.out, err: io.err });
}

function execIn(parent: RunnerEnv, io: Streams, argv: string[], opts: SubshellOptions): number {
  const handler = argv.length ? opts.registry.get(argv[0]) : undefined;
  if (!handler) return 127;
  const env = childEnv(parent, opts);
  const vars = new Map(opts.env ?? []);
  return handler(
    makeContext(
      { ...env, id: { dialect: opts.dialect, interactive: false, arg0: argv[0], scriptFile: false } },
      { argv, io: { stdin: opts.stdin ?? '', out: io.out, err: io.err }, env: vars, environ: vars, cwd: opts.cwd, registry: opts.registry },
    ),
  );
}

function childEnv(parent: RunnerEnv, opts: SubshellOptions): Omit<RunnerEnv, 'id'> {
  return {
    registry: opts.registry,
    fs: opts.fs,
    host: opts.host,
    services: parent.services,
    home: opts.env?.get('HOME') ?? '/root',
    notes: parent.notes,
  };
}
