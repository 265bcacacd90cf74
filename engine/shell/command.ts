/**
 * The one interface between the lab terminal and every command it can run.
 * `kubectl`, `curl`, `nslookup`, the filters and the built-ins are all
 * CommandHandlers found in a CommandRegistry: the terminal outside the cluster
 * has one registry, each container image another (engine/images).
 */
import type { Workspace } from '../workspace/index.ts';

/** Where a command runs: the lab's terminal outside the cluster, or a container. */
export type Host =
  | { kind: 'terminal' }
  | { kind: 'pod'; namespace: string; pod: string; container: string };

/**
 * Why something failed, beyond what the real tool prints: the data plane's
 * reason for a refused connection, a policy that rejected it, a name that did
 * not resolve. Steps put these into failure messages and reports; the
 * terminal never prints them.
 */
export interface Note {
  /** A stable code, e.g. 'no-endpoints', 'policy-denied', 'nxdomain'. */
  code: string;
  /** One sentence in plain words for a student. */
  message: string;
  /** The path a request took or where it stopped, for the report's diagram. */
  hops?: unknown[];
}

export interface CommandContext {
  /** argv[0] is the command's name as typed. */
  readonly argv: readonly string[];
  /** Everything piped in (empty when nothing was). */
  readonly stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The shell's variables (exported or not); commands read, never write. */
  readonly env: ReadonlyMap<string, string>;
  /** Absolute working directory inside `fs`. */
  readonly cwd: string;
  /** The file tree this command sees: the scenario's on the terminal, the container's in a pod. */
  readonly fs: Workspace;
  readonly host: Host;
  /** What the terminal is wired to (the cluster, ...), opaque to the shell. */
  readonly services: ShellServices;
  /** Record a reason (see Note); not printed. */
  note(note: Note): void;
  /**
   * Run a script in a child shell that shares this one's streams, host and
   * services: `sh -c "…"` inside a container, `kubectl exec` into one.
   * Returns the child's exit code.
   */
  runScript(script: string, opts: SubshellOptions): number;
  /** The registry this command was found in (so `env CMD`, `sh -c` can find their commands). */
  readonly registry: CommandRegistry;
  /** The dialect of the shell that ran this command. */
  readonly dialect: ShellDialect;
  /**
   * Run argv directly in `opts.registry` (no parsing, no expansion): what
   * `kubectl exec POD -- curl -s x` does. Shares this command's streams.
   * Returns 127 without printing anything when argv[0] is not in the
   * registry: the caller prints its own message (kubectl's OCI error...).
   */
  exec(argv: string[], opts: SubshellOptions): number;
  /** Only the exported variables (plus `NAME=v cmd` prefixes): what a process's environment holds. */
  readonly environ?: ReadonlyMap<string, string>;
}

export interface SubshellOptions {
  registry: CommandRegistry;
  fs: Workspace;
  cwd: string;
  host: Host;
  env?: ReadonlyMap<string, string>;
  /** How this shell names itself in its own errors: 'bash' (interactive), 'sh' (dash: "sh: 1: x: not found"), 'busybox-sh'. */
  dialect: ShellDialect;
  stdin?: string;
  /** $0 of the child shell, as it names itself in errors (`sh`, `/bin/sh`, a script's name). Default: 'sh' ('bash' for bash). */
  arg0?: string;
  /** True when the script came from a file (`sh FILE`): changes BusyBox's and bash's message prefixes. */
  scriptFile?: boolean;
  /** Positional parameters $1... */
  args?: string[];
  /** `sh -e`: exit at the first failing command. */
  errexit?: boolean;
}

export type ShellDialect = 'bash' | 'dash' | 'busybox';

/**
 * Services are declared by the modules that provide them (declaration
 * merging keeps engine/shell free of imports from below it).
 */
export interface ShellServices {
  /** Move the simulated clock by `ms` (what `sleep` calls); absent: sleep returns at once. */
  sleep?: (ms: number) => void;
}

/** A command returns its exit status; output goes through the context. */
export type CommandHandler = (ctx: CommandContext) => number;

export interface CommandRegistry {
  get(name: string): CommandHandler | undefined;
  /** Names, for `compgen`-like listings and suggestions. */
  names(): string[];
}

/** A registry built from a record, optionally falling back to a parent registry. */
export class MapRegistry implements CommandRegistry {
  private readonly map: Map<string, CommandHandler>;
  constructor(entries: Record<string, CommandHandler> = {}, private readonly parent?: CommandRegistry) {
    this.map = new Map(Object.entries(entries));
  }
  get(name: string): CommandHandler | undefined {
    return this.map.get(name) ?? this.parent?.get(name);
  }
  set(name: string, handler: CommandHandler): this {
    this.map.set(name, handler);
    return this;
  }
  names(): string[] {
    return [...new Set([...this.map.keys(), ...(this.parent?.names() ?? [])])].sort();
  }
}
