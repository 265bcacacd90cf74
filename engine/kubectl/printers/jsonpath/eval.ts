/**
 * A port of client-go util/jsonpath jsonpath.go (v0.33): FindResults (with
 * the range/end bookkeeping), the node evaluators, the filter comparisons of
 * text/template (eq, lt, …) and PrintResults (maps and lists as compact Go
 * JSON, scalars as fmt.Fprint, results of one action joined by a space).
 *
 * Values are plain JSON. Go iterates maps in random order for `*` and `..`;
 * here keys go in sorted order so the model stays deterministic.
 */
import { compareGoStrings, goFormatFloat, goJsonIndent, goJsonMarshal } from '../gojson.ts';
import { JsonPathError, parseJsonPath, type JpList, type JpNode } from './parser.ts';

/** A value found by the engine; `undefined` never appears (missing keys yield no value). */
export type JpValue = unknown;

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (default true for `kubectl get`). */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json. Default: false. */
  outputJson?: boolean;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Go's `%v` type name in messages ("map[string]interface {} is not array or slice"). */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return 'interface {}';
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort(compareGoStrings).map((k) => v[k]);
  if (typeof v === 'string') return [...new TextEncoder().encode(v)]; // Index on a Go string yields bytes
  return [];
}

type Kind = 'int' | 'float' | 'string' | 'bool' | 'invalid' | 'other';
function basicKind(v: unknown): Kind {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_COMPARISON_TYPE = 'invalid type for comparison';

/** text/template eq for two arguments. */
function eq(a: unknown, b: unknown): boolean {
  const ka = basicKind(a), kb = basicKind(b);
  if (ka !== kb) {
    if (ka !== 'invalid' && kb !== 'invalid') throw new JsonPathError(BAD_COMPARISON);
    return false;
  }
  if (ka === 'other') throw new JsonPathError(`non-comparable type ${goJsonMarshal(b)}: ${goTypeName(b)}`);
  return a === b;
}

/** text/template lt. */
function lt(a: unknown, b: unknown): boolean {
  const ka = basicKind(a), kb = basicKind(b);
  if (ka === 'invalid' || ka === 'other' || kb === 'invalid' || kb === 'other') throw new JsonPathError(BAD_COMPARISON_TYPE);
  if (ka !== kb) throw new JsonPathError(BAD_COMPARISON);
  if (ka === 'bool') throw new JsonPathError(BAD_COMPARISON_TYPE);
  return (a as number | string) < (b as number | string);
}

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '<': lt,
  '>': (a, b) => !(lt(a, b) || eq(a, b)),
  '==': eq,
  '!=': (a, b) => !eq(a, b),
  '<=': (a, b) => lt(a, b) || eq(a, b),
  '>=': (a, b) => !lt(a, b),
};

export class JsonPath {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private readonly nodes: JpNode[];

  constructor(readonly template: string, private readonly opts: JsonPathOptions = {}) {
    this.nodes = parseJsonPath(template).nodes;
  }

  /** FindResults: one result list per top-level node (ranges expand to many). */
  findResults(data: unknown, from = 0): unknown[][] {
    const cur: unknown[] = [data];
    const full: unknown[][] = [];
    for (let i = from; i < this.nodes.length; i++) {
      const results = this.walk(cur, this.nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, i + 1));
        else this.findResults(null, i + 1);
        this.inRange--;
        // Resume after the `end` that closed this range.
        if (this.lastEndNode > i) i = this.lastEndNode;
        continue;
      }
      // Every top-level node starts again from the input (`cur` is never reassigned in Go).
      full.push(results);
    }
    return full;
  }

  /** Execute: the printed text (throws JsonPathError on an execution error). */
  execute(data: unknown): string {
    return this.findResults(data).map((r) => this.printResults(r)).join('');
  }

  private printResults(results: unknown[]): string {
    const rs = this.opts.outputJson ? [results] : results;
    return rs.map((r, i) => {
      let text: string;
      if (this.opts.outputJson) text = `${goJsonIndent(r, '', '    ')}\n`;
      else if (r !== null && typeof r === 'object') text = goJsonMarshal(r);
      else text = goPrint(r);
      return i !== rs.length - 1 ? `${text} ` : text;
    }).join('');
  }

  private walk(input: unknown[], node: JpNode): unknown[] {
    switch (node.type) {
      case 'list': return this.evalList(input, node);
      case 'text': return [node.text];
      case 'field': return this.evalField(input, node.value);
      case 'array': return this.evalArray(input, node);
      case 'filter': return this.evalFilter(input, node);
      case 'int': case 'float': case 'bool': return input.map(() => node.value);
      case 'wildcard': return input.filter((v) => v !== null && v !== undefined).flatMap(children);
      case 'recursive': return this.evalRecursive(input);
      case 'union': return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier': return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], list: JpList): unknown[] {
    let cur = input;
    for (const n of list.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') { this.beginRange++; return input; }
    if (name === 'end') {
      if (this.inRange > 0) { this.endRange++; return []; }
      throw new JsonPathError('not in range, nothing to end');
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalField(input: unknown[], key: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) results.push(v[key]);
    }
    if (results.length === 0 && !(this.opts.allowMissingKeys ?? true)) throw new JsonPathError(`${key} is not found`);
    return results;
  }

  private evalArray(input: unknown[], node: Extract<JpNode, { type: 'array' }>): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }));
      const len = value.length;
      if (!p0!.known) p0!.value = 0;
      if (p0!.value < 0) p0!.value += len;
      if (!p1!.known) p1!.value = len;
      if (p1!.value < 0 || (p1!.value === 0 && p1!.derived)) p1!.value += len;
      if (p1!.value === p0!.value) return result; // zero elements requested
      if (p0!.value >= len || p0!.value < 0) throw new JsonPathError(`array index out of bounds: index ${p0!.value}, length ${len}`);
      if (p1!.value > len || p1!.value < 0) throw new JsonPathError(`array index out of bounds: index ${p1!.value - 1}, length ${len}`);
      if (p0!.value > p1!.value) throw new JsonPathError(`starting index ${p0!.value} is greater than ending index ${p1!.value}`);
      let step = 1;
      if (p2!.known) {
        if (p2!.value <= 0) throw new JsonPathError('step must be > 0');
        step = p2!.value;
      }
      const slice = value.slice(p0!.value, p1!.value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], node: Extract<JpNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathError(`${goPrint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: unknown[];
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        const cmp = COMPARE[node.operator];
        if (!cmp) throw new JsonPathError(`unrecognized filter operator ${node.operator}`);
        if (cmp(lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

/** fmt.Fprint of a decoded JSON scalar (what evalToText prints). */
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return goSprint(v);
}

/** fmt.Sprint(%v) of any decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort(compareGoStrings).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  return String(v);
}
