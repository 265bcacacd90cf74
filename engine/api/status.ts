/**
 * The API server's Status errors, as k8s.io/apimachinery/pkg/api/errors
 * (errors.go) builds them: NewNotFound, NewAlreadyExists, NewInvalid,
 * NewBadRequest, NewConflict, NewForbidden, NewInternalError.
 */
import type { KindInfo } from './kinds.ts';
import type { FieldError, StatusError } from './server-types.ts';
import { aggregate } from './field.ts';

/** schema.GroupResource.String(): `services`, `deployments.apps`. */
export function groupResource(info: Pick<KindInfo, 'resource' | 'group'>): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** schema.GroupKind.String(): `Service`, `Deployment.apps`. */
export function groupKind(info: Pick<KindInfo, 'kind' | 'group'>): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

export function notFoundError(info: Pick<KindInfo, 'resource' | 'group'>, name: string): StatusError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${groupResource(info)} "${name}" not found`,
    details: { name, group: info.group || undefined, kind: info.resource },
  };
}

export function alreadyExistsError(info: Pick<KindInfo, 'resource' | 'group'>, name: string): StatusError {
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: `${groupResource(info)} "${name}" already exists`,
    details: { name, group: info.group || undefined, kind: info.resource },
  };
}

/** NewInvalid: `Service "x" is invalid: <aggregate>`; causes kept for kubectl. */
export function invalidError(info: Pick<KindInfo, 'kind' | 'group'>, name: string, errs: readonly FieldError[]): StatusError {
  const agg = errs.length ? `: ${aggregate(errs)}` : '';
  return {
    code: 422,
    reason: 'Invalid',
    message: `${groupKind(info)} "${name}" is invalid${agg}`,
    details: { name, group: info.group || undefined, kind: info.kind, causes: [...errs] },
  };
}

export function badRequestError(message: string): StatusError {
  return { code: 400, reason: 'BadRequest', message };
}

export function conflictError(info: Pick<KindInfo, 'resource' | 'group'>, name: string, why: string): StatusError {
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${groupResource(info)} "${name}": ${why}`,
    details: { name, group: info.group || undefined, kind: info.resource },
  };
}

export function forbiddenError(info: Pick<KindInfo, 'resource' | 'group'>, name: string, why: string): StatusError {
  return {
    code: 403,
    reason: 'Forbidden',
    message: `${groupResource(info)} "${name}" is forbidden: ${why}`,
    details: { name, group: info.group || undefined, kind: info.resource },
  };
}

export function internalError(message: string): StatusError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${message}` };
}

/** What the server answers for a kind it does not serve. */
export function unknownKindError(kind: string): StatusError {
  return { code: 404, reason: 'NotFound', message: `the server could not find the requested resource (kind ${kind})` };
}
