/**
 * What every kubectl subcommand works with: the terminal's streams and
 * files, the cluster, its API server, the namespace from the kubeconfig or
 * `-n`, and the parsed flags.
 */
import type { CommandContext } from '../shell/command.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { ApiServer } from '../api/server-types.ts';
import { apiServer } from '../api/server.ts';
import type { Flags, FlagSpec } from './flags.ts';
import type { KubectlError } from './errors.ts';
import { withApiWarnings } from './warnings.ts';

export interface Kube {
  readonly ctx: CommandContext;
  readonly cluster: Cluster;
  readonly api: ApiServer;
  /** `-n` or the kubeconfig's namespace (`default` on k3s). */
  readonly namespace: string;
  /** Whether `-n`/`--namespace` was given (cmdutil's EnforceNamespace). */
  readonly explicitNamespace: boolean;
  /** `kubectl get`, for usage and flag errors. */
  readonly commandPath: string;
  out(text: string): void;
  err(text: string): void;
}

export interface Subcommand {
  /** The word typed after `kubectl`. */
  name: string;
  aliases?: readonly string[];
  flags: readonly FlagSpec[];
  run(k: Kube, f: Flags): KubectlError | undefined;
}

export function makeKube(ctx: CommandContext, cluster: Cluster, f: Flags, commandPath: string): Kube {
  const ns = f.str('namespace');
  return {
    ctx,
    cluster,
    api: withApiWarnings(apiServer(cluster), (t) => ctx.stderr(t)),
    namespace: ns || 'default',
    explicitNamespace: ns !== '',
    commandPath,
    out: (t) => ctx.stdout(t),
    err: (t) => ctx.stderr(t),
  };
}

/** The cluster the terminal is wired to (declared on ShellServices by engine/lab). */
export function clusterOf(ctx: CommandContext): Cluster | undefined {
  return (ctx.services as { cluster?: Cluster }).cluster;
}
