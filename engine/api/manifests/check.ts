/**
 * The checks the API server makes while decoding one object: a kind it
 * serves in that apiVersion, no unknown fields (strict field validation),
 * JSON types that fit the Go types. Findings carry the JSON path so the
 * loader can point at the YAML node.
 */
import type { ErrorObject } from 'ajv';
import { apiVersionOf, kindInfo } from '../kinds.ts';
import { byteCompare, goJson, isPlainObject } from '../json.ts';
import type { ManifestProblemCode } from './problems.ts';
import { goTypeAt, schemaErrors } from './schema.ts';
import * as say from './messages.ts';

export interface Finding {
  code: ManifestProblemCode;
  path: (string | number)[];
  /** Point at the key (unknown field) rather than the value. */
  atKey: boolean;
  field: string;
  message: string;
  kubectl: string;
  serverMessage?: string;
}

/** `spec.ports[0].port` */
export function dotted(path: (string | number)[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function pointer(p: string): (string | number)[] {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Depth-first order with sorted keys: the order Go meets fields in the JSON kubectl sends. */
function comparePaths(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return byteCompare(String(x), String(y));
  }
  return a.length - b.length;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

function valueAt(obj: unknown, path: (string | number)[]): unknown {
  let cur: any = obj;
  for (const seg of path) cur = cur?.[seg];
  return cur;
}

export function checkDocument(value: unknown, file: string): Finding[] {
  if (!isPlainObject(value)) return [];
  const meta = isPlainObject(value.metadata) ? value.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  if (!kind) {
    const msg = `Object 'Kind' is missing in '${goJson(value)}'`;
    return [{ code: 'MISSING_KIND', path: [], atKey: false, field: 'kind', message: 'kind is not set', kubectl: say.decodeError(file, msg) }];
  }
  const info = kindInfo(kind);
  if (!info || apiVersionOf(info) !== apiVersion) {
    return [{
      code: 'UNKNOWN_KIND',
      path: ['kind'],
      atKey: false,
      field: 'kind',
      message: `no kind "${kind}" is served in version "${apiVersion}"`,
      kubectl: say.noMatchForKind(file, name, namespace, kind, apiVersion),
    }];
  }
  return schemaFindings(kind, apiVersion, value, file);
}

function schemaFindings(kind: string, apiVersion: string, value: Record<string, unknown>, file: string): Finding[] {
  const errors = schemaErrors(kind, value).filter((e) => e.keyword !== 'const');
  const unknown: (string | number)[][] = [];
  const types: { path: (string | number)[]; e: ErrorObject }[] = [];
  const other: Finding[] = [];
  for (const e of errors) {
    const path = pointer(e.instancePath);
    if (e.keyword === 'additionalProperties') unknown.push([...path, String((e.params as { additionalProperty: string }).additionalProperty)]);
    else if (e.keyword === 'type') {
      if (valueAt(value, path) !== null) types.push({ path, e });
    } else if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      other.push({ code: 'SCHEMA', path, atKey: false, field: dotted(path), message: `${dotted(path) || '(root)'} ${e.message ?? 'is invalid'}`, kubectl: '' });
    }
  }
  unknown.sort(comparePaths);
  types.sort((a, b) => comparePaths(a.path, b.path));
  const findings: Finding[] = [];
  if (types.length > 0) {
    const first = types[0]!;
    const server = say.cannotBeHandled(kind, apiVersion, typeMessage(kind, first.path, valueAt(value, first.path)));
    for (const t of types) {
      findings.push({
        code: 'TYPE',
        path: t.path,
        atKey: false,
        field: dotted(t.path),
        message: `${dotted(t.path)}: ${t.e.message ?? 'has the wrong type'} (got ${jsonKind(valueAt(value, t.path))})`,
        kubectl: say.serverBadRequest(file, server),
        serverMessage: server,
      });
    }
    return findings;
  }
  if (unknown.length > 0) {
    const server = say.cannotBeHandled(kind, apiVersion, say.strictDecoding(unknown.map(dotted)));
    for (const u of unknown) {
      findings.push({ code: 'UNKNOWN_FIELD', path: u, atKey: true, field: dotted(u), message: `unknown field "${dotted(u)}"`, kubectl: say.serverBadRequest(file, server), serverMessage: server });
    }
  }
  return [...findings, ...other.map((o) => ({ ...o, kubectl: say.serverBadRequest(file, say.cannotBeHandled(kind, apiVersion, o.message)) }))];
}

/** encoding/json's UnmarshalTypeError text. */
function typeMessage(kind: string, path: (string | number)[], v: unknown): string {
  const t = goTypeAt(kind, path);
  if (!t) return `json: cannot unmarshal ${jsonKind(v)} into Go value`;
  return `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${t.struct}.${t.goPath} of type ${t.type}`;
}
