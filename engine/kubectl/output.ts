/**
 * `-o/--output` as cli-runtime's PrintFlags reads it, and the generic
 * (non-table) printers: yaml, json, name, jsonpath, custom-columns. The
 * printers themselves live in ./printers (H2); this file picks one.
 */
import type { KObject } from '../api/object.ts';
import { plainErr, type KubectlError } from './errors.ts';
import type { FlagSpec } from './flags.ts';
import { printJson, toKubectlYaml, kindPrefix, printJsonPath, printCustomColumns } from './printers/index.ts';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string };

export const OUTPUT_FLAGS: readonly FlagSpec[] = [
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'template', kind: 'string' },
  { name: 'allow-missing-template-keys', kind: 'bool' },
  { name: 'show-managed-fields', kind: 'bool' },
];

/** get's list in NoCompatiblePrinterError (cli-runtime printflags.go AllowedFormats, sorted). */
const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** What create/run/apply/expose accept (no table formats). */
const WRITE_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export type OutputParse = { ok: true; format: OutputFormat } | { ok: false; error: KubectlError };

/** Parse `-o` (`wide`, `yaml`, `jsonpath={..}`, `custom-columns=A:.a`). `human`: get's table formats are allowed. */
export function parseOutput(value: string, human: boolean): OutputParse {
  const ok = (format: OutputFormat): OutputParse => ({ ok: true, format });
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  switch (name) {
    case '':
      return ok({ kind: 'table', wide: false });
    case 'wide':
      if (human) return ok({ kind: 'table', wide: true });
      break;
    case 'yaml':
      return ok({ kind: 'yaml' });
    case 'json':
      return ok({ kind: 'json' });
    case 'name':
      return ok({ kind: 'name' });
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (eq < 0 || arg === '') return { ok: false, error: plainErr('template format specified but no template given') };
      return ok({ kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' });
    case 'custom-columns':
      if (!human) break;
      if (eq < 0 || arg === '') return { ok: false, error: plainErr('custom-columns format specified but no custom columns given') };
      return ok({ kind: 'custom-columns', spec: arg });
  }
  return {
    ok: false,
    error: plainErr(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${human ? GET_FORMATS : WRITE_FORMATS}`),
  };
}

/** get.go printGeneric's list: `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`. */
export function wrapList(items: readonly KObject[]): KObject {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } } as unknown as KObject;
}

export type Printed = { ok: true; text: string } | { ok: false; error: KubectlError };

/** Print one object (or a List) in a non-table format. */
export function printGeneric(format: OutputFormat, obj: KObject, opts: { noHeaders?: boolean } = {}): Printed {
  switch (format.kind) {
    case 'yaml':
      return { ok: true, text: toKubectlYaml(obj) };
    case 'json':
      return { ok: true, text: printJson(obj) };
    case 'name':
      return { ok: true, text: printName(obj) };
    case 'jsonpath':
      return printJsonpath(format.template, obj, format.asJson);
    case 'custom-columns': {
      const items = obj.kind === 'List' ? ((obj.items as unknown[] | undefined) ?? []) : [obj];
      const r = printCustomColumns(format.spec, items, { noHeaders: opts.noHeaders ?? false });
      return r.ok ? { ok: true, text: r.value } : { ok: false, error: plainErr(r.message) };
    }
    case 'table':
      return { ok: true, text: '' };
  }
}

/** `-o jsonpath=…` through the printers' jsonpath (messages as kubectl prints them after `error: `). */
export function printJsonpath(template: string, obj: unknown, asJson: boolean): Printed {
  const r = printJsonPath(template, obj, { outputJson: asJson });
  return r.ok ? { ok: true, text: r.text } : { ok: false, error: plainErr(r.message) };
}

/** `-o name`: `pod/x`, `deployment.apps/web`, one line per item of a List. */
export function printName(obj: KObject): string {
  if (obj.kind === 'List') return ((obj.items as KObject[] | undefined) ?? []).map(printName).join('');
  return `${kindPrefix(obj.kind)}/${obj.metadata.name}\n`;
}

/**
 * What a write command prints for its object (PrintFlags.WithDefaultOutput):
 * `service/x created` when no -o is given, with `(dry run)` for
 * --dry-run=client and `(server dry run)` for --dry-run=server.
 */
export function printOperation(obj: KObject, operation: string, dryRun: 'none' | 'client' | 'server'): string {
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  return `${kindPrefix(obj.kind)}/${obj.metadata.name} ${operation}${suffix}\n`;
}
