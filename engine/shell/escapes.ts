/**
 * C-style backslash escapes, shared by `$'...'`, `echo -e` and `printf`.
 */

/** One C escape after a backslash (used by `$'...'`, `echo -e`, `printf`): [text, characters consumed]. */
export function cEscape(s: string, at: number): [string, number] {
  const c = s[at];
  const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  if (c === undefined) return ['\\', 0];
  if (c in simple) return [simple[c], 1];
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(s.slice(at))![0];
    return [String.fromCharCode(parseInt(m, 8) & 0xff), m.length];
  }
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(at + 1));
    return m ? [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length] : ['\\x', 1];
  }
  if (c === 'u' || c === 'U') {
    const m = new RegExp(`^[0-9a-fA-F]{1,${c === 'u' ? 4 : 8}}`).exec(s.slice(at + 1));
    return m ? [String.fromCodePoint(parseInt(m[0], 16)), 1 + m[0].length] : ['\\' + c, 1];
  }
  return ['\\' + c, 1];
}
