/**
 * `kubectl exec POD [-c C] [-i] [-t] -- CMD ARGS…`: kubernetes/kubectl
 * pkg/cmd/exec/exec.go (v0.33.5). argv runs directly in the container's
 * command registry (no shell). What the real stack prints:
 * - a binary the image lacks: containerd/runc's error through the kubelet,
 *   `error: Internal error occurred: error executing command in container:
 *   failed to exec in container: failed to start exec "<64 hex>": OCI
 *   runtime exec failed: exec failed: unable to start container process:
 *   exec: "nslookup": executable file not found in $PATH: unknown`
 *   (transcripts in nigelpoulton/TheK8sBook#30, truenas/charts#2968);
 * - a non-zero exit: `command terminated with exit code N`, and kubectl
 *   exits with N (checkErr's utilexec.ExitError branch);
 * - `-it` when stdin is not a terminal: `Unable to use a TTY - input is not
 *   a terminal or the right kind of file` (StreamOptions.SetupTTY).
 */
import type { Pod } from 'kubernetes-types/core/v1.js';
import { MapRegistry, type CommandRegistry, type ShellDialect } from '../../shell/command.ts';
import type { Kube, Subcommand } from '../context.ts';
import { plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { containerEnv, containerRunning, findPod, pickContainer } from '../containers.ts';
import { containerRuntime } from '../../images/runtime.ts';
import type { Workspace } from '../../workspace/index.ts';

export const execCommand: Subcommand = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'stringSlice' },
    { name: 'pod-running-timeout', kind: 'string' },
  ],
  run: runExec,
};

function runExec(k: Kube, f: Flags): KubectlError | undefined {
  const { args, argsLenAtDash } = f.parsed;
  let podRef = '';
  if (args.length > 0 && argsLenAtDash !== 0) podRef = args[0]!;
  let command: string[];
  if (argsLenAtDash > -1) command = args.slice(argsLenAtDash);
  else if (args.length > 1) return usageErr(k.commandPath, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  else command = [];
  if (podRef === '') return plainErr('pod, type/name or --filename must be specified');
  if (command.length === 0) return plainErr('you must specify at least one command for the container');

  const found = findPod(k, podRef);
  if (!found.ok) return found.error;
  const pod = found.pod;
  const phase = (pod as unknown as Pod).status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return plainErr(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = f.bool('quiet');
  const requested = f.str('container');
  let container: string;
  if (requested) {
    const names = ((pod as unknown as Pod).spec?.containers ?? []).map((c) => c.name);
    if (!names.includes(requested)) {
      return statusErr({ code: 400, reason: 'BadRequest', message: `container ${requested} is not valid for pod ${pod.metadata.name}` });
    }
    container = requested;
  } else {
    const pick = pickContainer(k, pod, '', quiet);
    if (!pick.ok) return pick.error;
    container = pick.name;
  }
  const stdin = f.bool('stdin');
  if (stdin && f.bool('tty') && !quiet) k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  if (!containerRunning(pod, container)) return plainErr(`unable to upgrade connection: container not found ("${container}")`);

  const ns = pod.metadata.namespace ?? 'default';
  const rt = containerRuntime(k.cluster);
  const registry = rt.registryFor(ns, pod.metadata.name, container);
  const fs = rt.fsFor(ns, pod.metadata.name, container);
  if (!registry || !fs) return plainErr(`unable to upgrade connection: container not found ("${container}")`);
  const resolved = resolveBinary(registry, fs, command[0]!);
  if (!resolved.ok) return ociError(k, resolved.reason);
  const image = rt.imageOf(ns, pod.metadata.name, container);
  const code = k.ctx.exec(command, {
    registry: resolved.registry,
    fs,
    cwd: image?.workingDir || '/',
    host: { kind: 'pod', namespace: ns, pod: pod.metadata.name, container },
    env: containerEnv(k, pod, container),
    dialect: dialectOf(image?.os),
    stdin: stdin ? k.ctx.stdin : '',
  });
  if (code !== 0) return { type: 'exit', message: `command terminated with exit code ${code}`, code };
  return undefined;
}

type Resolved = { ok: true; registry: CommandRegistry } | { ok: false; reason: string };

/**
 * runc's lookup: a bare name goes through PATH (here: the registry); a path
 * must exist as a file. A path whose basename is a known binary in a
 * standard bin folder runs that binary.
 */
function resolveBinary(registry: CommandRegistry, fs: Workspace, exe: string): Resolved {
  if (!exe.includes('/')) {
    if (registry.get(exe)) return { ok: true, registry };
    return { ok: false, reason: `exec: "${exe}": executable file not found in $PATH` };
  }
  const base = exe.slice(exe.lastIndexOf('/') + 1);
  const handler = base ? registry.get(base) : undefined;
  const inBinDir = /^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(exe);
  if (handler && (inBinDir || fs.type(exe) === 'file')) return { ok: true, registry: new MapRegistry({ [exe]: handler }, registry) };
  return { ok: false, reason: `exec: "${exe}": stat ${exe}: no such file or directory` };
}

function ociError(k: Kube, reason: string): KubectlError {
  // One seeded source per cluster, so every failed exec gets a fresh id.
  const ids = k.cluster.ext('kubectl.exec-ids', (c) => c.random.fork('kubectl-exec-id'));
  const id = ids.string(64, '0123456789abcdef');
  return plainErr(
    `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown`,
  );
}

function dialectOf(os: string | undefined): ShellDialect {
  return os === 'alpine' || os === 'busybox' ? 'busybox' : 'dash';
}
