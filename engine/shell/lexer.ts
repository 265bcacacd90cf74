/**
 * The lab shell's tokenizer: bash's quoting rules for the subset labs use.
 * Words keep their parts (literal / `$NAME` / `$(...)`, each marked quoted or
 * not) so expansion can split only what bash splits. `$(...)` bodies are
 * parsed recursively through the `parseSubst` callback the parser hands in.
 */
import type { CommandList, ParamOp, Pos, Redirect, Word, WordPart } from './ast.ts';
import { ShellSyntaxError } from './errors.ts';
import { cEscape } from './escapes.ts';

export type Token =
  | { t: 'word'; word: Word; pos: Pos }
  | { t: 'op'; v: '|' | '||' | '&&' | ';' | ';;' | '&' | '(' | ')' | '|&'; pos: Pos }
  | { t: 'redir'; op: Redirect['op']; fd: number; pos: Pos }
  | { t: 'nl'; pos: Pos }
  | { t: 'eof'; pos: Pos };

const META = new Set([' ', '\t', '\n', '|', '&', ';', '(', ')', '<', '>']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '#', '$', '!', '@', '*', '-', '0']);

export class Lexer {
  i = 0;
  private readonly lineStarts: number[] = [0];
  private peeked: Token | undefined;

  constructor(
    readonly src: string,
    private readonly parseSubst: () => CommandList,
  ) {
    for (let k = 0; k < src.length; k++) if (src[k] === '\n') this.lineStarts.push(k + 1);
  }

  posAt(index: number): Pos {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: index - this.lineStarts[lo] + 1 };
  }

  peek(): Token {
    this.peeked ??= this.scan();
    return this.peeked;
  }

  next(): Token {
    const tok = this.peek();
    this.peeked = undefined;
    return tok;
  }

  /** Continue scanning at `index` (forgetting any peeked token). */
  seek(index: number): void {
    this.peeked = undefined;
    this.i = index;
  }

  /** After a syntax error: drop the rest of the physical line, as interactive bash discards its input line. */
  skipLine(): void {
    this.peeked = undefined;
    while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
    if (this.i < this.src.length) this.i++;
  }

  private scan(): Token {
    this.skipBlanks();
    const start = this.i;
    const pos = this.posAt(start);
    const c = this.src[start];
    const c2 = this.src[start + 1];
    if (c === undefined) return { t: 'eof', pos };
    if (c === '\n') {
      this.i++;
      return { t: 'nl', pos };
    }
    if (c === '|') {
      if (c2 === '|' || c2 === '&') return this.op(c + c2 === '||' ? '||' : '|&', pos);
      return this.op('|', pos);
    }
    if (c === '&') {
      if (c2 === '&') return this.op('&&', pos);
      if (c2 === '>') {
        const append = this.src[start + 2] === '>';
        this.i += append ? 3 : 2;
        return { t: 'redir', op: append ? '&>>' : '&>', fd: -1, pos };
      }
      return this.op('&', pos);
    }
    if (c === ';') return this.op(c2 === ';' ? ';;' : ';', pos);
    if (c === '(' || c === ')') return this.op(c, pos);
    if (c === '<' || c === '>') return this.redirect(-1, pos);
    if (/[0-9]/.test(c)) {
      let k = start;
      while (/[0-9]/.test(this.src[k] ?? '')) k++;
      if (this.src[k] === '<' || this.src[k] === '>') {
        const fd = Number(this.src.slice(start, k));
        this.i = k;
        return this.redirect(fd, pos);
      }
    }
    return { t: 'word', word: this.readWord(), pos };
  }

  private op(v: Extract<Token, { t: 'op' }>['v'], pos: Pos): Token {
    this.i += v.length;
    return { t: 'op', v, pos };
  }

  private redirect(fd: number, pos: Pos): Token {
    const s = this.src.slice(this.i, this.i + 3);
    const table: [string, Redirect['op'] | string][] = [
      ['<<<', 'here-strings (<<<)'],
      ['<<', 'here-documents (<<)'],
      ['<(', 'process substitution <(...)'],
      ['>(', 'process substitution >(...)'],
      ['<>', 'read-write redirection (<>)'],
      ['>>', '>>'],
      ['>&', '>&'],
      ['<&', '<&'],
      ['>|', '>'],
      ['>', '>'],
      ['<', '<'],
    ];
    for (const [text, op] of table) {
      if (!s.startsWith(text)) continue;
      if (op.length > 3) throw new ShellSyntaxError('unsupported', op, pos);
      this.i += text.length;
      const redirOp = op as Redirect['op'];
      const defaultFd = redirOp === '<' || redirOp === '<&' ? 0 : 1;
      return { t: 'redir', op: redirOp, fd: fd < 0 ? defaultFd : fd, pos };
    }
    throw new Error('unreachable redirect');
  }

  /** Spaces, tabs, `\`+newline continuations and `#` comments (which run to the newline). */
  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  private readWord(): Word {
    const start = this.i;
    const parts: WordPart[] = [];
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined || META.has(c)) break;
      this.readPart(parts, false);
    }
    this.checkBraceExpansion(parts, start);
    return { parts, raw: this.src.slice(start, this.i), pos: this.posAt(start) };
  }

  /** One unit of a word: a quoted string, an escape, an expansion or a plain character. */
  private readPart(parts: WordPart[], quotedCtx: boolean): void {
    const c = this.src[this.i];
    const next = this.src[this.i + 1];
    if (c === '\\') {
      if (next === '\n') this.i += 2;
      else if (next === undefined) this.i++;
      else {
        pushLit(parts, next, true);
        this.i += 2;
      }
    } else if (c === "'" && !quotedCtx) {
      const end = this.src.indexOf("'", this.i + 1);
      if (end < 0) throw this.eof("'");
      pushLit(parts, this.src.slice(this.i + 1, end), true);
      this.i = end + 1;
    } else if (c === '"' && !quotedCtx) {
      this.readDquote(parts);
    } else if (c === '$') {
      this.readDollar(parts, quotedCtx);
    } else if (c === '`') {
      throw new ShellSyntaxError('unsupported', 'backtick command substitution (use $(...))', this.posAt(this.i));
    } else {
      pushLit(parts, c, quotedCtx);
      this.i++;
    }
  }

  private readDquote(parts: WordPart[]): void {
    this.i++;
    pushLit(parts, '', true);
    for (;;) {
      const c = this.src[this.i];
      const next = this.src[this.i + 1];
      if (c === undefined) throw this.eof('"');
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        if (next === '\n') this.i += 2;
        else if (next !== undefined && '$`"\\'.includes(next)) {
          pushLit(parts, next, true);
          this.i += 2;
        } else {
          pushLit(parts, '\\', true);
          this.i++;
        }
      } else if (c === '$') this.readDollar(parts, true);
      else if (c === '`') throw new ShellSyntaxError('unsupported', 'backtick command substitution (use $(...))', this.posAt(this.i));
      else {
        pushLit(parts, c, true);
        this.i++;
      }
    }
  }

  private readDollar(parts: WordPart[], quoted: boolean): void {
    const pos = this.posAt(this.i);
    const next = this.src[this.i + 1];
    if (next === '(') {
      if (this.src[this.i + 2] === '(') throw new ShellSyntaxError('unsupported', 'arithmetic expansion $((...))', pos);
      this.i += 2;
      parts.push({ kind: 'cmdsub', body: this.parseSubst(), quoted, pos });
    } else if (next === '{') {
      this.readBraceParam(parts, quoted, pos);
    } else if (next === "'" && !quoted) {
      this.readAnsiC(parts);
    } else if (next === '"' && !quoted) {
      this.i++;
      this.readDquote(parts);
    } else if (next === '[') {
      throw new ShellSyntaxError('unsupported', 'arithmetic expansion $[...]', pos);
    } else if (next !== undefined && NAME_START.test(next)) {
      let k = this.i + 1;
      while (NAME_CHAR.test(this.src[k] ?? '')) k++;
      parts.push({ kind: 'param', name: this.src.slice(this.i + 1, k), quoted, pos });
      this.i = k;
    } else if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMS.has(next))) {
      parts.push({ kind: 'param', name: next, quoted, pos });
      this.i += 2;
    } else {
      pushLit(parts, '$', quoted);
      this.i++;
    }
  }

  /** `${NAME}`, `${#NAME}`, `${NAME:-word}` and friends; other operators are reported as unsupported. */
  private readBraceParam(parts: WordPart[], quoted: boolean, pos: Pos): void {
    this.i += 2;
    let length = false;
    if (this.src[this.i] === '#' && this.src[this.i + 1] !== '}') {
      length = true;
      this.i++;
    }
    const nameStart = this.i;
    if (NAME_START.test(this.src[this.i] ?? '')) {
      while (NAME_CHAR.test(this.src[this.i] ?? '')) this.i++;
    } else if (/[0-9]/.test(this.src[this.i] ?? '')) {
      while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
    } else if (SPECIAL_PARAMS.has(this.src[this.i] ?? '')) this.i++;
    const name = this.src.slice(nameStart, this.i);
    if (this.i >= this.src.length) throw this.eof('}');
    if (name === '') throw new ShellSyntaxError('unsupported', `parameter expansion \${${this.src[this.i]}...}`, pos);
    if (this.src[this.i] === '}') {
      this.i++;
      parts.push(length ? { kind: 'param', name, op: '#', quoted, pos } : { kind: 'param', name, quoted, pos });
      return;
    }
    const op = ([':-', ':=', ':+', '-', '=', '+'] as const).find((o) => !length && this.src.startsWith(o, this.i));
    if (!op) {
      // bash reads to the closing brace before judging the operator; an unclosed one is end of input.
      if (this.src.indexOf('}', this.i) < 0) throw this.eof(quoted ? '"' : '}');
      const rest = this.src.slice(this.i, this.i + 1);
      throw new ShellSyntaxError('unsupported', `parameter expansion \${${name}${rest}...}`, pos);
    }
    this.i += op.length;
    const argStart = this.i;
    const argParts: WordPart[] = [];
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw this.eof('}');
      if (c === '}') break;
      this.readPart(argParts, quoted);
    }
    const arg: Word = { parts: argParts, raw: this.src.slice(argStart, this.i), pos: this.posAt(argStart) };
    this.i++;
    parts.push({ kind: 'param', name, op: op as ParamOp, arg, quoted, pos });
  }

  /** `$'...'`: ANSI-C quoting, with the common escapes. */
  private readAnsiC(parts: WordPart[]): void {
    this.i += 2;
    let out = '';
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw this.eof("'");
      if (c === "'") break;
      if (c === '\\') {
        const [text, used] = cEscape(this.src, this.i + 1);
        out += text;
        this.i += 1 + used;
      } else {
        out += c;
        this.i++;
      }
    }
    this.i++;
    pushLit(parts, out, true);
  }

  /** Brace expansion (`{a,b}`, `{1..3}`) would change the words; say so instead of passing it through. */
  private checkBraceExpansion(parts: WordPart[], start: number): void {
    for (const p of parts) {
      if (p.kind === 'lit' && !p.quoted && /\{[^{}\s]*,[^{}\s]*\}|\{(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(\.\.-?\d+)?\}/.test(p.text)) {
        throw new ShellSyntaxError('unsupported', 'brace expansion {a,b}', this.posAt(start));
      }
    }
  }

  private eof(close: string): ShellSyntaxError {
    return new ShellSyntaxError('unterminated', close, this.posAt(this.src.length));
  }
}

function pushLit(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text;
  else parts.push({ kind: 'lit', text, quoted });
}
