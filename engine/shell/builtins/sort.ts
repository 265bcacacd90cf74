/**
 * GNU `sort` in the C.UTF-8 locale (bytewise): -r -n -u -f -b -s -t SEP,
 * -k POS1[,POS2] with per-key letters (`-k2,2n`), and GNU's last-resort
 * comparison of whole lines when keys tie (unless -s or -u).
 */
import type { CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand, splitLines } from './io.ts';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: string;
}

export const sort: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), {
    flags: 'rnufbsh',
    withArg: 'ktTo',
    long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', 'key=': 'k', 'field-separator=': 't', stable: 's' },
  });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('sort', parsed));
    return 2;
  }
  let global = '';
  let sep: string | undefined;
  const keys: Key[] = [];
  for (const { letter, value } of parsed.opts) {
    if (letter === 'k') {
      const key = parseKey(value!);
      if (!key) {
        ctx.stderr(`sort: invalid number at field start: invalid count at start of ‘${value}’\n`);
        return 2;
      }
      keys.push(key);
    } else if (letter === 't') sep = value;
    else if (letter !== 'T' && letter !== 'o') global += letter;
  }
  let text = '';
  for (const f of parsed.operands.length ? parsed.operands : ['-']) {
    const r = readOperand(ctx, f);
    if ('error' in r) {
      ctx.stderr(`sort: cannot read: ${f}: ${r.error}\n`);
      return 2;
    }
    text += r.text.endsWith('\n') || r.text === '' ? r.text : r.text + '\n';
  }
  const lines = splitLines(text);
  const effective = keys.length ? keys.map((k) => ({ ...k, flags: k.flags || global })) : [{ startField: 1, startChar: 1, endField: 0, endChar: 0, flags: global }];
  const compare = (a: string, b: string): number => {
    for (const k of effective) {
      const c = compareKey(extract(a, k, sep), extract(b, k, sep), k.flags);
      if (c) return k.flags.includes('r') ? -c : c;
    }
    if (global.includes('s') || global.includes('u')) return 0;
    const c = bytewise(a, b);
    return global.includes('r') ? -c : c;
  };
  const sorted = lines.map((l, i) => [l, i] as const).sort((x, y) => compare(x[0], y[0]) || x[1] - y[1]).map((x) => x[0]);
  const out = global.includes('u') ? sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0) : sorted;
  ctx.stdout(out.map((l) => l + '\n').join(''));
  return 0;
};

function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfgMnrhV]*)(?:,(\d+)(?:\.(\d+))?([bdfgMnrhV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return {
    startField: Number(m[1]),
    startChar: Number(m[2] ?? 1),
    endField: m[4] ? Number(m[4]) : 0,
    endChar: Number(m[5] ?? 0),
    flags: (m[3] ?? '') + (m[6] ?? ''),
  };
}

/** Fields: with -t, split on the separator; without, each field starts at a blank run. */
function fieldsOf(line: string, sep: string | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(sep, start);
      out.push({ start, end: at < 0 ? line.length : at });
      if (at < 0) return out;
      start = at + sep.length;
    }
  }
  const re = /[ \t]*[^ \t]+/g;
  for (const m of line.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function extract(line: string, k: Key, sep: string | undefined): string {
  const fields = fieldsOf(line, sep);
  const sf = fields[k.startField - 1];
  if (!sf) return '';
  let fieldText = line.slice(sf.start);
  if (k.flags.includes('b')) fieldText = fieldText.replace(/^[ \t]+/, '');
  const start = line.length - fieldText.length + (k.startChar - 1);
  let end = line.length;
  if (k.endField) {
    const ef = fields[k.endField - 1];
    if (ef) end = k.endChar ? Math.min(ef.start + k.endChar, ef.end) : ef.end;
  }
  return line.slice(start, Math.max(start, end));
}

function compareKey(a: string, b: string, flags: string): number {
  if (flags.includes('n') || flags.includes('h') || flags.includes('g')) {
    const d = numeric(a) - numeric(b);
    if (d) return d < 0 ? -1 : 1;
    return 0;
  }
  if (flags.includes('f')) return bytewise(a.toUpperCase(), b.toUpperCase());
  return bytewise(a, b);
}

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d+|-?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function bytewise(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
