/**
 * `kube-netlab shell`: type commands into a simulated cluster's terminal,
 * one line at a time, and see what it prints (and, with --why, the model's
 * reasons after each failing command). For exploring before writing a lab.
 */
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { applyServerFlags, defaultConfig } from '../engine/cluster/config.ts';
import { Lab } from '../engine/lab/index.ts';
import { loadJq } from '../engine/shell/index.ts';
import { parseArgs } from './args.ts';

export const SHELL_HELP = `Usage: kube-netlab shell [--k3s-flags "K3S_SERVER_FLAGS"] [--why]

Opens the lab terminal of a fresh simulated k3s cluster: type kubectl,
curl and the rest as you would on a real cluster's machine. Lines are read
from standard input, so a script can be piped in. Type exit to leave.

Options:
  --k3s-flags "..."  start the cluster as \`k3s server FLAGS\` would (e.g. --disable-network-policy)
  --why           after a command, print the model's reasons (why a connection
                  failed, why a name did not resolve) prefixed with "why:"
  -h, --help      this help
`;

export async function shellCommand(argv: readonly string[], io: { stdin: NodeJS.ReadableStream; stdout: Writable; stderr: Writable; interactive: boolean }): Promise<number> {
  const { options } = parseArgs(argv, { 'k3s-flags': { value: true }, why: { value: false }, help: { value: false, short: 'h' } });
  if (options.has('help')) {
    io.stdout.write(SHELL_HELP);
    return 0;
  }
  const flags = options.get('k3s-flags')?.[0];
  await loadJq();
  const lab = new Lab({ config: flags ? applyServerFlags(defaultConfig(), flags) : defaultConfig() });
  const rl = createInterface({ input: io.stdin, terminal: false });
  const prompt = () => io.interactive && io.stdout.write(`root@master:${lab.shell.cwd.replace(/^\/home\/lab/, '~')}# `);
  prompt();
  let status = 0;
  for await (const line of rl) {
    if (/^\s*exit\s*$/.test(line)) break;
    const r = lab.run(line);
    io.stdout.write(r.output);
    if (options.has('why')) for (const n of r.notes) io.stdout.write(`why: ${n.message}\n`);
    status = r.exitCode;
    prompt();
  }
  return status;
}
