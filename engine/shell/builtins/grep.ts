/**
 * GNU grep 3.x for the lab: BRE by default, -E, -F, -i/-y, -v, -c, -o, -w,
 * -x, -n, -q, -s, -h/-H, -l/-L, -m N, -r, several patterns (-e, or lines of
 * one pattern), files and stdin. Exit 0 when a line is selected, 1 when none,
 * 2 on error (0 with -q when a line matched despite an error), as GNU does.
 */
import type { CommandContext, CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand, splitLines } from './io.ts';
import { literal, translate, type Flavor } from './regex.ts';
import { Workspace } from '../../workspace/index.ts';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

const LONG: Record<string, string> = {
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'basic-regexp': 'G',
  'ignore-case': 'i',
  'invert-match': 'v',
  count: 'c',
  'only-matching': 'o',
  'word-regexp': 'w',
  'line-regexp': 'x',
  'line-number': 'n',
  quiet: 'q',
  silent: 'q',
  'no-messages': 's',
  'with-filename': 'H',
  'no-filename': 'h',
  'files-with-matches': 'l',
  'files-without-match': 'L',
  recursive: 'r',
  'regexp=': 'e',
  'max-count=': 'm',
  color: '\0',
  'color=': '\0',
  colour: '\0',
  'colour=': '\0',
};

interface GrepOptions {
  flavor: Flavor | 'fixed';
  set: Set<string>;
  patterns: string[];
  maxCount: number;
}

export const grep: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), { flags: 'EFGiyvcowxnqshHlLrR', withArg: 'em', long: LONG });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('grep', parsed, USAGE));
    return 2;
  }
  const o: GrepOptions = { flavor: 'basic', set: new Set(), patterns: [], maxCount: Infinity };
  for (const { letter, value } of parsed.opts) {
    if (letter === 'E') o.flavor = 'extended';
    else if (letter === 'F') o.flavor = 'fixed';
    else if (letter === 'G') o.flavor = 'basic';
    else if (letter === 'e') o.patterns.push(...value!.split('\n'));
    else if (letter === 'm') o.maxCount = Number(value);
    else o.set.add(letter === 'y' ? 'i' : letter === 'R' ? 'r' : letter);
  }
  const operands = [...parsed.operands];
  if (o.patterns.length === 0) {
    if (operands.length === 0) {
      ctx.stderr(`${USAGE}\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    o.patterns.push(...operands.shift()!.split('\n'));
  }
  const re = compile(o);
  if (typeof re === 'string') {
    ctx.stderr(`grep: ${re}\n`);
    return 2;
  }
  return searchAll(ctx, o, re, operands);
};

function compile(o: GrepOptions): RegExp | string {
  const sources: string[] = [];
  for (const p of o.patterns) {
    if (o.flavor === 'fixed') sources.push(literal(p));
    else {
      const t = translate(p, o.flavor);
      if (!t.ok) return t.error;
      sources.push(t.source);
    }
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (o.set.has('x')) source = `^(?:${source})$`;
  else if (o.set.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, o.set.has('i') ? 'gi' : 'g');
  } catch {
    return 'Invalid regular expression';
  }
}

/** The (name, text) inputs: operands, stdin, or for -r every file under the folders. */
interface Input {
  name: string;
  text?: string;
  error?: string;
}

function inputs(ctx: CommandContext, o: GrepOptions, operands: string[]): Input[] {
  if (operands.length === 0) {
    if (!o.set.has('r')) return [{ name: '(standard input)', text: ctx.stdin }];
    operands = ['.'];
  }
  return operands.flatMap((name): Input[] => {
    const abs = Workspace.resolve(ctx.cwd, name);
    if (o.set.has('r') && ctx.fs.type(abs) === 'dir') {
      const shown = name === '.' && parsedDefault(operands) ? '' : name.replace(/\/$/, '') + '/';
      return ctx.fs.walkFiles(abs).map((f) => ({ name: shown + f.slice(abs === '/' ? 1 : abs.length + 1), text: ctx.fs.readText(f) }));
    }
    if (ctx.fs.type(abs) === 'dir') return [{ name, error: 'Is a directory' }];
    const r = readOperand(ctx, name);
    return 'text' in r ? [{ name: name === '-' ? '(standard input)' : name, text: r.text }] : [{ name, error: r.error }];
  });
}

function parsedDefault(operands: string[]): boolean {
  return operands.length === 1 && operands[0] === '.';
}

function searchAll(ctx: CommandContext, o: GrepOptions, re: RegExp, operands: string[]): number {
  const files = inputs(ctx, o, operands);
  const withName = o.set.has('H') || (!o.set.has('h') && (files.length > 1 || o.set.has('r')));
  let matched = false;
  let error = false;
  for (const f of files) {
    if (f.text === undefined) {
      if (!o.set.has('s')) ctx.stderr(`grep: ${f.name}: ${f.error}\n`);
      error = true;
      continue;
    }
    const count = searchOne(ctx, o, re, f.text, withName ? f.name : undefined);
    if (count > 0) matched = true;
    if (matched && o.set.has('q')) return 0;
    if (o.set.has('l') && count > 0) ctx.stdout(f.name + '\n');
    if (o.set.has('L') && count === 0) ctx.stdout(f.name + '\n');
  }
  if (error && !(o.set.has('q') && matched)) return 2;
  return matched ? 0 : 1;
}

/** Prints the selected lines of one input; returns how many were selected. */
function searchOne(ctx: CommandContext, o: GrepOptions, re: RegExp, text: string, name: string | undefined): number {
  const quiet = o.set.has('q') || o.set.has('l') || o.set.has('L');
  const invert = o.set.has('v');
  const prefix = (n: number) => (name !== undefined ? name + ':' : '') + (o.set.has('n') ? `${n}:` : '');
  let count = 0;
  const lines = splitLines(text);
  for (let n = 0; n < lines.length && count < o.maxCount; n++) {
    const line = lines[n];
    re.lastIndex = 0;
    if (re.test(line) === invert) continue;
    count++;
    if (quiet || o.set.has('c')) continue;
    if (o.set.has('o') && !invert) {
      re.lastIndex = 0;
      for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout(prefix(n + 1) + m[0] + '\n');
    } else if (!o.set.has('o')) ctx.stdout(prefix(n + 1) + line + '\n');
  }
  if (o.set.has('c') && !quiet) ctx.stdout((name !== undefined ? name + ':' : '') + count + '\n');
  return count;
}
