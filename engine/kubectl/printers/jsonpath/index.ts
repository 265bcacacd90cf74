/**
 * `kubectl get -o jsonpath=…`: client-go util/jsonpath behind cli-runtime's
 * JSONPathPrinter and genericclioptions' jsonpath flags (error wording).
 */
import { JsonPath, type JsonPathOptions } from './eval.ts';
import { JsonPathError } from './parser.ts';

export { JsonPath, goPrint, goSprint, type JsonPathOptions } from './eval.ts';
export { JsonPathError, parseJsonPath, unquoteExtend, type JpNode, type JpList } from './parser.ts';

export type JsonPathResult =
  | { ok: true; text: string }
  | { ok: false; code: 'parse' | 'execute'; message: string };

/** Go's strconv.Quote (%q), enough for templates. */
export function goQuote(s: string): string {
  const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (esc[ch]) out += esc[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Run a jsonpath template over one object (or a List from listObject).
 * On failure `message` is what kubectl prints after `error: ` — for
 * execution errors only the first line is reproduced (kubectl goes on with
 * the template and the object in Go %#v form).
 */
export function printJsonPath(template: string, data: unknown, opts: JsonPathOptions = {}): JsonPathResult {
  let jp: JsonPath;
  try {
    jp = new JsonPath(template, { allowMissingKeys: true, ...opts });
  } catch (e) {
    return { ok: false, code: 'parse', message: `error parsing jsonpath ${template}, ${(e as Error).message}` };
  }
  try {
    return { ok: true, text: jp.execute(data) };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return {
      ok: false,
      code: 'execute',
      message: `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:`,
    };
  }
}
