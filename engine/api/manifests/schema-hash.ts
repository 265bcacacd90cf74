/**
 * What ties a precompiled validator (schemas/validators/, written by
 * scripts/generate-validators.ts) to the schema it was compiled from: the
 * ajv options both sides use, and a hash of the schema's JSON text.
 */
import { fnv32a } from '../../sim/index.ts';

/** allErrors: every unknown field is reported at once, as strict decoding does. */
export const VALIDATOR_OPTIONS = { allErrors: true, strict: false, validateFormats: false } as const;

export function schemaHash(schema: unknown): number {
  return fnv32a(JSON.stringify(schema));
}
