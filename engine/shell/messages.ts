/**
 * How each shell words its own errors. The wording is the contract (labs
 * check it byte for byte), so it lives here as data and small functions:
 * - bash 5.2 interactive: no line numbers (parse.y's parser_error /
 *   report_syntax_error print `bash: ` + message when interactive);
 * - bash -c / bash FILE: `bash: line N: ` for commands, `bash: -c: line N: `
 *   for syntax errors, followed by the offending line in `...' quotes;
 * - dash (Debian's /bin/sh): `sh: N: ` then `Syntax error: "|" unexpected`
 *   (dash src/error.c + parser.c);
 * - BusyBox ash: `sh: ` (no line with -c; `sh: FILE: line N: ` for a file),
 *   `syntax error: unexpected "|"` (mirror/busybox shell/ash.c
 *   raise_error_unexpected_syntax, tokname_array, ash_vmsg).
 */
import type { ShellDialect } from './command.ts';
import type { ShellSyntaxError } from './errors.ts';

export interface ShellIdentity {
  dialect: ShellDialect;
  /** The lab terminal (interactive bash) or a `sh -c` / script child. */
  interactive: boolean;
  /** $0: `sh`, `/bin/sh`, `bash`, or the script file's name. */
  arg0: string;
  /** True when running a script file rather than `-c STRING`. */
  scriptFile: boolean;
}

/** The prefix of every message the shell itself prints about a command on `line`. */
export function prefix(id: ShellIdentity, line: number): string {
  if (id.dialect === 'bash') return id.interactive ? 'bash: ' : `${id.arg0}: line ${line}: `;
  if (id.dialect === 'dash') return `${id.arg0}: ${line}: `;
  return id.scriptFile ? `${id.arg0}: line ${line}: ` : `${id.arg0}: `;
}

export function notFound(id: ShellIdentity, name: string, line: number): string {
  return `${prefix(id, line)}${name}: ${id.dialect === 'bash' ? 'command not found' : 'not found'}\n`;
}

/** The message for a syntax error; `lineText` is the source line (bash -c echoes it). */
export function syntaxError(id: ShellIdentity, err: ShellSyntaxError, lineText: string): string {
  const line = err.pos.line;
  if (err.kind === 'unsupported') {
    const where = id.interactive ? '' : `${id.arg0}: `;
    return `${id.interactive ? 'bash: ' : where}the lab shell does not support ${err.token} (line ${line})\n`;
  }
  if (id.dialect === 'bash') return bashSyntax(id, err, lineText);
  if (id.dialect === 'dash') return `${id.arg0}: ${line}: Syntax error: ${dashText(err)}\n`;
  return `${prefix(id, line)}syntax error: ${busyboxText(err)}\n`;
}

function bashSyntax(id: ShellIdentity, err: ShellSyntaxError, lineText: string): string {
  const where = id.interactive ? 'bash: ' : `${id.arg0}: ${id.scriptFile ? '' : '-c: '}line ${err.pos.line}: `;
  switch (err.kind) {
    case 'unterminated':
      return `${where}unexpected EOF while looking for matching \`${err.token}'\n`;
    case 'unexpected-eof':
      return `${where}syntax error: unexpected end of file\n`;
    default: {
      const echo = id.interactive ? '' : `${where}\`${lineText}'\n`;
      return `${where}syntax error near unexpected token \`${err.token}'\n${echo}`;
    }
  }
}

function dashText(err: ShellSyntaxError): string {
  if (err.kind === 'unterminated') {
    if (err.token === ')') return 'end of file unexpected (expecting ")")';
    if (err.token === '}') return "Missing '}'";
    return 'Unterminated quoted string';
  }
  if (err.kind === 'unexpected-eof') return 'end of file unexpected';
  return `${quoteToken(err.token)} unexpected`;
}

function busyboxText(err: ShellSyntaxError): string {
  if (err.kind === 'unterminated') {
    if (err.token === ')') return 'unexpected end of file (expecting ")")';
    if (err.token === '}') return "missing '}'";
    return 'unterminated quoted string';
  }
  if (err.kind === 'unexpected-eof') return 'unexpected end of file';
  return `unexpected ${quoteToken(err.token)}`;
}

/** ash/dash's tokname: `newline` and `end of file` bare, operators and keywords in double quotes. */
function quoteToken(token: string): string {
  if (token === 'newline' || token === 'end of file') return token;
  if (/^[|&;()<>!{}]+$|^(case|do|done|elif|else|esac|fi|for|if|in|then|until|while)$/.test(token)) return `"${token}"`;
  return 'word';
}

/** `cd DIR` failures: bash says why and exits 1; dash and BusyBox say "can't cd" and exit 2. */
export function cdError(id: ShellIdentity, dir: string, reason: string, line: number): { text: string; code: number } {
  if (id.dialect === 'bash') return { text: `${prefix(id, line)}cd: ${dir}: ${reason}\n`, code: 1 };
  if (id.dialect === 'dash') return { text: `${prefix(id, line)}cd: can't cd to ${dir}\n`, code: 2 };
  return { text: `${prefix(id, line)}cd: can't cd to ${dir}: ${reason}\n`, code: 2 };
}

/** A redirection that cannot open its file. */
export function redirectError(id: ShellIdentity, file: string, mode: 'create' | 'open', reason: string, line: number): string {
  if (id.dialect === 'bash') return `${prefix(id, line)}${file}: ${reason}\n`;
  if (id.dialect === 'dash') {
    const why = mode === 'open' ? 'No such file' : reason === 'No such file or directory' ? 'Directory nonexistent' : reason;
    return `${prefix(id, line)}cannot ${mode} ${file}: ${why}\n`;
  }
  const enoent = reason === 'No such file or directory';
  const why = enoent ? (mode === 'create' ? 'nonexistent directory' : 'no such file') : reason;
  return `${prefix(id, line)}can't ${mode} ${file}: ${why}\n`;
}
