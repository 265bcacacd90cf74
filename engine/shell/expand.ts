/**
 * Word expansion, in bash's order for the subset: tilde, parameters and
 * `$(...)`, then field splitting of unquoted results on IFS whitespace, then
 * quote removal (already done by the lexer, which marks parts quoted). No
 * pathname expansion: an unquoted `*` stays a literal `*`.
 */
import type { CommandList, Word, WordPart } from './ast.ts';

export interface ExpandHost {
  /** A variable or special parameter (`?`, `#`, `0`, `1`...), undefined when unset. */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  /** Run `$(...)`: its stdout with trailing newlines stripped. */
  substitute(body: CommandList): string;
  home(): string;
}

/** Expand into fields (command words). */
export function expandFields(word: Word, host: ExpandHost): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  word.parts.forEach((part, i) => {
    if (part.kind === 'lit') {
      cur += i === 0 && !part.quoted ? tilde(part.text, host) : part.text;
      has = true;
      return;
    }
    const value = expandPart(part, host);
    if (part.quoted) {
      cur += value;
      has = true;
      return;
    }
    const pieces = value.split(/[ \t\n]+/);
    if (pieces[0] !== '') {
      cur += pieces[0];
      has = true;
    }
    for (const piece of pieces.slice(1)) {
      if (has) fields.push(cur);
      cur = piece;
      has = piece !== '';
    }
  });
  if (has) fields.push(cur);
  return fields;
}

/** Expand without splitting (assignment values, `${X:-word}` arguments). */
export function expandString(word: Word, host: ExpandHost): string {
  return word.parts
    .map((part, i) => (part.kind === 'lit' ? (i === 0 && !part.quoted ? tilde(part.text, host) : part.text) : expandPart(part, host)))
    .join('');
}

function tilde(text: string, host: ExpandHost): string {
  if (text === '~' || text.startsWith('~/')) return host.home() + text.slice(1);
  return text;
}

function expandPart(part: Exclude<WordPart, { kind: 'lit' }>, host: ExpandHost): string {
  if (part.kind === 'cmdsub') return host.substitute(part.body);
  const value = host.lookup(part.name);
  switch (part.op) {
    case undefined:
      return value ?? '';
    case '#':
      return String([...(value ?? '')].length);
    case ':-':
      return value ? value : expandString(part.arg!, host);
    case '-':
      return value !== undefined ? value : expandString(part.arg!, host);
    case ':+':
      return value ? expandString(part.arg!, host) : '';
    case '+':
      return value !== undefined ? expandString(part.arg!, host) : '';
    case ':=':
    case '=': {
      if (part.op === ':=' ? value : value !== undefined) return value!;
      const v = expandString(part.arg!, host);
      host.assign(part.name, v);
      return v;
    }
  }
}
