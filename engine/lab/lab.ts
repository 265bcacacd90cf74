/**
 * A lab: one simulated cluster, one scenario working directory, and the
 * terminal an instructor types into. This is the engine's front door; the
 * Cucumber steps, the CLI's shell and the grader all go through it.
 */
import { Cluster } from '../cluster/cluster.ts';
import { defaultConfig, type ClusterConfig } from '../cluster/config.ts';
import { Shell, type RunResult } from '../shell/index.ts';
import { Workspace } from '../workspace/index.ts';
import { bootCluster } from './boot.ts';
import { terminalRegistry } from './registries.ts';

declare module '../shell/command.ts' {
  interface ShellServices {
    /** The cluster the terminal's kubectl and curl talk to. */
    cluster: Cluster;
  }
}

/** The scenario's working directory: the terminal's home and starting folder. */
export const LAB_HOME = '/home/lab';

export interface LabOptions {
  config?: ClusterConfig;
  /** Files the scenario starts with (grading: a copy of the submission under LAB_HOME). */
  workspace?: Workspace;
  /** A cluster booted elsewhere (tests: a fresh boot beside a clone); default: bootCluster(config). */
  cluster?: Cluster;
}

export class Lab {
  readonly cluster: Cluster;
  readonly workspace: Workspace;
  readonly shell: Shell;

  constructor(opts: LabOptions = {}) {
    this.cluster = opts.cluster ?? bootCluster(opts.config ?? defaultConfig());
    this.workspace = opts.workspace ?? new Workspace();
    this.workspace.mkdirp(LAB_HOME);
    const cluster = this.cluster;
    this.shell = new Shell({
      registry: terminalRegistry(),
      fs: this.workspace,
      cwd: LAB_HOME,
      home: LAB_HOME,
      host: { kind: 'terminal' },
      dialect: 'bash',
      services: {
        cluster,
        sleep: (ms: number) => cluster.advance(ms),
      },
    });
  }

  /** Type a script into the terminal, line by line, as an interactive bash would run it. */
  run(script: string): RunResult {
    return this.shell.run(script);
  }

  /** Write a file as `vi PATH` would save it: relative to the working directory, folders made. */
  writeFile(path: string, content: string): void {
    const abs = Workspace.resolve(this.shell.cwd, path);
    this.workspace.write(abs, content.endsWith('\n') ? content : content + '\n', { parents: true });
  }

  getVar(name: string): string | undefined {
    return this.shell.getVar(name);
  }
}
