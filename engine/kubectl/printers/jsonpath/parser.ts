/**
 * A port of client-go util/jsonpath parser.go (v0.33): the template is text
 * with `{…}` actions; actions hold fields, arrays/slices, unions, filters,
 * recursive descent, quoted text, numbers, booleans and `range`/`end`.
 * Error texts are the Go ones ("unclosed action", "unterminated array", …).
 */

export interface ParamsEntry { value: number; known: boolean; derived: boolean }

export type JpNode =
  | { type: 'list'; nodes: JpNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: JpList; right: JpList; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JpList[] };

export type JpList = Extract<JpNode, { type: 'list' }>;

export class JsonPathError extends Error {
  override readonly name = 'JsonPathError';
}

const EOF = '';
const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isDigit = (r: string) => r !== EOF && /\p{Nd}/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || (r !== EOF && /[\p{L}\p{Nd}]/u.test(r));
const isTerminator = (r: string) => isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r);

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** Go's %#U: `U+0023 '#'`. */
export function goRuneU(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return /\P{C}/u.test(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

const newList = (): JpList => ({ type: 'list', nodes: [] });

export class Parser {
  root: JpList = newList();
  private input = '';
  private pos = 0; // in UTF-16 units; runes are read whole
  private start = 0;
  private width = 0;

  parse(text: string): JpList {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  private next(): string {
    if (this.pos >= this.input.length) { this.width = 0; return EOF; }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }
  private peek(): string { const r = this.next(); this.backup(); return r; }
  private backup(): void { this.pos -= this.width; }
  private rest(): string { return this.input.slice(this.pos); }

  private parseText(cur: JpList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: JpList): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  // Go recurses once per token; a loop keeps long templates off the JS stack.
  private parseInsideAction(cur: JpList): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) { this.pos += 1; this.consumeText(); return this.parseText(this.root); }
      if (rest.startsWith('[?(')) { this.parseFilter(cur); continue; }
      if (rest.startsWith('..')) { this.parseRecursive(cur); continue; }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') { this.consumeText(); continue; }
      if (r === '[') { this.parseArray(cur); continue; }
      if (r === '"' || r === "'") { this.parseQuote(cur, r); continue; }
      if (r === '.') { this.parseField(cur); continue; }
      if (r === '+' || r === '-' || isDigit(r)) { this.backup(); this.parseNumber(cur); continue; }
      if (isAlphaNumeric(r)) { this.backup(); this.parseIdentifier(cur); continue; }
      throw new JsonPathError(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) { const r = this.next(); if (isTerminator(r)) { this.backup(); break; } }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JpList): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpList): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) { r = this.next(); if (r !== '.' && !isDigit(r)) { this.backup(); break; } }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE_OPERATOR.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [0, 1, 2].map(() => ({ value: 0, known: false, derived: false })) as never;
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params[i]!.known = false;
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params[i] = { value: Number(v), known: true, derived: false };
        }
      } else if (i === 1) {
        params[1] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false, end = false, pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) { begin = true; pair = r; continue; }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
  }

  private parseQuote(cur: JpList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: JpList): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) { this.backup(); return false; }
    return true;
  }
}

/** parseAction: parse `{text}` and return the action's list. */
function parseAction(text: string): JpList {
  const p = new Parser();
  const root = p.parse(`{${text}}`);
  return root.nodes[0] as JpList;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** UnquoteExtend: a '…' or "…" literal with Go's strconv.UnquoteChar escapes. */
export function unquoteExtend(s: string): string {
  const syntax = () => new JsonPathError(`unquote string ${s} error invalid syntax`);
  if (s.length < 2) throw syntax();
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) throw syntax();
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === quote) throw syntax(); // an unescaped quote inside
    if (c !== '\\') { out += c; i++; continue; }
    const e = body[i + 1];
    if (e === undefined) throw syntax();
    if (e in SIMPLE_ESCAPES) { out += SIMPLE_ESCAPES[e]; i += 2; continue; }
    if (e === quote) { out += e; i += 2; continue; }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen) {
      const h = body.slice(i + 2, i + 2 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(h)) throw syntax();
      out += String.fromCodePoint(parseInt(h, 16));
      i += 2 + hexLen;
      continue;
    }
    if (/[0-7]/.test(e)) {
      const o = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw syntax();
      out += String.fromCharCode(parseInt(o, 8));
      i += 4;
      continue;
    }
    throw syntax();
  }
  return out;
}

/** Parse a whole template; throws JsonPathError with the Go message. */
export function parseJsonPath(template: string): JpList {
  return new Parser().parse(template);
}
