/**
 * Go's encoding/json as kubectl uses it on unstructured objects
 * (map[string]interface{}): json.Marshal (compact, map keys sorted by
 * bytes, HTML-safe escapes `\u003c \u003e \u0026`, U+2028/U+2029 escaped,
 * `\b \f \n \r \t` short escapes since Go 1.22) and json.MarshalIndent as
 * `kubectl get -o json` prints (cli-runtime pkg/printers/json.go: 4 spaces,
 * then "\n").
 *
 * Numbers: unstructured JSON decodes integral numbers as int64 and the rest
 * as float64; JS cannot tell 1.0 from 1, so every integral number is an
 * int64 here. json.Marshal writes float64 with the same rule as JS
 * (exponent below 1e-6 or from 1e21), so String(n) is exact for it.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue | undefined };

const HEX = '0123456789abcdef';

/** Go's sort.Strings order: byte-wise on UTF-8, i.e. by code point. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** A JSON string literal as Go's encodeState.string writes it with escapeHTML. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u202${HEX[c & 0xf]}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 in Go
    else out += ch;
  }
  return `${out}"`;
}

/** A number as json.Marshal writes an int64 or float64. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null'; // Go would fail with UnsupportedValueError; never in API objects
  // JS and Go agree: plain digits below 1e21, `1e+21` style beyond.
  return Object.is(n, -0) ? '0' : String(n);
}

/** json.Marshal: compact. Object keys sorted; `undefined` members skipped. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return goJsonNumber(v);
    case 'string': return goJsonString(v);
    case 'bigint': return v.toString();
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x) => goJsonMarshal(x)).join(',')}]`;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareGoStrings);
      return `{${keys.map((k) => `${goJsonString(k)}:${goJsonMarshal(o[k])}`).join(',')}}`;
    }
    default: return 'null';
  }
}

/** json.MarshalIndent(v, prefix, indent): empty objects and arrays stay `{}` / `[]`. */
export function goJsonIndent(v: unknown, prefix = '', indent = '    '): string {
  const walk = (x: unknown, depth: number): string => {
    if (x === null || typeof x !== 'object') return goJsonMarshal(x);
    const pad = `\n${prefix}${indent.repeat(depth + 1)}`;
    const end = `\n${prefix}${indent.repeat(depth)}`;
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return `[${x.map((e) => pad + walk(e, depth + 1)).join(',')}${end}]`;
    }
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(compareGoStrings);
    if (keys.length === 0) return '{}';
    return `{${keys.map((k) => `${pad}${goJsonString(k)}: ${walk(o[k], depth + 1)}`).join(',')}${end}}`;
  };
  return walk(v, 0);
}

/** `kubectl get -o json`: MarshalIndent with four spaces, plus a newline. */
export function printJson(obj: unknown): string {
  return `${goJsonIndent(obj, '', '    ')}\n`;
}

/** The List kubectl wraps several objects in for -o json/yaml/jsonpath. */
export function listObject(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * Go's strconv.FormatFloat(f, 'g', -1, 64), which is what fmt's %v prints
 * for a float64 (jsonpath scalars, YAML floats): `1e+06`, `0.0001`, `1e-05`.
 */
export function goFormatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  // %e is used when the exponent is < -4 or >= the precision (6 for the shortest form).
  if (exp < -4 || exp >= 21 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return String(f);
}
