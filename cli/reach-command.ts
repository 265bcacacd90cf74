/**
 * `kube-netlab reach --port 80 [--protocol tcp] FILES...`: apply manifests
 * to a fresh default cluster and print who reaches whom on one port, as the
 * Kubernetes e2e netpol tests print a truth table. Files are read from disk
 * here (the engine never touches the disk) and copied into the lab's
 * working directory, as steps/submission.ts does for grading.
 */
import type { Writable } from 'node:stream';
import { applyServerFlags, defaultConfig, FlagError, type ClusterConfig } from '../engine/cluster/config.ts';
import { Lab } from '../engine/lab/index.ts';
import { reachFromManifests } from '../engine/network/index.ts';
import { copyInputs } from './load-files.ts';
import { parseArgs, portOption, protocolOption, UsageError } from './args.ts';

export const REACH_HELP = `Usage: kube-netlab reach --port PORT [--protocol tcp|udp|sctp] FILE|DIR...

Applies the manifests (as one 'kubectl apply -f FILE -f FILE...', in the
order given) to a fresh default k3s cluster, with NetworkPolicy enforced as
k3s enforces it, and prints the reachability of every pod outside
kube-system on PORT: rows are sources, columns destinations, '.' connects,
'X' does not, laid out as the Kubernetes e2e network-policy tests print it.
kubectl's errors and pods that cannot take part (not running, nothing
listening on PORT) are reported on stderr.

Exits 0 when the table was printed and kubectl applied everything, 1 when
kubectl reported errors or no pod came up.

Options:
  --port PORT           the destination port (1-65535)
  --protocol PROTOCOL   tcp (default), udp or sctp
  --k3s-flags FLAGS     start the cluster as 'k3s server FLAGS' would, e.g.
                        --k3s-flags '--disable-network-policy'
  -h, --help            this help
`;


export interface ReachIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
}

export async function reachCommand(argv: readonly string[], io: ReachIo): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    port: { value: true, short: 'p' },
    protocol: { value: true },
    'k3s-flags': { value: true },
    help: { value: false, short: 'h' },
  });
  if (options.has('help')) {
    io.stdout.write(REACH_HELP);
    return 0;
  }
  const port = portOption(options);
  if (port === undefined) throw new UsageError('kube-netlab reach needs --port PORT (see kube-netlab reach --help)');
  const protocol = protocolOption(options);
  if (positional.length === 0) throw new UsageError('kube-netlab reach needs at least one manifest file or folder (see kube-netlab reach --help)');

  const { workspace, paths } = copyInputs(positional, io.cwd);
  const lab = new Lab({ workspace, config: serverConfig(options.get('k3s-flags')?.[0] ?? '') });
  const r = reachFromManifests(lab, paths, port, protocol);
  if (r.table) io.stdout.write(`${r.table}\n`);
  for (const p of r.problems) io.stderr.write(`${p}\n`);
  for (const n of r.notes) io.stderr.write(`note: ${n}\n`);
  return r.problems.length === 0 ? 0 : 1;
}

/** The default cluster, changed by `k3s server` flags; a flag the model does not know is a usage error. */
function serverConfig(flags: string): ClusterConfig {
  try {
    return applyServerFlags(defaultConfig(), flags);
  } catch (e) {
    if (e instanceof FlagError) throw new UsageError(`--k3s-flags: ${e.message}`);
    throw e;
  }
}

