/**
 * kubectl's root command: global flags (genericclioptions.ConfigFlags and
 * klog's), finding the subcommand as cobra's Find does (flags may come
 * first: `kubectl -n kube-system get pods`), parsing its flags, running it,
 * and printing its error as cmdutil.CheckErr would.
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { clusterOf, makeKube, type Subcommand } from './context.ts';
import { flagErr, plainErr, renderError, type KubectlError } from './errors.ts';
import { FlagSet, Flags, type FlagSpec } from './flags.ts';

/** Persistent flags every kubectl command takes. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'token', kind: 'string' },
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'stringArray' },
  { name: 'as-uid', kind: 'string' },
  { name: 'username', kind: 'string' },
  { name: 'password', kind: 'string' },
  { name: 'certificate-authority', kind: 'string' },
  { name: 'client-certificate', kind: 'string' },
  { name: 'client-key', kind: 'string' },
  { name: 'tls-server-name', kind: 'string' },
  { name: 'insecure-skip-tls-verify', kind: 'bool' },
  { name: 'request-timeout', kind: 'string' },
  { name: 'cache-dir', kind: 'string' },
  { name: 'disable-compression', kind: 'bool' },
  { name: 'match-server-version', kind: 'bool' },
  { name: 'warnings-as-errors', kind: 'bool' },
  { name: 'v', short: 'v', kind: 'string' },
  { name: 'vmodule', kind: 'string' },
  { name: 'log-flush-frequency', kind: 'string' },
  { name: 'profile', kind: 'string' },
  { name: 'profile-output', kind: 'string' },
];

/**
 * cobra's stripFlags + Find: the first word that is not a flag or a global
 * flag's value names the subcommand.
 */
export function findSubcommand(argv: readonly string[]): { index: number } | undefined {
  const valued = new Set<string>();
  const valuedShort = new Set<string>();
  for (const g of GLOBAL_FLAGS) {
    if (g.kind === 'bool') continue;
    valued.add(g.name);
    if (g.short) valuedShort.add(g.short);
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a.startsWith('--')) {
      if (!a.includes('=') && valued.has(a.slice(2))) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && valuedShort.has(a[1]!)) i++;
      continue;
    }
    return { index: i };
  }
  return undefined;
}

export function makeKubectl(subcommands: readonly Subcommand[], fallback: (ctx: CommandContext, argv: string[]) => number): CommandHandler {
  const byName = new Map<string, Subcommand>();
  for (const s of subcommands) for (const n of [s.name, ...(s.aliases ?? [])]) byName.set(n, s);
  return (ctx) => {
    const argv = ctx.argv.slice(1);
    const found = findSubcommand(argv);
    if (!found) return fallback(ctx, argv);
    const word = argv[found.index]!;
    const sub = byName.get(word);
    if (!sub) return finish(ctx, plainErr(`unknown command "${word}" for "kubectl"`));
    const rest = [...argv.slice(0, found.index), ...argv.slice(found.index + 1)];
    const path = `kubectl ${sub.name}`;
    const parsed = new FlagSet([...GLOBAL_FLAGS, ...sub.flags]).parse(rest);
    if (!parsed.ok) return finish(ctx, flagErr(path, parsed.message));
    const flags = new Flags(parsed.parsed);
    const cluster = clusterOf(ctx);
    if (!cluster) return finish(ctx, plainErr('The connection to the server localhost:8080 was refused - did you specify the right host or port?'));
    const k = makeKube(ctx, cluster, flags, path);
    return finish(ctx, sub.run(k, flags));
  };
}

function finish(ctx: CommandContext, err: KubectlError | undefined): number {
  if (!err) return 0;
  const { text, code } = renderError(err);
  if (text) ctx.stderr(text);
  return code;
}
