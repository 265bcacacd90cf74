/**
 * The lab terminal: an interactive bash 5.2 (subset) whose variables and
 * working directory last across `run()` calls, as a scenario's terminal does.
 * Everything printed lands in one ordered chunk list, so stdout and stderr
 * come back interleaved in the order they were written.
 */
import type { CommandRegistry, Host, Note, ShellDialect, ShellServices } from './command.ts';
import { runScriptText } from './script.ts';
import { ShellState, type RunnerEnv } from './state.ts';
import type { Workspace } from '../workspace/index.ts';

export interface ShellOptions {
  registry: CommandRegistry;
  fs: Workspace;
  /** Absolute starting directory. */
  cwd: string;
  /** $HOME (and where `cd` alone goes). */
  home: string;
  host: Host;
  services: ShellServices;
  /** Default: 'bash' (the lab terminal). */
  dialect?: ShellDialect;
  /** Exported variables to start with (PATH, KUBECONFIG...). HOME and PWD are set from the options. */
  env?: Readonly<Record<string, string>>;
}

export interface OutputChunk {
  fd: 1 | 2;
  text: string;
}

export interface RunResult {
  /** Everything written, in write order; adjacent writes to the same fd are merged. */
  chunks: OutputChunk[];
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in write order. */
  output: string;
  /** The status of the last command run (2 after a syntax error). */
  exitCode: number;
  notes: Note[];
}

export class Shell {
  private readonly state: ShellState;
  private readonly env: RunnerEnv;

  constructor(opts: ShellOptions) {
    const dialect = opts.dialect ?? 'bash';
    this.env = {
      registry: opts.registry,
      fs: opts.fs,
      host: opts.host,
      services: opts.services,
      id: { dialect, interactive: true, arg0: dialect === 'bash' ? 'bash' : 'sh', scriptFile: false },
      home: opts.home,
      notes: [],
    };
    this.state = new ShellState(opts.cwd);
    this.state.set('HOME', opts.home, true);
    this.state.set('PWD', opts.cwd, true);
    for (const [k, v] of Object.entries(opts.env ?? {})) this.state.set(k, v, true);
  }

  /** Run a script as if its lines were typed one by one. */
  run(script: string, stdin = ''): RunResult {
    const chunks: OutputChunk[] = [];
    const write = (fd: 1 | 2) => (text: string) => {
      if (!text) return;
      const last = chunks[chunks.length - 1];
      if (last && last.fd === fd) last.text += text;
      else chunks.push({ fd, text });
    };
    const notes: Note[] = [];
    this.env.notes = notes;
    const exitCode = runScriptText(this.env, this.state, script, { stdin, out: write(1), err: write(2) });
    const join = (fd?: 1 | 2) => chunks.filter((c) => fd === undefined || c.fd === fd).map((c) => c.text).join('');
    return { chunks, stdout: join(1), stderr: join(2), output: join(), exitCode, notes };
  }

  getVar(name: string): string | undefined {
    return this.state.get(name);
  }

  setVar(name: string, value: string, exported = false): void {
    this.state.set(name, value, exported);
  }

  /** The current working directory. */
  get cwd(): string {
    return this.state.cwd;
  }

  /** $? of the last command. */
  get lastStatus(): number {
    return this.state.status;
  }
}
