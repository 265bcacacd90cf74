/** Run a DNS tool handler in a fake container of a test cluster and collect what it prints. */
import type { Cluster } from '../../cluster/cluster.ts';
import { MapRegistry, type CommandContext, type CommandHandler, type Host, type Note } from '../../shell/command.ts';
import { Workspace } from '../../workspace/index.ts';

export interface Run { stdout: string; stderr: string; exitCode: number; notes: Note[]; slept: number }

export function runTool(cluster: Cluster, handler: CommandHandler, argv: string[], host: Host = { kind: 'pod', namespace: 'default', pod: 'client', container: 'client' }, fs = new Workspace()): Run {
  let stdout = '';
  let stderr = '';
  let slept = 0;
  const notes: Note[] = [];
  const ctx: CommandContext = {
    argv, stdin: '', env: new Map(), cwd: '/', fs, host,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    services: { cluster, sleep: (ms: number) => { slept += ms; cluster.clock.advance(ms); } } as unknown as CommandContext['services'],
    note: (n) => { notes.push(n); },
    runScript: () => 0,
    registry: new MapRegistry(),
    dialect: 'dash',
    exec: () => 127,
  };
  const exitCode = handler(ctx);
  return { stdout, stderr, exitCode, notes, slept };
}
