/**
 * `kube-netlab why FROM TARGET -f FILES...`: build a fresh default cluster
 * from manifests, then ask the data plane why FROM can (or cannot) reach
 * TARGET: the name resolution, every hop, and the reason it stopped.
 */
import type { Writable } from 'node:stream';
import { applyServerFlags, defaultConfig } from '../engine/cluster/config.ts';
import { Lab } from '../engine/lab/index.ts';
import { explainConnection } from '../engine/network/index.ts';
import { loadJq } from '../engine/shell/index.ts';
import { parseArgs, portOption, protocolOption, UsageError } from './args.ts';
import { copyInputs } from './load-files.ts';

export const WHY_HELP = `Usage: kube-netlab why FROM TARGET -f FILE|DIR... [options]

Applies the manifests to a fresh simulated k3s cluster, then explains one
connection as curl from FROM would make it: how TARGET resolves, every hop
(Service VIP, DNAT, node, flannel, policy), and where and why it stopped.

  FROM     a pod (NAME or NAMESPACE/NAME) from the manifests, or "terminal"
           (a machine outside the cluster that reaches the nodes' IPs)
  TARGET   a Service (web, web.prod, web:8080), a pod, an IP[:PORT] or a URL

Options:
  -f, --filename FILE|DIR   manifests to apply first (repeatable)
  --port N                  the port when TARGET names none
  --protocol TCP|UDP|SCTP   default TCP
  --k3s-flags "..."         start the cluster as \`k3s server FLAGS\` would
  -h, --help                this help

Exits 0 when the connection succeeds, 1 when it does not, 2 on bad input.
`;

export async function whyCommand(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string }): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    filename: { value: true, repeatable: true, short: 'f' },
    port: { value: true },
    protocol: { value: true },
    'k3s-flags': { value: true },
    help: { value: false, short: 'h' },
  });
  if (options.has('help')) {
    io.stdout.write(WHY_HELP);
    return 0;
  }
  if (positional.length !== 2) throw new UsageError('kube-netlab why needs FROM and TARGET (see kube-netlab why --help)');
  const protocol = protocolOption(options);
  const port = portOption(options);

  await loadJq();
  const flags = options.get('k3s-flags')?.[0];
  const { workspace, paths } = copyInputs(options.get('filename') ?? [], io.cwd);
  const lab = new Lab({ workspace, config: flags ? applyServerFlags(defaultConfig(), flags) : defaultConfig() });
  if (paths.length > 0) {
    const r = lab.run(`kubectl apply ${paths.map((p) => `-f '${p.replace(/'/g, `'\\''`)}'`).join(' ')}`);
    if (r.exitCode !== 0) io.stderr.write(r.output);
  }
  const result = explainConnection(lab.cluster, positional[0]!, positional[1]!, { port, protocol });
  io.stdout.write(result.summary.endsWith('\n') ? result.summary : result.summary + '\n');
  return result.ok ? 0 : 1;
}
