/**
 * Parse errors. The parser throws these; the shell turns them into the
 * dialect's own message (see messages.ts). `unsupported` is the lab shell's
 * honest "not in this subset" (as mvdan/sh's LangError), never a misparse.
 */
import type { Pos } from './ast.ts';

export type SyntaxErrorKind =
  /** A token where none of that kind may appear: `echo a | | b`. */
  | 'unexpected-token'
  /** Input ended inside an unfinished list: `echo a &&` at end of script. */
  | 'unexpected-eof'
  /** Input ended inside a quote, `$(` or `${`: `close` is the awaited character. */
  | 'unterminated'
  /** Valid bash that the lab shell does not implement (loops, `&`, here-docs...). */
  | 'unsupported';

export class ShellSyntaxError extends Error {
  constructor(
    readonly kind: SyntaxErrorKind,
    /** The offending token (`|`, `newline`, `;;`), the awaited closer, or the feature's name. */
    readonly token: string,
    readonly pos: Pos,
  ) {
    super(`${kind}: ${token} at ${pos.line}:${pos.col}`);
  }
}
