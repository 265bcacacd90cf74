/**
 * kubectl's error rendering: what cmdutil.CheckErr prints for each kind of
 * error and the exit code it uses (kubernetes/kubectl pkg/cmd/util/helpers.go,
 * v0.33.5: checkErr, StandardErrorMessage, MultilineError, MultipleErrors,
 * statusCausesToAggrError, AddSourceToErr, UsageErrorf).
 */
import type { StatusError } from '../api/server-types.ts';

export type KubectlError =
  /** An API Status from the server. */
  | { type: 'status'; status: StatusError }
  /** Any other Go error: printed with an `error: ` prefix unless it has one. */
  | { type: 'plain'; message: string }
  /** utilexec.ExitError (`command terminated with exit code 2`): printed as is, exit code passed on. */
  | { type: 'exit'; message: string; code: number }
  /** utilerrors.Aggregate: one line per error, each through StandardErrorMessage. */
  | { type: 'aggregate'; errors: KubectlError[] }
  /** cmdutil.ErrExit: nothing printed, exit 1. */
  | { type: 'silent' };

export const DEFAULT_ERROR_EXIT_CODE = 1;

export const statusErr = (status: StatusError): KubectlError => ({ type: 'status', status });
export const plainErr = (message: string): KubectlError => ({ type: 'plain', message });

/** cmdutil.UsageErrorf: the message, then where to look for help. */
export function usageErr(commandPath: string, message: string): KubectlError {
  return plainErr(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** The cobra FlagErrorFunc kubectl installs (pkg/util/templates/templater.go). */
export function flagErr(commandPath: string, message: string): KubectlError {
  return plainErr(`${message}\nSee '${commandPath} --help' for usage.`);
}

/**
 * cmdutil.AddSourceToErr: `error when creating "x.yaml": <message>`. For a
 * Status the message is rewritten and the details kept (so an Invalid error
 * still prints "The Service ... is invalid" alone, as checkErr rebuilds it).
 */
export function addSourceToErr(verb: string, source: string, err: KubectlError): KubectlError {
  if (!source) return err;
  if (err.type === 'status') {
    return statusErr({ ...err.status, message: `error when ${verb} "${source}": ${err.status.message}` });
  }
  if (err.type === 'plain') return plainErr(`error when ${verb} "${source}": ${err.message}`);
  return err;
}

/** One or several errors as kubectl returns them: a single error alone, more as an Aggregate. */
export function combine(errs: readonly KubectlError[]): KubectlError | undefined {
  if (errs.length === 0) return undefined;
  if (errs.length === 1) return errs[0];
  return { type: 'aggregate', errors: [...errs] };
}

/** checkErr: the text printed on stderr (ending in a newline, or empty) and the exit code. */
export function renderError(err: KubectlError): { text: string; code: number } {
  // unwrap aggregates of 1
  if (err.type === 'aggregate' && err.errors.length === 1) err = err.errors[0]!;
  switch (err.type) {
    case 'silent':
      return { text: '', code: DEFAULT_ERROR_EXIT_CODE };
    case 'exit':
      return { text: withNewline(err.message), code: err.code };
    case 'aggregate':
      return { text: err.errors.map((e) => withNewline(messageForError(e))).join(''), code: DEFAULT_ERROR_EXIT_CODE };
    case 'status':
      if (err.status.reason === 'Invalid') return { text: withNewline(invalidMessage(err.status)), code: DEFAULT_ERROR_EXIT_CODE };
      return { text: withNewline(standardErrorMessage(err.status)), code: DEFAULT_ERROR_EXIT_CODE };
    case 'plain':
      return { text: withNewline(err.message.startsWith('error: ') ? err.message : `error: ${err.message}`), code: DEFAULT_ERROR_EXIT_CODE };
  }
}

/** The Invalid branch of checkErr: rebuilt from details, never from the server's message. */
function invalidMessage(status: StatusError): string {
  const details = status.details;
  let s = 'The request is invalid';
  if (!details) return status.message ? `${s}: ${status.message}` : s;
  const causes = dedupeCauses(details.causes ?? []);
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  else if (status.message && causes.length === 0) s += `: ${status.message}`;
  if (causes.length === 0) return s;
  // MultilineError(s + ": ", aggregate)
  const prefix = `${s}: `;
  if (causes.length === 1) return `${prefix}${causes[0]}`;
  return `${prefix}\n${causes.map((c) => `* ${c}`).join('\n')}`;
}

/** statusCausesToAggrError: `field: message`, duplicates dropped. */
function dedupeCauses(causes: NonNullable<NonNullable<StatusError['details']>['causes']>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of causes) {
    // The apiserver sends cause.message = ErrorBody(); our FieldError keeps the
    // rendered `field: body` in `message`.
    const msg = c.message.startsWith(`${c.field}: `) ? c.message : `${c.field}: ${c.message}`;
    if (seen.has(msg)) continue;
    seen.add(msg);
    out.push(msg);
  }
  return out;
}

/** StandardErrorMessage for an API Status. */
export function standardErrorMessage(status: StatusError): string {
  return status.reason ? `Error from server (${status.reason}): ${status.message}` : `Error from server: ${status.message}`;
}

/** messageForError: StandardErrorMessage when it knows the error, else Error(). */
function messageForError(err: KubectlError): string {
  switch (err.type) {
    case 'status':
      return standardErrorMessage(err.status);
    case 'plain':
    case 'exit':
      return err.message;
    case 'aggregate':
      return err.errors.length === 1 ? messageForError(err.errors[0]!) : `[${err.errors.map(messageForError).join(', ')}]`;
    case 'silent':
      return 'exit';
  }
}

function withNewline(s: string): string {
  if (s === '') return '';
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** Go's %q for the strings kubectl quotes (names are plain ASCII in practice). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
