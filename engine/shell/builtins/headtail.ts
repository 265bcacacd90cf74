/**
 * GNU `head` and `tail`: -n N (head: -n -N = all but the last N; tail: -n +N =
 * from line N), the old `-N` form, -c N, -q/-v headers (`==> f <==` between
 * several files). BusyBox words a missing file differently.
 */
import type { CommandContext, CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand, splitKeep } from './io.ts';

type Mode = { unit: 'lines' | 'bytes'; n: number; sign: '' | '+' | '-' };

function makeHeadTail(tool: 'head' | 'tail'): CommandHandler {
  return (ctx) => {
    // `head -5` is `head -n 5`
    const raw = ctx.argv.slice(1);
    const args = raw.map((a, i) => (/^-[0-9]+$/.test(a) && !/^-[nc]$/.test(raw[i - 1] ?? '') ? `-n${a.slice(1)}` : a));
    const parsed = parseOpts(args, {
      flags: 'qvf',
      withArg: 'nc',
      long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v', follow: 'f' },
    });
    if (isOptError(parsed)) {
      ctx.stderr(optErrorText(tool, parsed));
      return 1;
    }
    let mode: Mode = { unit: 'lines', n: 10, sign: '' };
    let headers: boolean | undefined;
    for (const { letter, value } of parsed.opts) {
      if (letter === 'q') headers = false;
      else if (letter === 'v') headers = true;
      else if (letter === 'n' || letter === 'c') {
        const m = /^([-+]?)(\d+)$/.exec(value!.trim());
        if (!m) {
          const what = letter === 'n' ? 'lines' : 'bytes';
          ctx.stderr(`${tool}: invalid number of ${what}: ‘${value}’\n`);
          return 1;
        }
        mode = { unit: letter === 'n' ? 'lines' : 'bytes', n: Number(m[2]), sign: m[1] as Mode['sign'] };
      }
    }
    const files = parsed.operands.length ? parsed.operands : ['-'];
    const showHeaders = headers ?? files.length > 1;
    let status = 0;
    let first = true;
    for (const f of files) {
      const r = readOperand(ctx, f);
      if ('error' in r) {
        ctx.stderr(openError(ctx, tool, f, r.error));
        status = 1;
        continue;
      }
      if (showHeaders) ctx.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      ctx.stdout(tool === 'head' ? head(r.text, mode) : tail(r.text, mode));
    }
    return status;
  };
}

function openError(ctx: CommandContext, tool: string, f: string, reason: string): string {
  if (ctx.dialect === 'busybox') return `${tool}: can't open '${f}': ${reason}\n`;
  return `${tool}: cannot open '${f}' for reading: ${reason}\n`;
}

function head(text: string, m: Mode): string {
  const units = m.unit === 'lines' ? splitKeep(text) : [...text];
  const kept = m.sign === '-' ? units.slice(0, Math.max(0, units.length - m.n)) : units.slice(0, m.n);
  return kept.join('');
}

function tail(text: string, m: Mode): string {
  const units = m.unit === 'lines' ? splitKeep(text) : [...text];
  if (m.sign === '+') return units.slice(Math.max(0, m.n - 1)).join('');
  return m.n === 0 ? '' : units.slice(-m.n).join('');
}

export const headCommand = makeHeadTail('head');
export const tailCommand = makeHeadTail('tail');
