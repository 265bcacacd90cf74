/**
 * Field errors as k8s.io/apimachinery/pkg/util/validation/field builds and
 * renders them (path.go, errors.go). Validation code builds errors only
 * through these constructors; the words live in `errorBody` alone.
 */
import type { FieldError, FieldErrorType } from './server-types.ts';
import { goQuote, goValue } from './gofmt.ts';

/**
 * A field path: `spec.ports[0].nodePort`, `metadata.labels[app]`. Built as
 * a chain (parent + one step) and rendered only when an error prints it:
 * validation walks every field of every write, and almost none fails.
 */
export class FieldPath {
  private rendered?: string;

  private constructor(
    private readonly parent: FieldPath | undefined,
    /** `.name` steps are joined with dots; `[i]` and `[key]` steps are appended as they are. */
    private readonly step: string,
    private readonly dotted: boolean,
  ) {}

  static root(...names: string[]): FieldPath {
    return new FieldPath(undefined, names.join('.'), true);
  }

  child(...names: string[]): FieldPath {
    const joined = names.length === 1 ? names[0]! : names.filter((s) => s !== '').join('.');
    return new FieldPath(this, joined, true);
  }

  index(i: number): FieldPath {
    return new FieldPath(this, `[${i}]`, false);
  }

  key(k: string): FieldPath {
    return new FieldPath(this, `[${k}]`, false);
  }

  toString(): string {
    if (this.rendered !== undefined) return this.rendered;
    const head = this.parent ? this.parent.toString() : '';
    let text: string;
    if (!this.dotted) text = head + this.step;
    else text = head === '' ? this.step : this.step === '' ? head : `${head}.${this.step}`;
    return (this.rendered = text);
  }
}

/** Marker for a bad value that must not be printed (field.omitValue). */
export const OMIT = Symbol('omitValue');

const TYPE_WORDS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** ErrorBody() of field/errors.go: the message without the field name. */
export function errorBody(type: FieldErrorType, badValue: unknown, detail: string | undefined): string {
  let s: string;
  if (type === 'FieldValueRequired' || type === 'FieldValueForbidden' || type === 'FieldValueTooLong' || type === 'InternalError' || badValue === OMIT) {
    s = TYPE_WORDS[type];
  } else {
    s = `${TYPE_WORDS[type]}: ${goValue(badValue)}`;
  }
  if (detail) s += `: ${detail}`;
  return s;
}

function make(type: FieldErrorType, path: FieldPath, badValue: unknown, detail?: string): FieldError {
  const field = path.toString();
  const body = errorBody(type, badValue, detail);
  const e: FieldError = { type, field, message: `${field}: ${body}` };
  if (badValue !== undefined && badValue !== OMIT) e.badValue = badValue;
  if (detail) e.detail = detail;
  return e;
}

export const required = (p: FieldPath, detail = ''): FieldError => make('FieldValueRequired', p, '', detail);
export const invalid = (p: FieldPath, value: unknown, detail = ''): FieldError => make('FieldValueInvalid', p, value, detail);
export const forbidden = (p: FieldPath, detail: string): FieldError => make('FieldValueForbidden', p, '', detail);
export const duplicate = (p: FieldPath, value: unknown): FieldError => make('FieldValueDuplicate', p, value);
export const notFound = (p: FieldPath, value: unknown): FieldError => make('FieldValueNotFound', p, value);
export const tooLong = (p: FieldPath, value: unknown, max: number): FieldError => make('FieldValueTooLong', p, value, `must have at most ${max} bytes`);
export const tooLongMaxLength = (p: FieldPath, value: unknown, max: number): FieldError =>
  make('FieldValueTooLong', p, value, max >= 0 ? `may not be longer than ${max}` : 'value is too long');
export const tooMany = (p: FieldPath, actual: number, max: number): FieldError =>
  make('FieldValueTooMany', p, actual >= 0 ? actual : OMIT, max >= 0 ? `must have at most ${max} items` : 'has too many items');
export const internalError = (p: FieldPath, message: string): FieldError => make('InternalError', p, null, message);
export const typeInvalid = (p: FieldPath, value: unknown, detail: string): FieldError => make('FieldValueTypeInvalid', p, value, detail);

/** field.NotSupported: `Unsupported value: "Foo": supported values: "A", "B"`. */
export function notSupported(p: FieldPath, value: unknown, valid: readonly string[]): FieldError {
  const detail = valid.length > 0 ? 'supported values: ' + valid.map(goQuote).join(', ') : '';
  return make('FieldValueNotSupported', p, value, detail);
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one message bare, several in `[a, b]`. */
export function aggregate(errs: readonly FieldError[]): string {
  const msgs: string[] = [];
  for (const e of errs) if (!msgs.includes(e.message)) msgs.push(e.message);
  if (msgs.length === 1) return msgs[0]!;
  return `[${msgs.join(', ')}]`;
}
