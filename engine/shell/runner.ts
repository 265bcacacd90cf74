/**
 * Runs parsed commands: lists, `&&`/`||`, pipelines (left to right, each
 * stage getting the previous stage's whole stdout), simple commands with
 * their assignments and redirections. Commands are looked up in the shell's
 * own built-ins first (cd, export...), then in the registry.
 */
import type { AndOr, CommandList, Pipeline, SimpleCommand } from './ast.ts';
import type { CommandHandler } from './command.ts';
import { makeContext } from './context.ts';
import { expandFields, expandString, type ExpandHost } from './expand.ts';
import { notFound, prefix, redirectError } from './messages.ts';
import { applyRedirects, type RedirectFailure } from './redirect.ts';
import { ExitRequest, ShellState, type RunnerEnv, type Streams } from './state.ts';
import { shellBuiltinsFor } from './builtins/special.ts';

/** The fixed `$$` of every lab shell: deterministic, and plausible for a container's shell. */
const SHELL_PID = '1';

export class Runner implements ExpandHost {
  /** The streams of the command being expanded (for `$(...)`'s stdin and stderr). */
  private current: Streams = { stdin: '', out: () => {}, err: () => {} };
  /** Status of the last `$(...)` in the command being expanded (an assignment-only command returns it). */
  private lastSubst: number | undefined;
  constructor(
    readonly env: RunnerEnv,
    readonly state: ShellState,
    /** A `$(...)` or pipeline stage: `exit` leaves it quietly. */
    readonly subshell = false,
  ) {}

  runList(list: CommandList, io: Streams): number {
    for (const item of list.items) this.runAndOr(item, io);
    return this.state.status;
  }

  private runAndOr(a: AndOr, io: Streams): number {
    let status = this.runPipeline(a.first, io);
    let ranLast = a.rest.length === 0;
    let negated = a.first.bang;
    a.rest.forEach(({ op, pipeline }, i) => {
      if (op === '&&' ? status !== 0 : status === 0) return;
      status = this.runPipeline(pipeline, io);
      ranLast = i === a.rest.length - 1;
      negated = pipeline.bang;
    });
    this.state.status = status;
    // set -e: a failing command exits, unless it was tested by && / || or negated with !
    if (this.state.errexit && status !== 0 && ranLast && !negated) throw new ExitRequest(status);
    return status;
  }

  private runPipeline(p: Pipeline, io: Streams): number {
    let status = 0;
    let failed = 0;
    if (p.commands.length === 1) status = this.runSimple(p.commands[0], io);
    else {
      // Every stage of a bash pipeline runs in a subshell: `cd` or `X=1` in one does not stick.
      let stdin = io.stdin;
      p.commands.forEach((cmd, i) => {
        const last = i === p.commands.length - 1;
        const buf: string[] = [];
        const stage = new Runner(this.env, this.state.clone(), true);
        status = stage.runSimpleCaught(cmd, { stdin, out: last ? io.out : (t) => buf.push(t), err: io.err });
        if (status !== 0) failed = status;
        stdin = buf.join('');
      });
      if (this.state.pipefail) status = failed;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.state.status = status;
    return status;
  }

  /** A pipeline stage: `exit` inside it ends only that stage. */
  private runSimpleCaught(cmd: SimpleCommand, io: Streams): number {
    try {
      return this.runSimple(cmd, io);
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      throw e;
    }
  }

  private runSimple(cmd: SimpleCommand, io: Streams): number {
    this.current = io;
    this.lastSubst = undefined;
    const line = cmd.pos.line;
    const argv = cmd.words.flatMap((w) => expandFields(w, this));
    const assigned = new Map<string, string>();
    for (const a of cmd.assigns) {
      const value = expandString(a.value, this);
      const base = a.append ? (argv.length ? assigned.get(a.name) : undefined) ?? this.state.get(a.name) ?? '' : '';
      assigned.set(a.name, base + value);
      if (argv.length === 0) this.state.set(a.name, base + value);
    }
    const r = applyRedirects(
      cmd.redirects,
      io,
      (redir) => ({ fields: expandFields(redir.target, this), raw: redir.target.raw }),
      this.env.fs,
      this.state.cwd,
    );
    if (!r.ok) {
      io.err(this.redirectMessage(r.failure, line));
      // dash and ash treat a failed redirection as an error of the shell (2); bash as the command's (1)
      return this.env.id.dialect === 'bash' ? 1 : 2;
    }
    if (argv.length === 0) return this.lastSubst ?? 0;
    return this.dispatch(argv, assigned, r.io, line);
  }

  private redirectMessage(f: RedirectFailure, line: number): string {
    if (f.kind === 'ambiguous') return `${prefix(this.env.id, line)}${f.raw}: ambiguous redirect\n`;
    if (f.kind === 'bad-fd') return `${prefix(this.env.id, line)}${f.fd}: Bad file descriptor\n`;
    return redirectError(this.env.id, f.file, f.mode, f.reason, line);
  }

  /** Shell built-in, then registry, then "command not found" (127). */
  dispatch(argv: string[], assigned: ReadonlyMap<string, string>, io: Streams, line: number): number {
    const builtin = shellBuiltinsFor(this.env.id.dialect)[argv[0]];
    if (builtin) return builtin({ runner: this, argv, io, line, assigned });
    const handler = this.env.registry.get(argv[0]);
    if (handler) return this.callHandler(handler, argv, io, assigned);
    io.err(notFound(this.env.id, argv[0], line));
    return 127;
  }

  callHandler(handler: CommandHandler, argv: string[], io: Streams, assigned: ReadonlyMap<string, string>): number {
    const env = new Map<string, string>();
    const environ = new Map<string, string>();
    for (const [k, v] of this.state.vars) {
      env.set(k, v.value);
      if (v.exported) environ.set(k, v.value);
    }
    for (const [k, v] of assigned) {
      env.set(k, v);
      environ.set(k, v);
    }
    return handler(makeContext(this.env, { argv, io, env, environ, cwd: this.state.cwd, registry: this.env.registry }));
  }

  // ExpandHost

  lookup(name: string): string | undefined {
    const s = this.state;
    if (name === '?') return String(s.status);
    if (name === '#') return String(s.params.length);
    if (name === '0') return this.env.id.arg0;
    if (name === '$') return SHELL_PID;
    if (name === '@' || name === '*') return s.params.join(' ');
    if (name === '!') return '';
    if (name === '-') return this.env.id.interactive ? 'himBs' : 'hB';
    if (/^[0-9]+$/.test(name)) return s.params[Number(name) - 1];
    return s.get(name);
  }

  assign(name: string, value: string): void {
    this.state.set(name, value);
  }

  home(): string {
    return this.state.get('HOME') ?? this.env.home;
  }

  substitute(body: CommandList): string {
    const child = new Runner(this.env, this.state.clone(), true);
    const out: string[] = [];
    let status: number;
    try {
      status = child.runList(body, { stdin: this.current.stdin, out: (t) => out.push(t), err: this.current.err });
    } catch (e) {
      if (!(e instanceof ExitRequest)) throw e;
      status = e.code;
    }
    this.lastSubst = status;
    this.state.status = status;
    return out.join('').replace(/\n+$/, '');
  }
}
