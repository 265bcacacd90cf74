/**
 * POSIX regular expressions (GNU grep's BRE and ERE) translated to
 * JavaScript RegExp source. In a BRE `\( \) \{ \} \| \+ \?` are operators and
 * bare `( ) { } | + ?` literals; in an ERE the reverse. Bracket expressions
 * keep backslash literal and know the `[:class:]` names. Errors carry GNU
 * grep's wording (`Unmatched ( or \(`).
 */

export type Flavor = 'basic' | 'extended';

export type Translated = { ok: true; source: string } | { ok: false; error: string };

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  cntrl: '\\x00-\\x1f\\x7f',
};

const UNMATCHED_BRACKET = 'Unmatched [, [^, [:, [., or [=';

export function translate(pattern: string, flavor: Flavor): Translated {
  const ere = flavor === 'extended';
  let out = '';
  let depth = 0;
  let atStart = true;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      const d = pattern[i + 1];
      if (d === undefined) return { ok: false, error: 'Trailing backslash' };
      i += 2;
      if (!ere && d === '(') {
        out += '(';
        depth++;
        atStart = true;
      } else if (!ere && d === ')') {
        if (depth === 0) return { ok: false, error: 'Unmatched ) or \\)' };
        out += ')';
        depth--;
      } else if (!ere && d === '|') {
        out += '|';
        atStart = true;
      } else if (!ere && d === '{') {
        const end = pattern.indexOf('\\}', i);
        if (end < 0) return { ok: false, error: 'Unmatched \\{' };
        out += interval(pattern.slice(i, end));
        i = end + 2;
      } else if (!ere && (d === '+' || d === '?')) out += d;
      else if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(d) || /[1-9]/.test(d)) out += '\\' + d;
      else if (d === '`') out += '^';
      else if (d === "'") out += '$';
      else out += escape(d);
      continue;
    }
    if (c === '[') {
      const b = bracket(pattern, i);
      if (!b) return { ok: false, error: UNMATCHED_BRACKET };
      out += b.source;
      i = b.end;
      continue;
    }
    i++;
    if (c === '*') out += wasStart ? '\\*' : '*';
    else if (c === '^') {
      if (ere || wasStart) {
        out += '^';
        atStart = true;
      } else out += '\\^';
    } else if (c === '$') {
      const rest = pattern.slice(i);
      out += ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$';
    } else if (c === '.') out += '.';
    else if (!ere) out += escape(c);
    else if (c === '(') {
      out += '(';
      depth++;
      atStart = true;
    } else if (c === ')') {
      if (depth === 0) out += '\\)';
      else {
        out += ')';
        depth--;
      }
    } else if (c === '|') {
      out += '|';
      atStart = true;
    } else if (c === '{') {
      const m = /^(\d*)(,?)(\d*)\}/.exec(pattern.slice(i));
      if (m && !wasStart && (m[1] || m[3])) {
        out += interval(m[0].slice(0, -1));
        i += m[0].length;
      } else out += '\\{';
    } else if (c === '+' || c === '?') out += wasStart ? '\\' + c : c;
    else out += escape(c);
  }
  if (depth > 0) return { ok: false, error: 'Unmatched ( or \\(' };
  return { ok: true, source: out };
}

/** `m,n` / `,n` (GNU: from 0) / `m,` / `m` to a JS quantifier. */
function interval(body: string): string {
  const [lo, hi] = body.split(',');
  if (hi === undefined) return `{${lo || '0'}}`;
  return `{${lo || '0'},${hi}}`;
}

/** A bracket expression starting at `start` (the `[`): JS class source and the index after `]`. */
function bracket(p: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') {
    out += '^';
    i++;
  }
  if (p[i] === ']') {
    out += '\\]';
    i++;
  }
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === ']') return { source: out + ']', end: i + 1 };
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const close = p.indexOf(p[i + 1] + ']', i + 2);
      if (close < 0) return undefined;
      const name = p.slice(i + 2, close);
      out += p[i + 1] === ':' ? (CLASSES[name] ?? '') : escapeClass(name);
      i = close + 1;
      continue;
    }
    out += escapeClass(c);
  }
  return undefined;
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^[]/g, (c) => '\\' + c);
}

/** A fixed string (-F) as RegExp source. */
export function literal(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => '\\' + c);
}
