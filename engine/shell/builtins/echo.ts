/**
 * `echo`: bash's built-in and GNU coreutils' /bin/echo (-n, -e, -E, combined
 * as `-ne`; an argument with any other letter is printed), and dash's
 * built-in (only `-n`; backslash escapes always interpreted; `-e` printed).
 */
import type { CommandHandler } from '../command.ts';
import { cEscape } from '../escapes.ts';

export const echo: CommandHandler = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args.shift()!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  const text = args.join(' ');
  if (!escapes) {
    ctx.stdout(text + (newline ? '\n' : ''));
    return 0;
  }
  const [out, stopped] = echoEscapes(text);
  ctx.stdout(out + (newline && !stopped ? '\n' : ''));
  return 0;
};

export const dashEcho: CommandHandler = (ctx) => {
  const args = ctx.argv.slice(1);
  const newline = args[0] !== '-n';
  if (!newline) args.shift();
  const [out, stopped] = echoEscapes(args.join(' '));
  ctx.stdout(out + (newline && !stopped ? '\n' : ''));
  return 0;
};

/** `echo -e` / `%b` escapes: `\0NNN` octal, `\c` stops all output. Returns [text, stopped]. */
export function echoEscapes(s: string): [string, boolean] {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    const n = s[i + 1];
    if (n === 'c') return [out, true];
    if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
      i += 1 + m.length;
      continue;
    }
    if (/[1-7]/.test(n) || n === "'" || n === '"' || n === '?') {
      out += '\\' + n;
      i++;
      continue;
    }
    const [text, used] = cEscape(s, i + 1);
    out += text;
    i += used;
  }
  return [out, false];
}
