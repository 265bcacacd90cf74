/**
 * Runs `kubectl …` against a booted default cluster without the lab's
 * shell: a CommandContext that records stdout and stderr in the order
 * written, and a minimal `exec` that calls the handler found in the registry.
 */
import { Cluster } from '../../cluster/cluster.ts';
import { defaultConfig } from '../../cluster/config.ts';
import { bootstrapK3s } from '../../controllers/index.ts';
import type { CommandContext, CommandHandler, SubshellOptions, CommandRegistry } from '../../shell/command.ts';
import { Workspace } from '../../workspace/index.ts';
import { kubectlCommand } from '../index.ts';

export interface Run {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as written */
  all: string;
  code: number;
}

export class Bench {
  readonly cluster: Cluster;
  readonly fs = new Workspace();
  readonly cwd = '/home/lab';

  constructor(cluster?: Cluster) {
    if (cluster) this.cluster = cluster;
    else {
      this.cluster = new Cluster(defaultConfig());
      bootstrapK3s(this.cluster);
    }
    this.fs.mkdirp(this.cwd);
  }

  write(path: string, text: string): void {
    this.fs.write(Workspace.resolve(this.cwd, path), text, { parents: true });
  }

  /** `kubectl` with these arguments (argv without the leading `kubectl`). */
  kubectl(...args: string[]): Run {
    return this.run(kubectlCommand, ['kubectl', ...args]);
  }

  run(handler: CommandHandler, argv: string[], stdin = ''): Run {
    const out = { stdout: '', stderr: '', all: '' };
    const cluster = this.cluster;
    const fs = this.fs;
    const cwd = this.cwd;
    const makeCtx = (argv: string[], opts: { fs: Workspace; cwd: string; host: CommandContext['host']; registry?: CommandRegistry; stdin: string; env?: ReadonlyMap<string, string> }): CommandContext => ({
      argv,
      stdin: opts.stdin,
      stdout: (t) => {
        out.stdout += t;
        out.all += t;
      },
      stderr: (t) => {
        out.stderr += t;
        out.all += t;
      },
      env: opts.env ?? new Map(),
      cwd: opts.cwd,
      fs: opts.fs,
      host: opts.host,
      services: { cluster } as unknown as CommandContext['services'],
      note: () => {},
      runScript: () => {
        throw new Error('runScript is not available in the kubectl test bench');
      },
      registry: opts.registry ?? { get: () => undefined, names: () => [] },
      dialect: 'bash',
      exec: (argv2: string[], o: SubshellOptions) => {
        const h = argv2.length ? o.registry.get(argv2[0]!) : undefined;
        if (!h) return 127;
        return h(makeCtx(argv2, { fs: o.fs, cwd: o.cwd, host: o.host, registry: o.registry, stdin: o.stdin ?? '', env: o.env }));
      },
    });
    const code = handler(makeCtx(argv, { fs, cwd, host: { kind: 'terminal' }, stdin }));
    return { ...out, code };
  }
}
