/**
 * `printf FORMAT [ARGS...]` as bash's built-in: C escapes in the format,
 * conversions %s %b %q %c %d %i %u %o %x %X %f %e %g %%, flags, width and
 * precision (also `*`), and the format reused while arguments remain.
 */
import type { CommandHandler } from '../command.ts';
import { cEscape } from '../escapes.ts';
import { echoEscapes } from './echo.ts';

const SPEC = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcsbqfFeEgG%])/;

export const printf: CommandHandler = (ctx) => {
  const argv = ctx.argv.slice(1);
  if (argv[0] === '--') argv.shift();
  if (argv.length === 0) {
    ctx.stderr(`${ctx.dialect === 'bash' ? 'bash: ' : ''}printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  const [format, ...args] = argv;
  const state = { args, next: 0, status: 0, bad: (arg: string) => badNumber(ctx.dialect, arg, ctx.stderr, state) };
  let out = '';
  do {
    const before = state.next;
    const [text, stop] = formatOnce(format, state);
    out += text;
    if (stop || state.next === before) break;
  } while (state.next < args.length);
  ctx.stdout(out);
  return state.status;
};

interface FormatState {
  args: string[];
  next: number;
  status: number;
  bad(arg: string): void;
}

function badNumber(dialect: string, arg: string, err: (t: string) => void, state: { status: number }): void {
  err(dialect === 'bash' ? `bash: printf: ${arg}: invalid number\n` : `printf: ${arg}: expected numeric value\n`);
  state.status = 1;
}

/** One pass over the format. Returns [text, stopped by \c in %b]. */
function formatOnce(format: string, st: FormatState): [string, boolean] {
  let out = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i];
    if (c === '\\') {
      const [text, used] = formatEscape(format, i + 1);
      out += text;
      i += 1 + used;
      continue;
    }
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const m = SPEC.exec(format.slice(i));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    i += m[0].length;
    if (m[4] === '%') {
      out += '%';
      continue;
    }
    const width = m[2] === '*' ? toInt(takeArg(st) ?? '0', st) : m[2] ? Number(m[2]) : undefined;
    const precision = m[3] === '*' ? toInt(takeArg(st) ?? '0', st) : m[3] !== undefined ? Number(m[3] || '0') : undefined;
    const [text, stop] = convert(m[4], m[1], precision, st);
    out += pad(text, m[1], width, /[diouxXfFeEgG]/.test(m[4]));
    if (stop) return [out, true];
  }
  return [out, false];
}

/** Escapes in printf's format: like C, with `\NNN` octal taking 1 to 3 digits. */
function formatEscape(s: string, at: number): [string, number] {
  const m = /^[0-7]{1,3}/.exec(s.slice(at));
  if (m) return [String.fromCharCode(parseInt(m[0], 8) & 0xff), m[0].length];
  return cEscape(s, at);
}

function takeArg(st: FormatState): string | undefined {
  return st.next < st.args.length ? st.args[st.next++] : undefined;
}

function convert(conv: string, flags: string, precision: number | undefined, st: FormatState): [string, boolean] {
  const arg = takeArg(st);
  switch (conv) {
    case 's':
      return [precision !== undefined ? (arg ?? '').slice(0, precision) : (arg ?? ''), false];
    case 'b': {
      const [text, stop] = echoEscapes(arg ?? '');
      return [precision !== undefined ? text.slice(0, precision) : text, stop];
    }
    case 'q':
      return [shellQuote(arg ?? ''), false];
    case 'c':
      return [(arg ?? '').slice(0, 1), false];
    case 'd':
    case 'i':
      return [signed(BigInt(toInt(arg ?? '0', st)), flags, precision), false];
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      return [unsigned(toInt(arg ?? '0', st), conv, flags, precision), false];
    default:
      return [float(toFloat(arg ?? '0', st), conv, flags, precision ?? 6), false];
  }
}

function toInt(arg: string, st: FormatState): number {
  const s = arg.trim();
  if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m || m[0].length !== s.length) {
    st.bad(arg);
    if (!m) return 0;
  }
  const body = m[2];
  const v = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.startsWith('0') && body.length > 1 ? parseInt(body, 8) : parseInt(body, 10);
  return m[1] === '-' ? -v : v;
}

function toFloat(arg: string, st: FormatState): number {
  const s = arg.trim();
  if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
  const v = Number(s);
  if (s === '' || Number.isNaN(v)) {
    st.bad(arg);
    return parseFloat(s) || 0;
  }
  return v;
}

function signed(v: bigint, flags: string, precision: number | undefined): string {
  let digits = (v < 0n ? -v : v).toString();
  if (precision !== undefined) digits = digits.padStart(precision, '0');
  const sign = v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return sign + digits;
}

function unsigned(v: number, conv: string, flags: string, precision: number | undefined): string {
  const n = v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v);
  let digits = conv === 'o' ? n.toString(8) : conv === 'x' ? n.toString(16) : conv === 'X' ? n.toString(16).toUpperCase() : n.toString();
  if (precision !== undefined) digits = digits.padStart(precision, '0');
  if (flags.includes('#') && n !== 0n) digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
  return digits;
}

function float(v: number, conv: string, flags: string, precision: number): string {
  const sign = v < 0 || Object.is(v, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(v);
  let body: string;
  if (conv === 'f' || conv === 'F') body = a.toFixed(precision);
  else if (conv === 'e' || conv === 'E') body = expo(a, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const x = a === 0 ? 0 : Math.floor(Math.log10(a));
    body = p > x && x >= -4 ? a.toFixed(p - 1 - x) : expo(a, p - 1);
    if (!flags.includes('#') && body.includes('.')) body = body.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  }
  return sign + (conv === conv.toUpperCase() ? body.toUpperCase() : body);
}

/** C's %e: at least two exponent digits. */
function expo(a: number, precision: number): string {
  return a.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
}

function pad(text: string, flags: string, width: number | undefined, numeric: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ ]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** bash's `%q`: safe words as they are, others backslash-escaped, control characters as $'...'. */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(s)) {
    const body = s.replace(/[\\']/g, (c) => '\\' + c).replace(/[\x00-\x1f\x7f]/g, (c) => {
      const named: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v', '\x1b': 'E' };
      return '\\' + (named[c] ?? c.charCodeAt(0).toString(8).padStart(3, '0'));
    });
    return `$'${body}'`;
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => '\\' + c);
}
