/**
 * The lab shell's parser: one complete command at a time, as interactive bash
 * reads one line (plus the continuation lines an open quote or a trailing
 * `|`, `&&`, `||` asks for) before running anything.
 */
import type { AndOr, Assignment, CommandList, Pipeline, Pos, Redirect, SimpleCommand, Word } from './ast.ts';
import { ShellSyntaxError } from './errors.ts';
import { Lexer, type Token } from './lexer.ts';

export type ParsedLine =
  | { kind: 'command'; list: CommandList }
  | { kind: 'empty' }
  /** A syntax error; the rest of that line was dropped and parsing can go on (unless `fatal`). */
  | { kind: 'error'; error: ShellSyntaxError; fatal: boolean }
  | { kind: 'eof' };

/** Compound commands the subset leaves out, and how to name them in the error. */
const UNSUPPORTED_OPENERS: Record<string, string> = {
  if: '`if` statements',
  for: '`for` loops',
  while: '`while` loops',
  until: '`until` loops',
  case: '`case` statements',
  select: '`select` loops',
  function: 'functions',
  '{': '`{ ...; }` groups',
  '[[': '`[[ ... ]]` tests',
  coproc: 'coprocesses',
  time: 'the `time` keyword',
};
/** Reserved words that can only close or continue a compound command: bash rejects them alone. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

export class Parser {
  private readonly lexer: Lexer;

  constructor(readonly src: string) {
    this.lexer = new Lexer(src, () => this.parseList('subst'));
  }

  /** The next complete command of the script. */
  nextLine(): ParsedLine {
    try {
      const tok = this.lexer.peek();
      if (tok.t === 'eof') return { kind: 'eof' };
      if (tok.t === 'nl') {
        this.lexer.next();
        return { kind: 'empty' };
      }
      return { kind: 'command', list: this.parseList('line') };
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      const fatal = e.kind === 'unterminated' || e.kind === 'unexpected-eof';
      if (fatal) this.lexer.i = this.src.length;
      else this.recover(e);
      return { kind: 'error', error: e, fatal };
    }
  }

  /** Drop the rest of the line; for an unsupported compound command, drop its whole body too. */
  private recover(e: ShellSyntaxError): void {
    const wasNewline = e.token === 'newline' && e.kind === 'unexpected-token';
    if (wasNewline && this.lexer.peek().t === 'nl') this.lexer.next();
    else this.lexer.skipLine();
    if (e.kind === 'unsupported' && /^`(if|for|while|until|case|select)|^functions|^`\{/.test(e.token)) this.skipBlock(e.pos.line);
  }

  /** Skip lines until the compound command opened on `line` is closed (counting nested openers). */
  private skipBlock(line: number): void {
    const lines = this.src.split('\n');
    let depth = 0;
    let k = line - 1;
    for (; k < lines.length; k++) {
      for (const w of lines[k].split(/[\s;&|()]+/)) {
        if (/^(if|for|while|until|case|select|\{)$/.test(w)) depth++;
        else if (/^(fi|done|esac|\})$/.test(w)) depth--;
      }
      if (depth <= 0) break;
    }
    const skipTo = lines.slice(0, k + 1).join('\n').length + 1;
    if (skipTo > this.lexer.i) this.lexer.seek(Math.min(skipTo, this.src.length));
  }

  /** A list up to a newline (`line`) or up to the `)` that closes `$(` (`subst`). */
  parseList(end: 'line' | 'subst'): CommandList {
    const items: AndOr[] = [];
    const pos = this.lexer.posAt(this.lexer.i);
    for (;;) {
      let tok = this.lexer.peek();
      if (end === 'subst') {
        while (tok.t === 'nl') tok = (this.lexer.next(), this.lexer.peek());
        if (tok.t === 'op' && tok.v === ')') {
          this.lexer.next();
          return { kind: 'list', items, pos };
        }
        if (tok.t === 'eof') throw new ShellSyntaxError('unterminated', ')', tok.pos);
      } else if (items.length > 0 && (tok.t === 'nl' || tok.t === 'eof')) {
        if (tok.t === 'nl') this.lexer.next();
        return { kind: 'list', items, pos };
      }
      items.push(this.parseAndOr());
      tok = this.lexer.peek();
      if (tok.t === 'op' && tok.v === ';') this.lexer.next();
      else if (tok.t === 'op' && tok.v === '&') throw new ShellSyntaxError('unsupported', 'background jobs (&)', tok.pos);
      else if (tok.t === 'nl' || tok.t === 'eof' || (end === 'subst' && tok.t === 'op' && tok.v === ')')) continue;
      else throw unexpected(tok);
    }
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const tok = this.lexer.peek();
      if (tok.t !== 'op' || (tok.v !== '&&' && tok.v !== '||')) break;
      this.lexer.next();
      this.linebreak();
      rest.push({ op: tok.v, pipeline: this.parsePipeline() });
    }
    return { kind: 'andor', first, rest, pos: first.pos };
  }

  private parsePipeline(): Pipeline {
    const start = this.lexer.peek();
    let bang = false;
    if (start.t === 'word' && isBareWord(start.word, '!')) {
      this.lexer.next();
      bang = true;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      const tok = this.lexer.peek();
      if (tok.t !== 'op' || (tok.v !== '|' && tok.v !== '|&')) break;
      this.lexer.next();
      if (tok.v === '|&') {
        const prev = commands[commands.length - 1];
        prev.redirects.push({ op: '>&', fd: 2, target: literalWord('1', tok.pos), pos: tok.pos });
      }
      this.linebreak();
      commands.push(this.parseCommand());
    }
    return { kind: 'pipeline', bang, commands, pos: start.pos };
  }

  /** Newlines allowed after `|`, `&&`, `||`: the command goes on on the next line. */
  private linebreak(): void {
    while (this.lexer.peek().t === 'nl') this.lexer.next();
  }

  private parseCommand(): SimpleCommand {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const pos = this.lexer.peek().pos;
    for (;;) {
      const tok = this.lexer.peek();
      if (tok.t === 'word') {
        if (words.length === 0) this.checkReserved(tok, assigns.length + redirects.length === 0);
        const assign = words.length === 0 ? asAssignment(tok.word) : undefined;
        if (assign) assigns.push(assign);
        else words.push(tok.word);
        this.lexer.next();
      } else if (tok.t === 'redir') {
        this.lexer.next();
        const target = this.lexer.peek();
        if (target.t !== 'word') throw unexpected(target);
        this.lexer.next();
        redirects.push({ op: tok.op, fd: tok.fd, target: target.word, pos: tok.pos });
      } else if (tok.t === 'op' && tok.v === '(') {
        this.parenInCommand(words.length + assigns.length + redirects.length === 0, words.length, tok);
      } else break;
    }
    if (words.length + assigns.length + redirects.length === 0) throw unexpected(this.lexer.peek());
    return { kind: 'simple', assigns, words, redirects, pos };
  }

  /** `(` starts a subshell, `((` arithmetic, `name ()` a function: all outside the subset. */
  private parenInCommand(atStart: boolean, wordCount: number, tok: Token): never {
    if (atStart) {
      const double = this.src[this.lexer.i] === '(';
      throw new ShellSyntaxError('unsupported', double ? 'arithmetic commands ((...))' : 'subshells ( ... )', tok.pos);
    }
    if (wordCount !== 1) throw unexpected(tok);
    this.lexer.next();
    const after = this.lexer.peek();
    if (after.t === 'op' && after.v === ')') throw new ShellSyntaxError('unsupported', 'functions', tok.pos);
    throw unexpected(after);
  }

  private checkReserved(tok: Extract<Token, { t: 'word' }>, first: boolean): void {
    const w = tok.word;
    if (!first || w.parts.length !== 1 || w.parts[0].kind !== 'lit' || w.parts[0].quoted) return;
    const text = w.parts[0].text;
    if (CLOSERS.has(text)) throw new ShellSyntaxError('unexpected-token', text, tok.pos);
    const feature = UNSUPPORTED_OPENERS[text];
    if (feature) throw new ShellSyntaxError('unsupported', feature, tok.pos);
  }
}

function unexpected(tok: Token): ShellSyntaxError {
  switch (tok.t) {
    case 'eof':
      return new ShellSyntaxError('unexpected-eof', 'end of file', tok.pos);
    case 'nl':
      return new ShellSyntaxError('unexpected-token', 'newline', tok.pos);
    case 'op':
      return new ShellSyntaxError('unexpected-token', tok.v, tok.pos);
    case 'redir':
      return new ShellSyntaxError('unexpected-token', redirText(tok.op, tok.fd), tok.pos);
    case 'word':
      return new ShellSyntaxError('unexpected-token', tok.word.raw, tok.pos);
  }
}

/** A redirection operator as typed: `>`, `2>`, `&>`. */
function redirText(op: Redirect['op'], fd: number): string {
  const defaultFd = op.startsWith('<') ? 0 : 1;
  return (fd >= 0 && fd !== defaultFd ? String(fd) : '') + op;
}

function isBareWord(w: Word, text: string): boolean {
  return w.parts.length === 1 && w.parts[0].kind === 'lit' && !w.parts[0].quoted && w.parts[0].text === text;
}

function literalWord(text: string, pos: Pos): Word {
  return { parts: [{ kind: 'lit', text, quoted: false }], raw: text, pos };
}

/** `NAME=value` / `NAME+=value` where `NAME=` is typed unquoted. */
function asAssignment(w: Word): Assignment | undefined {
  const first = w.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, text: rest }] : []), ...w.parts.slice(1)];
  return { name: m[1], append: m[2] === '+', value: { parts, raw: w.raw.slice(m[0].length), pos: w.pos }, pos: w.pos };
}
