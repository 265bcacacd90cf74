/**
 * `kubectl get -o custom-columns=NAME:.metadata.name,...`: a port of kubectl
 * pkg/cmd/get/customcolumn.go (RelaxedJSONPathExpression, the spec parser,
 * printOneObject: `<none>` when nothing matched, several values joined by
 * commas, each value through fmt.Sprint) laid out with the table tabwriter.
 */
import { TabWriter, TABLE_TABWRITER } from './tabwriter.ts';
import { JsonPath, JsonPathError, goSprint } from './jsonpath/index.ts';

export interface CustomColumn { header: string; fieldSpec: string }

export type CustomColumnsResult<T> = { ok: true; value: T } | { ok: false; message: string };

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPathExpression(expr: string): CustomColumnsResult<string> {
  if (expr === '') return { ok: true, value: expr };
  const m = JSON_REGEXP.exec(expr);
  if (!m) return { ok: false, message: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return { ok: true, value: `{.${m[1] || m[2]}}` };
}

/** NewCustomColumnsPrinterFromSpec's parsing (messages as kubectl prints them after `error: `). */
export function parseCustomColumns(spec: string): CustomColumnsResult<CustomColumn[]> {
  if (spec === '') return { ok: false, message: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const i = part.indexOf(':');
    if (i < 0) return { ok: false, message: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const relaxed = relaxedJsonPathExpression(part.slice(i + 1));
    if (!relaxed.ok) return relaxed;
    columns.push({ header: part.slice(0, i), fieldSpec: relaxed.value });
  }
  return { ok: true, value: columns };
}

/** One object's cells. */
function cells(obj: unknown, parsers: JsonPath[]): string[] {
  return parsers.map((p) => {
    const values = p.findResults(obj);
    const out: string[] = [];
    if (values.length === 0 || values[0]!.length === 0) out.push('<none>');
    for (const vs of values) for (const v of vs) out.push(goSprint(v).replace(/\x1b/g, '^[').replace(/\r/g, '\\r'));
    return out.join(',');
  });
}

/** The padded custom-columns table for `objects` (headers unless noHeaders). */
export function printCustomColumns(spec: string, objects: readonly unknown[], opts: { noHeaders?: boolean } = {}): CustomColumnsResult<string> {
  const parsed = parseCustomColumns(spec);
  if (!parsed.ok) return parsed;
  let parsers: JsonPath[];
  try {
    parsers = parsed.value.map((c) => new JsonPath(c.fieldSpec, { allowMissingKeys: true }));
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, message: e.message };
    throw e;
  }
  const w = new TabWriter(TABLE_TABWRITER);
  if (!opts.noHeaders) w.write(`${parsed.value.map((c) => c.header).join('\t')}\n`);
  try {
    // Rows are not cut at newlines (customcolumn.go does not), only escaped.
    for (const o of objects) w.write(`${cells(o, parsers).join('\t')}\n`);
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, message: e.message };
    throw e;
  }
  w.flush();
  return { ok: true, value: w.take() };
}

