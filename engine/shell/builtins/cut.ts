/**
 * GNU `cut`: -f LIST with -d DELIM (default TAB) and -s, -c/-b LIST,
 * --output-delimiter. LIST is `N`, `N-M`, `N-`, `-M`, comma-separated;
 * selected parts come out in input order, once each.
 */
import type { CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand, splitLines } from './io.ts';

type Range = [number, number];

export const cut: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), {
    flags: 'sn',
    withArg: 'dfcb',
    long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's', 'output-delimiter=': 'O' },
  });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('cut', parsed));
    return 1;
  }
  let delim = '\t';
  let outDelim: string | undefined;
  let mode: 'f' | 'c' | undefined;
  let list = '';
  let onlyDelimited = false;
  for (const { letter, value } of parsed.opts) {
    if (letter === 'd') delim = value!;
    else if (letter === 'O') outDelim = value;
    else if (letter === 's') onlyDelimited = true;
    else if (letter === 'f' || letter === 'c' || letter === 'b') {
      mode = letter === 'f' ? 'f' : 'c';
      list = value!;
    }
  }
  const fail = (msg: string) => {
    ctx.stderr(`cut: ${msg}\nTry 'cut --help' for more information.\n`);
    return 1;
  };
  if (!mode) return fail('you must specify a list of bytes, characters, or fields');
  if ([...delim].length !== 1) return fail('the delimiter must be a single character');
  const ranges = parseList(list);
  if (typeof ranges === 'string') return fail(ranges);
  const selected = (i: number) => ranges.some(([lo, hi]) => i >= lo && i <= hi);
  let status = 0;
  for (const f of parsed.operands.length ? parsed.operands : ['-']) {
    const r = readOperand(ctx, f);
    if ('error' in r) {
      ctx.stderr(`cut: ${f}: ${r.error}\n`);
      status = 1;
      continue;
    }
    for (const line of splitLines(r.text)) {
      if (mode === 'c') {
        ctx.stdout([...line].filter((_, i) => selected(i + 1)).join(outDelim ?? '') + '\n');
        continue;
      }
      if (!line.includes(delim)) {
        if (!onlyDelimited) ctx.stdout(line + '\n');
        continue;
      }
      ctx.stdout(line.split(delim).filter((_, i) => selected(i + 1)).join(outDelim ?? delim) + '\n');
    }
  }
  return status;
};

function parseList(list: string): Range[] | string {
  const ranges: Range[] = [];
  for (const item of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === '' && m[3] === '')) return m && m[2] ? 'invalid range with no endpoint: -' : `invalid field value ‘${item}’`;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo === 0 || hi === 0) return 'fields and positions are numbered from 1';
    if (hi < lo) return 'invalid decreasing range';
    ranges.push([lo, hi]);
  }
  return ranges;
}
