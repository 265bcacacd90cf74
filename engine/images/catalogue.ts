/**
 * The image catalogue: lookup by image reference, validation against
 * schemas/images.schema.json, and images a lab adds for itself.
 *
 * The data comes from fixtures/images.yaml through catalogue-data.ts (a
 * generated module, since engine/ reads no files; catalogue.test.ts checks
 * the two agree and regenerates with UPDATE_GOLDEN=1).
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../schemas/images.schema.json' with { type: 'json' };
import type { Cluster } from '../cluster/cluster.ts';
import { CATALOGUE_DATA } from './catalogue-data.ts';
import type { ImageCatalogue, ImageEntry } from './catalogue-types.ts';

export interface ImageRef {
  /** `docker.io`, `registry.k8s.io` */
  registry: string;
  /** `library/nginx`, `e2e-test-images/agnhost` */
  path: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx:latest`, as containerd names the image. */
  full: string;
  /** `docker.io/library/nginx` */
  repository: string;
}

/** Parse an image reference as containerd normalises it (docker.io, library/, :latest). */
export function parseImageRef(ref: string): ImageRef {
  let r = parsedRefs.get(ref);
  if (!r) {
    if (parsedRefs.size >= 10_000) parsedRefs.clear();
    parsedRefs.set(ref, (r = Object.freeze(parseRef(ref))));
  }
  return r;
}

/** parseImageRef per reference string (read-only results): every container start asks, twice. */
const parsedRefs = new Map<string, ImageRef>();

function parseRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0]!;
  let registry = 'docker.io';
  let path = rest;
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    path = rest.slice(first.length + 1);
  }
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const repository = `${registry}/${path}`;
  return { registry, path, tag, digest, repository, full: digest ? `${repository}@${digest}` : `${repository}:${tag}` };
}

// Compiled on first use, not at import: most labs never validate an image,
// and loading ajv and compiling the schema costs start-up time (bench/).
const require = createRequire(import.meta.url);
let ajv: AjvClass | undefined;
let validateCatalogueFn: ValidateFunction | undefined;
let validateImageFn: ValidateFunction | undefined;

function compiler(): AjvClass {
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    ajv = new Ajv({ strict: true, allErrors: false });
    ajv.addSchema(schema);
  }
  return ajv;
}

export interface CatalogueProblem {
  code: 'SCHEMA';
  /** JSON pointer into the data: `/images/0/binaries/curl` */
  path: string;
  message: string;
}

function problems(errors: ErrorObject[] | null | undefined): CatalogueProblem[] {
  return (errors ?? []).map((e) => ({ code: 'SCHEMA', path: e.instancePath, message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` }));
}

export function validateCatalogue(data: unknown): CatalogueProblem[] {
  validateCatalogueFn ??= compiler().getSchema(schema.$id)!;
  return validateCatalogueFn(data) ? [] : problems(validateCatalogueFn.errors);
}

export function validateImage(entry: unknown): CatalogueProblem[] {
  validateImageFn ??= compiler().compile({ $ref: `${schema.$id}#/definitions/image` });
  return validateImageFn(entry) ? [] : problems(validateImageFn.errors);
}

export const CATALOGUE: ImageCatalogue = CATALOGUE_DATA as ImageCatalogue;

const builtin = new Map<string, ImageEntry>(CATALOGUE.images.map((i) => [i.repository, i]));

function labImages(cluster: Cluster): Map<string, ImageEntry> {
  return cluster.ext('images.lab', () => new Map<string, ImageEntry>());
}

/**
 * Add an image for one cluster (a lab's own image). Returns the schema
 * problems instead of adding when the entry is invalid.
 */
export function addImage(cluster: Cluster, entry: ImageEntry): { ok: true } | { ok: false; problems: CatalogueProblem[] } {
  const found = validateImage(entry);
  if (found.length > 0) return { ok: false, problems: found };
  labImages(cluster).set(parseImageRef(entry.repository).repository, entry);
  return { ok: true };
}

/** The catalogue entry for an image reference; any tag is modelled by the entry's version. */
export function findImage(cluster: Cluster | undefined, ref: string): ImageEntry | undefined {
  const r = parseImageRef(ref);
  return (cluster ? labImages(cluster).get(r.repository) : undefined) ?? builtin.get(r.repository);
}
