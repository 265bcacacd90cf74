/**
 * A small argv parser for the kube-netlab command: long options with `=` or a
 * separate value, repeatable options, `--` ending options, and a clear
 * one-line error for anything unknown.
 */
export interface OptionSpec {
  /** Takes a value (`--tags EXPR`) or is a switch (`--help`). */
  value: boolean;
  repeatable?: boolean;
  short?: string;
}

export class UsageError extends Error {}

/** The labs cannot run at all (they do not parse, or hold no scenario); exit code 2 like a usage error. */
export class LabsError extends Error {}

export interface Parsed {
  positional: string[];
  options: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([n, s]) => [s.short!, n]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (eq >= 0) value = a.slice(eq + 1);
    } else if (a.startsWith('-') && a.length > 1) {
      name = byShort.get(a.slice(1, 2));
      if (!name) throw new UsageError(`unknown option ${a}`);
      if (a.length > 2) value = a.slice(2);
    } else {
      positional.push(a);
      continue;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (s.value) {
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      }
    } else if (value !== undefined) {
      throw new UsageError(`option --${name} takes no value`);
    } else value = 'true';
    const list = options.get(name) ?? [];
    if (list.length > 0 && !s.repeatable) throw new UsageError(`option --${name} given twice`);
    list.push(value);
    options.set(name, list);
  }
  return { positional, options };
}

/** `--port N`: a port from 1 to 65535 (undefined when not given). */
export function portOption(options: Parsed['options']): number | undefined {
  const text = options.get('port')?.[0];
  if (text === undefined) return undefined;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`--port ${text}: a port is a number from 1 to 65535`);
  return port;
}

const PROTOCOLS = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' } as const;

/** `--protocol tcp|udp|sctp` in any case (default TCP), as the data plane names it. */
export function protocolOption(options: Parsed['options']): 'TCP' | 'UDP' | 'SCTP' {
  const text = (options.get('protocol')?.[0] ?? 'tcp').toLowerCase();
  const protocol = PROTOCOLS[text as keyof typeof PROTOCOLS];
  if (!protocol) throw new UsageError(`--protocol ${text}: write tcp, udp or sctp`);
  return protocol;
}
