/**
 * The lab shell's syntax tree. Every node carries the position (1-based line
 * and column) where it starts in the script, so errors and notes can point at
 * the script line a command came from (as mvdan/sh's syntax.Pos does).
 */
export interface Pos {
  line: number;
  col: number;
}

/** A piece of a word, before expansion. `quoted` parts are never split into fields. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean; pos: Pos }
  | { kind: 'cmdsub'; body: CommandList; quoted: boolean; pos: Pos };

/** The `${NAME<op>word}` forms the lab shell supports; `#` is `${#NAME}`. */
export type ParamOp = ':-' | '-' | ':+' | '+' | ':=' | '=' | '#';

export interface Word {
  parts: WordPart[];
  /** The source text, as typed (for messages). */
  raw: string;
  pos: Pos;
}

export interface Assignment {
  name: string;
  append: boolean;
  value: Word;
  pos: Pos;
}

/** `[fd]>file`, `[fd]>>file`, `[fd]<file`, `&>file`, `&>>file`, `[fd]>&fd`. */
export interface Redirect {
  op: '>' | '>>' | '<' | '&>' | '&>>' | '>&' | '<&';
  /** The redirected descriptor (1 for `>`, 0 for `<`); -1 for `&>` (both 1 and 2). */
  fd: number;
  target: Word;
  pos: Pos;
}

export interface SimpleCommand {
  kind: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  pos: Pos;
}

export interface Pipeline {
  kind: 'pipeline';
  bang: boolean;
  commands: SimpleCommand[];
  pos: Pos;
}

export interface AndOr {
  kind: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  pos: Pos;
}

/** Commands separated by `;` or newlines (the body of `$(...)`, or one typed line). */
export interface CommandList {
  kind: 'list';
  items: AndOr[];
  pos: Pos;
}
