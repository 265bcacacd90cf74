/**
 * What a running shell holds: its variables, working directory, last status
 * and positional parameters, plus the streams a command writes to.
 */
import type { CommandRegistry, Host, Note, ShellServices } from './command.ts';
import type { ShellIdentity } from './messages.ts';
import type { Workspace } from '../workspace/index.ts';

export type Writer = (text: string) => void;

/** A command's standard streams: stdin is the whole input, out/err are sinks. */
export interface Streams {
  stdin: string;
  out: Writer;
  err: Writer;
}

export interface Var {
  value: string;
  exported: boolean;
}

export class ShellState {
  readonly vars = new Map<string, Var>();
  status = 0;
  /** `set -e` */
  errexit = false;
  /** `set -o pipefail` (bash) */
  pipefail = false;

  constructor(
    public cwd: string,
    public params: string[] = [],
  ) {}

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false });
  }

  /** A copy for a subshell (`$(...)`): changes inside do not leak out. */
  clone(): ShellState {
    const s = new ShellState(this.cwd, [...this.params]);
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.status = this.status;
    s.errexit = this.errexit;
    s.pipefail = this.pipefail;
    return s;
  }
}

/** What stays fixed while a shell runs: where it runs and what it can call. */
export interface RunnerEnv {
  registry: CommandRegistry;
  fs: Workspace;
  host: Host;
  services: ShellServices;
  id: ShellIdentity;
  home: string;
  notes: Note[];
}

/** Thrown by `exit`; caught where the script (or the `$(...)`) ends. */
export class ExitRequest {
  constructor(readonly code: number) {}
}
