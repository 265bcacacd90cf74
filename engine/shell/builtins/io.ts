/**
 * Small helpers shared by the file-reading commands: option parsing in GNU
 * getopt style (clustered short flags, `--long=value`, `--`, options after
 * operands), reading an operand (`-` is stdin), splitting into lines.
 */
import type { CommandContext } from '../command.ts';
import { reasonOf } from '../redirect.ts';
import { Workspace } from '../../workspace/index.ts';

export interface OptSpec {
  /** Letters taking no argument. */
  flags: string;
  /** Letters taking an argument (`-n 5`, `-n5`). */
  withArg?: string;
  /** Long names mapped to a short letter; `=` at the end of the name means it takes an argument. */
  long?: Record<string, string>;
}

export interface ParsedOpts {
  opts: { letter: string; value?: string }[];
  operands: string[];
}

export type OptError = { kind: 'invalid' | 'missing'; option: string; long: boolean };

export function parseOpts(args: readonly string[], spec: OptSpec): ParsedOpts | OptError {
  const opts: ParsedOpts['opts'] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const withArgLetter = spec.long?.[name + '='];
      const letter = withArgLetter ?? spec.long?.[name];
      if (letter === undefined) return { kind: 'invalid', option: a, long: true };
      if (withArgLetter !== undefined) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return { kind: 'missing', option: name, long: true };
        opts.push({ letter, value });
      } else opts.push({ letter });
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (spec.withArg?.includes(c)) {
        const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
        if (value === undefined) return { kind: 'missing', option: c, long: false };
        opts.push({ letter: c, value });
        break;
      }
      if (!spec.flags.includes(c)) return { kind: 'invalid', option: c, long: false };
      opts.push({ letter: c });
    }
  }
  return { opts, operands };
}

export function isOptError(p: ParsedOpts | OptError): p is OptError {
  return 'kind' in p;
}

/** GNU's two lines for a bad option: `tool: invalid option -- 'z'` / `Try 'tool --help'...`. */
export function optErrorText(tool: string, e: OptError, usage?: string): string {
  const first =
    e.kind === 'invalid'
      ? e.long
        ? `${tool}: unrecognized option '${e.option}'`
        : `${tool}: invalid option -- '${e.option}'`
      : e.long
        ? `${tool}: option '--${e.option}' requires an argument`
        : `${tool}: option requires an argument -- '${e.option}'`;
  return `${first}\n${usage ? usage + '\n' : ''}Try '${tool} --help' for more information.\n`;
}

/** Read an operand: `-` is stdin; otherwise a file of the command's file tree. */
export function readOperand(ctx: CommandContext, name: string): { text: string } | { error: string } {
  if (name === '-') return { text: ctx.stdin };
  try {
    return { text: ctx.fs.readText(Workspace.resolve(ctx.cwd, name)) };
  } catch (e) {
    return { error: reasonOf(e) };
  }
}

/** Lines without their terminators; a final line without `\n` is still a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lines with their terminators kept (head/tail keep a missing final newline missing). */
export function splitKeep(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
