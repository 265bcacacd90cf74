/**
 * What can be wrong with a manifest, as a closed set of codes, each problem
 * with its position and the text kubectl prints for it.
 */
export type ManifestProblemCode =
  | 'NOT_FOUND'
  | 'READ_ERROR'
  | 'TOO_LARGE'
  | 'TOO_MANY_DOCUMENTS'
  | 'TOO_DEEP'
  | 'ENCODING'
  | 'YAML_SYNTAX'
  | 'DUPLICATE_KEY'
  | 'ALIASES'
  | 'NOT_AN_OBJECT'
  | 'MISSING_KIND'
  | 'UNKNOWN_KIND'
  | 'UNKNOWN_FIELD'
  | 'TYPE'
  | 'SCHEMA';

export interface ManifestProblem {
  code: ManifestProblemCode;
  /** The file as kubectl names it (the path given, joined with the entry for a folder). */
  file: string;
  /** 0-based document index in the file; -1 for problems of the whole file. */
  document: number;
  /** 1-based line and column in the file (0 when not known). */
  line: number;
  column: number;
  /** `spec.ports[0].port`, '' when the problem is not a field's. */
  field: string;
  /** Plain words for a report. */
  message: string;
  /** What kubectl prints for it, complete (`error: …` or `Error from server (BadRequest): …`). */
  kubectl: string;
  /**
   * For server-side decode errors (UNKNOWN_FIELD, TYPE): the Status message
   * alone (`Service in version "v1" cannot be handled as a Service: …`), so a
   * caller can say "error when patching" instead of "error when creating".
   */
  serverMessage?: string;
  /** Whether kubectl would still apply this document (a duplicate key with non-strict validation). */
  warning?: boolean;
}
