/**
 * The API server's surface, as kubectl and the controllers call it. Every
 * write goes through admission (defaulting, validation, allocation of
 * cluster IPs and node ports) and then the store; errors come back as the
 * server's Status objects, which kubectl turns into its own messages.
 */
import type { KObject, LabelSelector } from './object.ts';

/** One field error, as k8s.io/apimachinery/pkg/util/validation/field builds them. */
export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** `spec.ports[0].nodePort` */
  field: string;
  badValue?: unknown;
  detail?: string;
  /** The rendered text, e.g. `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767` */
  message: string;
}

export type StatusReason = 'Invalid' | 'AlreadyExists' | 'NotFound' | 'BadRequest' | 'Forbidden' | 'Conflict' | 'MethodNotAllowed' | 'InternalError';

/** metav1.Status for a failure. */
export interface StatusError {
  code: number;
  reason: StatusReason;
  /** The server's message, e.g. `pods "x" not found`. */
  message: string;
  details?: {
    name?: string;
    group?: string;
    /** lower-case resource plural as the server names it in NotFound, or Kind in Invalid */
    kind?: string;
    causes?: FieldError[];
  };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: StatusError };

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export interface WriteOptions {
  /** --dry-run=server: run admission, do not store. */
  dryRun?: boolean;
}

export interface ApiServer {
  get(kind: string, namespace: string | undefined, name: string): ApiResult<KObject>;
  /** Sorted by namespace then name, as the API server lists. */
  list(kind: string, namespace?: string, labelSelector?: LabelSelector): KObject[];
  create(obj: KObject, opts?: WriteOptions): ApiResult<KObject>;
  /** Replace (PUT) an existing object: immutable-field checks apply. */
  update(obj: KObject, opts?: WriteOptions): ApiResult<KObject>;
  /**
   * `kubectl apply` (client-side): create with the last-applied-configuration
   * annotation, or three-way merge into the live object; 'unchanged' when the
   * result equals the live object.
   */
  apply(obj: KObject, opts?: WriteOptions): ApiResult<{ obj: KObject; outcome: ApplyOutcome }>;
  delete(kind: string, namespace: string | undefined, name: string): ApiResult<KObject>;
  /**
   * Write status (controllers, the kubelet): no admission, no generation bump. `owned`: the
   * caller built `obj.status` for this write and keeps no reference to it, so it is stored as
   * it is rather than copied (the kubelet, once per pod start).
   */
  updateStatus(obj: KObject, opts?: { owned?: boolean }): ApiResult<KObject>;
}
