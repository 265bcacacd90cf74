/**
 * The kinds' JSON Schemas (schemas/manifests.schema.json, generated from
 * kubernetes-types by scripts/generate-schemas.ts), validated by code ajv
 * generated ahead of time (schemas/validators/), loaded per kind and only
 * when a manifest of that kind is first checked: compiling Pod's schema at
 * run time took a few hundred milliseconds.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { schemaHash, VALIDATOR_OPTIONS } from './schema-hash.ts';

type Schema = Record<string, any>;

const require = createRequire(import.meta.url);
let schemas: Record<string, Schema> | undefined;
function allSchemas(): Record<string, Schema> {
  schemas ??= (require('../../../schemas/manifests.schema.json') as { kinds: Record<string, Schema> }).kinds;
  return schemas;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

export function hasSchema(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(allSchemas(), kind);
}

/**
 * The kind's validator: the precompiled one (schemas/validators/, see
 * scripts/generate-validators.ts) when it was compiled from this very
 * schema, else compiled now.
 */
function validatorFor(kind: string, schema: Schema): ValidateFunction {
  try {
    const pre = require(`../../../schemas/validators/manifest-${kind}.cjs`) as ValidateFunction & { schemaHash?: number };
    if (pre.schemaHash === schemaHash(schema)) return pre;
  } catch {
    // Not generated (or unreadable): compile below.
  }
  // ajv itself loads only here: the precompiled validators need just its small runtime helpers.
  ajv ??= new (require('ajv') as typeof import('ajv')).Ajv(VALIDATOR_OPTIONS);
  return ajv.compile(schema);
}

/** ajv errors for `obj` against its kind's schema ([] when it conforms or the kind has none). */
export function schemaErrors(kind: string, obj: unknown): ErrorObject[] {
  const schema = allSchemas()[kind];
  if (!schema) return [];
  let validate = compiled.get(kind);
  if (!validate) {
    validate = validatorFor(kind, schema);
    compiled.set(kind, validate);
  }
  return validate(obj) ? [] : [...(validate.errors ?? [])];
}

/** What a schema node says about the Go type behind it, for encoding/json's messages. */
export interface GoTypeInfo {
  /** The Go struct that holds the field (`ServicePort`). */
  struct: string;
  /** The field's Go type (`int32`, `string`, `[]v1.ServicePort`, `map[string]string`). */
  type: string;
  /** The JSON field names from the root, without list indices or map keys (`spec.ports.port`). */
  goPath: string;
}

function deref(root: Schema, s: Schema | undefined): { name?: string; schema: Schema | undefined } {
  let name: string | undefined;
  let cur = s;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) {
    name = cur.$ref.replace('#/definitions/', '');
    cur = root.definitions?.[name!];
  }
  return { name, schema: cur };
}

/** Integer fields Go declares as int64 (the rest are int32). */
const INT64_FIELDS = /Seconds$|^generation$|^observedGeneration$|^runAsUser$|^runAsGroup$|^fsGroup$|^priority$|^expirationSeconds$|^value$/;

function goTypeOf(root: Schema, field: string, s: Schema | undefined): string {
  const { name, schema } = deref(root, s);
  if (!schema) return 'interface {}';
  if (name && schema.type === 'object' && schema.properties) return `v1.${name}`;
  const t = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (t.includes('number') && t.includes('string')) return name === 'Quantity' ? 'resource.Quantity' : 'intstr.IntOrString';
  if (t.includes('number')) return INT64_FIELDS.test(field) ? 'int64' : 'int32';
  if (t.includes('string')) return 'string';
  if (t.includes('boolean')) return 'bool';
  if (t.includes('array')) return `[]${goTypeOf(root, field, schema.items).replace(/^v1\.v1\./, 'v1.')}`;
  if (t.includes('object')) return `map[string]${goTypeOf(root, field, typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined)}`;
  return 'interface {}';
}

/** Walk the kind's schema along a path (`['spec','ports',0,'port']`) to the field's struct and type. */
export function goTypeAt(kind: string, path: (string | number)[]): GoTypeInfo | undefined {
  const root = allSchemas()[kind];
  if (!root) return undefined;
  let { name: struct, schema } = deref(root, root);
  const goPath: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (!schema) return undefined;
    if (typeof seg === 'number') {
      ({ schema } = deref(root, schema.items));
      continue;
    }
    const last = i === path.length - 1;
    const isField = Boolean(schema.properties && Object.prototype.hasOwnProperty.call(schema.properties, seg));
    const child: Schema | undefined = isField ? schema.properties[seg] : typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    if (isField) goPath.push(seg);
    if (last) return { struct: struct ?? kind, type: goTypeOf(root, seg, child), goPath: goPath.join('.') };
    const next = deref(root, child);
    if (next.name && next.schema?.properties) struct = next.name;
    schema = next.schema;
    // Lists of structs: the element type names the struct.
    if (schema?.type === 'array') {
      const item = deref(root, schema.items);
      if (item.name) struct = item.name;
    }
  }
  return undefined;
}
