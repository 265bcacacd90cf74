/**
 * GNU `wc`: -l -w -c -m (default lines, words, bytes), in that column order.
 * Widths as GNU computes them: one count of one input is printed bare (`3`);
 * otherwise stdin forces width 7, and files use the digits of their total size.
 */
import type { CommandHandler } from '../command.ts';
import { isOptError, optErrorText, parseOpts, readOperand } from './io.ts';

const encoder = new TextEncoder();

export const wc: CommandHandler = (ctx) => {
  const parsed = parseOpts(ctx.argv.slice(1), {
    flags: 'lwcmL',
    long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' },
  });
  if (isOptError(parsed)) {
    ctx.stderr(optErrorText('wc', parsed));
    return 1;
  }
  const want = new Set(parsed.opts.map((o) => o.letter));
  if (want.size === 0) ['l', 'w', 'c'].forEach((l) => want.add(l));
  const columns = ['l', 'w', 'm', 'c', 'L'].filter((l) => want.has(l));
  const files = parsed.operands.length ? parsed.operands : ['-'];
  const rows: { counts: number[]; name?: string }[] = [];
  let status = 0;
  let anyStdin = false;
  let totalSize = 0;
  for (const f of files) {
    const r = readOperand(ctx, f);
    if ('error' in r) {
      ctx.stderr(`wc: ${f}: ${r.error}\n`);
      status = 1;
      continue;
    }
    if (f === '-') anyStdin = true;
    totalSize += encoder.encode(r.text).length;
    rows.push({ counts: columns.map((c) => count(r.text, c)), name: parsed.operands.length ? f : undefined });
  }
  if (files.length > 1) rows.push({ counts: columns.map((_, i) => rows.reduce((s, r) => s + r.counts[i], 0)), name: 'total' });
  // GNU's compute_number_width: stat sizes of regular files, at least 7 when one input is a pipe.
  const width = columns.length === 1 && files.length === 1 ? 1 : anyStdin ? 7 : String(totalSize).length;
  for (const row of rows) {
    const cells = row.counts.map((n) => String(n).padStart(width));
    ctx.stdout(cells.join(' ') + (row.name !== undefined ? ' ' + row.name : '') + '\n');
  }
  return status;
};

function count(text: string, column: string): number {
  switch (column) {
    case 'l':
      return (text.match(/\n/g) ?? []).length;
    case 'w':
      return (text.match(/\S+/g) ?? []).length;
    case 'm':
      return [...text].length;
    case 'c':
      return encoder.encode(text).length;
    default:
      return Math.max(0, ...text.split('\n').map((l) => l.length));
  }
}
