/**
 * How Go's fmt prints the values that end up in API server messages:
 * strconv.Quote for `%q`, `%v` for numbers and booleans, `%#v` for slices
 * (`[]string{"10.43.0.10"}`). Values that need a Go type (a []string, a
 * typed int) are wrapped in GoRepr by the caller, which knows the type.
 */

/** A value that prints as the given Go text (`%#v` or `%v` already applied). */
export class GoRepr {
  constructor(readonly text: string, readonly value: unknown) {}
  toString(): string {
    return this.text;
  }
}

/** `[]string{"a", "b"}` as `%#v` prints a Go []string. */
export function goStringSlice(items: readonly string[]): GoRepr {
  return new GoRepr(`[]string{${items.map(goQuote).join(', ')}}`, items);
}

/** strconv.Quote: double quotes, Go escapes, printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0xfffd && ch !== s) out += ch;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Go's `%v` of a float64/int: 80, 1.5, 1e+21. */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  return s.replace(/e\+?(-?)(\d)$/, (_m, sign: string, d: string) => `e${sign || '+'}0${d}`).replace(/e\+?(-?)(\d\d+)$/, (_m, sign: string, d: string) => `e${sign || '+'}${d}`);
}

/** The bad value as field.Error.ErrorBody prints it. */
export function goValue(v: unknown): string {
  if (v instanceof GoRepr) return v.text;
  if (v === null || v === undefined) return '"null"';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v).text;
  return JSON.stringify(v) ?? String(v);
}
