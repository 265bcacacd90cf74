/**
 * `kubectl get -o yaml`: sigs.k8s.io/yaml Marshal (json.Marshal, then
 * JSONToYAML through go-yaml v2), ported from goyaml.v2 encode.go and
 * emitterc.go for the shapes JSON can produce: block mappings with keys in
 * go-yaml's natural order, sequences at their key's indent (`- item`),
 * `{}`/`[]` when empty, and scalars in the style the emitter picks (plain,
 * 'single', "double", `|`/`|-`/`|+` literal blocks). Plain, single- and
 * double-quoted scalars fold at a space once the line passes column 80
 * (best_width), continuing on the next line two spaces deeper.
 */
import { goFormatFloat } from './gojson.ts';
import { canUsePlain, compareYamlKeys } from './yaml-resolve.ts';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

type Style = 'plain' | 'single' | 'double' | 'literal';

const isBreakCh = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

/** yaml_private is_printable on a code point (tab and astral planes are not). */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

interface Analysis { multiline: boolean; blockPlain: boolean; singleQuoted: boolean; block: boolean }

/** emitterc.go yaml_emitter_analyze_scalar, block context only. */
function analyze(s: string): Analysis {
  if (s === '') return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const cs = [...s];
  let blockInd = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false, special = false, leadSpace = false, leadBreak = false, trailSpace = false, trailBreak = false, breakSpace = false, spaceBreak = false;
  let precededByWs = true, prevSpace = false, prevBreak = false;
  cs.forEach((c, i) => {
    const next = cs[i + 1];
    const followedByWs = next === undefined || next === ' ' || next === '\t' || isBreakCh(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockInd = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) blockInd = true;
    } else if (c === ':' && followedByWs) blockInd = true;
    else if (c === '#' && precededByWs) blockInd = true;
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    if (c === ' ') {
      if (i === 0) leadSpace = true;
      if (i === cs.length - 1) trailSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true; prevBreak = false;
    } else if (isBreakCh(c)) {
      lineBreaks = true;
      if (i === 0) leadBreak = true;
      if (i === cs.length - 1) trailBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false; prevBreak = true;
    } else {
      prevSpace = false; prevBreak = false;
    }
    precededByWs = c === ' ' || c === '\t' || isBreakCh(c);
  });
  const a: Analysis = { multiline: lineBreaks, blockPlain: true, singleQuoted: true, block: true };
  if (leadSpace || leadBreak || trailSpace || trailBreak) a.blockPlain = false;
  if (trailSpace) a.block = false;
  if (breakSpace) { a.blockPlain = false; a.singleQuoted = false; }
  if (spaceBreak || special) { a.blockPlain = false; a.singleQuoted = false; a.block = false; }
  if (lineBreaks || blockInd) a.blockPlain = false;
  return a;
}

/** encode.go stringv's request, then yaml_emitter_select_scalar_style's downgrades. */
function selectStyle(s: string, simpleKey: boolean): Style {
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain(s) ? 'plain' : 'double';
  const a = analyze(s);
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlain || (s === '' && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;

  private put(s: string): void {
    this.out += s;
    this.column++;
  }
  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }
  writeIndent(indent: number): void {
    const ind = Math.max(indent, 0);
    if (!this.indention || this.column > ind || (this.column === ind && !this.whitespace)) this.putBreak();
    while (this.column < ind) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  writeIndicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    for (const c of ind) this.put(c);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  node(v: unknown, indent: number, mappingContext: boolean): void {
    if (Array.isArray(v)) this.sequence(v, indent, mappingContext);
    else if (v !== null && typeof v === 'object') this.mapping(v as Record<string, unknown>, indent);
    else this.scalar(v, indent + (indent < 0 ? 1 + BEST_INDENT : BEST_INDENT), false);
  }

  private mapping(m: Record<string, unknown>, parent: number): void {
    const keys = Object.keys(m).filter((k) => m[k] !== undefined).sort(compareYamlKeys);
    if (keys.length === 0) return this.emptyFlow('{', '}');
    const indent = parent < 0 ? 0 : parent + BEST_INDENT;
    for (const k of keys) {
      this.writeIndent(indent);
      this.scalar(k, indent + BEST_INDENT, true);
      this.writeIndicator(':', false, false, false);
      this.node(m[k], indent, true);
    }
  }

  private sequence(items: unknown[], parent: number, mappingContext: boolean): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    const indentless = mappingContext && !this.indention;
    const indent = parent < 0 ? 0 : indentless ? parent : parent + BEST_INDENT;
    for (const item of items) {
      this.writeIndent(indent);
      this.writeIndicator('-', true, false, true);
      this.node(item, indent, false);
    }
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private scalar(v: unknown, indent: number, simpleKey: boolean): void {
    if (typeof v === 'string') return this.string(v, indent, simpleKey);
    let text: string;
    if (v === null || v === undefined) text = 'null';
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else if (typeof v === 'number') text = Number.isInteger(v) ? String(v) : goFormatFloat(v).replace('+Inf', '.inf').replace('-Inf', '-.inf').replace('NaN', '.nan');
    else text = String(v);
    this.plain(text, indent, false);
  }

  private string(s: string, indent: number, simpleKey: boolean): void {
    switch (selectStyle(s, simpleKey)) {
      case 'plain': return this.plain(s, indent, !simpleKey);
      case 'single': return this.single(s, indent, !simpleKey);
      case 'double': return this.double(s, indent, !simpleKey);
      case 'literal': return this.literal(s, indent);
    }
  }

  /** write_plain_scalar (JSON strings have no line breaks in plain style). */
  private plain(s: string, indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const cs = [...s];
    let spaces = false;
    cs.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== ' ') this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  /** write_single_quoted_scalar ('' for a quote; no line breaks reach this style). */
  private single(s: string, indent: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const cs = [...s];
    let spaces = false;
    cs.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') this.writeIndent(indent);
        else this.put(c);
        spaces = true;
      } else {
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private double(s: string, indent: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const cs = [...s];
    let spaces = false;
    cs.forEach((c, i) => {
      const cp = c.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreakCh(c) || c === '"' || c === '\\') {
        const short = DOUBLE_ESCAPES[cp];
        let esc: string;
        if (short !== undefined) esc = short;
        else if (cp <= 0xff) esc = `x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
        else if (cp <= 0xffff) esc = `u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        else esc = `U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
        this.put('\\');
        for (const e of esc) this.put(e);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent(indent);
          if (cs[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** write_literal_scalar with write_block_scalar_hints (indent digit, chomping). */
  private literal(s: string, indent: number): void {
    this.writeIndicator('|', true, false, false);
    const cs = [...s];
    if (cs[0] === ' ' || isBreakCh(cs[0]!)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cs.length - 1;
    let chomp = '';
    if (!isBreakCh(cs[last]!)) chomp = '-';
    else if (last === 0 || isBreakCh(cs[last - 1]!)) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreakCh(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** sigs.k8s.io/yaml.Marshal of a JSON-shaped value (what -o yaml prints for one object). */
export function toKubectlYaml(value: unknown): string {
  // json.Marshal first: drops undefined members, turns everything into JSON types.
  const json: unknown = JSON.parse(JSON.stringify(value ?? null));
  const e = new Emitter();
  e.node(json, -1, false);
  // Document end: write_indent ends the last line.
  e.writeIndent(-1);
  return e.out;
}
