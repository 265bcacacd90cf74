/**
 * A container's main process: its argv (Kubernetes' rules for command and
 * args over the image's ENTRYPOINT and CMD) and what it does, looked up in
 * the image's process table (fixtures/images.yaml) plus a few rules every
 * image shares (`sleep`, `pause`, `tail -f`, `sh -c "… sleep …"`).
 */
import type { ImageEntry, ListenSpec, ProcessRule } from './catalogue-types.ts';

export interface ContainerSpecLike {
  command?: string[];
  args?: string[];
  image?: string;
}

/**
 * kubelet/kuberuntime: `command` replaces ENTRYPOINT and drops CMD; `args`
 * replaces CMD.
 */
export function mainArgv(image: ImageEntry | undefined, c: ContainerSpecLike): string[] {
  const entry = c.command ?? image?.entrypoint ?? [];
  const cmd = c.args ?? (c.command ? [] : image?.cmd ?? []);
  return [...entry, ...cmd];
}

export type MainBehaviour =
  | { kind: 'server'; listen: Array<{ port: number; protocol: ListenSpec['protocol']; server: ListenSpec['server'] }>; logs: string }
  | { kind: 'forever'; logs: string }
  /** Ends on its own after `ms` with exit 0 (`sleep 30`). */
  | { kind: 'timed'; ms: number }
  | { kind: 'exit'; exitCode: number; output: string }
  /** Run argv through the lab's executor; it ends with the executor's exit code. */
  | { kind: 'run'; argv: string[] }
  /** The binary is not in the image: runc fails to start the container. */
  | { kind: 'not-found'; exe: string };

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** `sleep 3600`, `sleep infinity`, `sleep 1d`: coreutils' and busybox's suffixes. */
export function sleepMs(args: string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity;
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
    total += Number(m[1]) * unit * 1000;
  }
  return total;
}

function matchRule(image: ImageEntry | undefined, argv: string[]): ProcessRule | undefined {
  const exe = basename(argv[0] ?? '');
  return image?.processes.find((r) => r.exe === exe && (r.arg === undefined || argv[1] === r.arg));
}

function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === flag) return argv[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

/** The shell script of `sh -c SCRIPT` (also `/bin/sh -c`, `bash -c`). */
function shellScript(argv: string[]): string | undefined {
  if (['sh', 'bash', 'ash', 'dash', 'zsh'].includes(basename(argv[0] ?? '')) && argv[1] === '-c') return argv[2] ?? '';
  return undefined;
}

/** Decide what the main process does. Pure: the runtime turns this into logs and exit codes. */
export function classify(image: ImageEntry | undefined, argv: string[]): MainBehaviour {
  if (argv.length === 0) return { kind: 'exit', exitCode: 128, output: '' };
  const exe = basename(argv[0]!);
  const script = shellScript(argv);
  const rule = script === undefined ? matchRule(image, argv) : undefined;
  if (rule) return fromRule(rule, argv);
  // An image's entrypoint script (docker-entrypoint.sh, curl's entrypoint.sh)
  // ends in `exec "$@"`, prefixing the image's CMD when the first argument is a flag.
  if (image && argv[0] === image.entrypoint[0] && image.entrypoint.length === 1 && argv[0]!.endsWith('.sh') && argv.length > 1) {
    const rest = argv[1]!.startsWith('-') ? [...image.cmd.slice(0, 1), ...argv.slice(1)] : argv.slice(1);
    return classify(image, rest);
  }
  if (exe === 'sleep' && image?.binaries['sleep']) {
    const ms = sleepMs(argv.slice(1));
    if (ms === Infinity) return { kind: 'forever', logs: '' };
    if (ms !== undefined) return { kind: 'timed', ms };
  }
  if (exe === 'pause' || exe === 'tail' && argv.includes('-f')) return { kind: 'forever', logs: '' };
  if (script !== undefined) {
    // Long-running loops and trailing sleeps are servers of nothing: they
    // would block the executor, so they run "forever" (or for the sleep).
    const trimmed = script.trim();
    const last = /(?:^|[;&|]\s*|\n\s*)(?:exec\s+)?sleep\s+(\S+)\s*;?\s*$/.exec(trimmed);
    if (/\bwhile\s+(true|:)\b|\bsleep\s+infinity\b|tail\s+-f\b/.test(trimmed)) return { kind: 'forever', logs: '' };
    if (last && last.index === 0) {
      const ms = sleepMs([last[1]!]);
      if (ms !== undefined) return ms === Infinity ? { kind: 'forever', logs: '' } : { kind: 'timed', ms };
    }
  }
  if (image && !image.binaries[exe] && !image.binaries[argv[0]!] && !(image.processes.some((r) => r.exe === exe))) {
    return { kind: 'not-found', exe: argv[0]! };
  }
  return { kind: 'run', argv };
}

function fromRule(rule: ProcessRule, argv: string[]): MainBehaviour {
  switch (rule.behaviour) {
    case 'server':
      return {
        kind: 'server',
        logs: rule.logs ?? '',
        listen: (rule.listen ?? []).map((l) => {
          const v = l.portFlag ? flagValue(argv, l.portFlag) : undefined;
          const port = v !== undefined && /^\d+$/.test(v) ? Number(v) : l.port;
          return { port, protocol: l.protocol, server: l.server };
        }),
      };
    case 'forever':
      return { kind: 'forever', logs: rule.logs ?? '' };
    case 'exit':
      return { kind: 'exit', exitCode: rule.exitCode ?? 0, output: rule.output ?? '' };
    case 'run':
      return { kind: 'run', argv };
  }
}
