/**
 * `sh -c SCRIPT` rows for Debian's /bin/sh (dash 0.5.12), replayed against
 * the real dash by replay.test.ts when it is installed.
 */
export interface DialectRow {
  name: string;
  script: string;
  output: string;
  exitCode: number;
}

export const d = (name: string, script: string, output: string, exitCode = 0): DialectRow => ({ name, script, output, exitCode });

/** Captured from dash 0.5.12 (Debian 12's /bin/sh) run as `sh -c SCRIPT`. */
export const DASH_ROWS: DialectRow[] = [
  d('not found', 'foo', 'sh: 1: foo: not found\n', 127),
  d('not found on line 2, then the script goes on', 'echo one\nfoo\necho two', 'one\nsh: 2: foo: not found\ntwo\n'),
  d('syntax error', 'echo a | | b', 'sh: 1: Syntax error: "|" unexpected\n', 2),
  d('a syntax error stops a non-interactive shell', 'echo one\necho )\necho two', 'one\nsh: 2: Syntax error: ")" unexpected\n', 2),
  d('unterminated quote', 'echo "abc', 'sh: 1: Syntax error: Unterminated quoted string\n', 2),
  d('unclosed $(', 'echo $(echo a', 'sh: 1: Syntax error: end of file unexpected (expecting ")")\n', 2),
  d('unfinished &&', 'echo a &&', 'sh: 1: Syntax error: end of file unexpected\n', 2),
  d('cd to a missing folder', 'cd nope', "sh: 1: cd: can't cd to nope\n", 2),
  d('echo has no -e and always expands escapes', 'echo -e "a\\tb"; echo -n x', '-e a\tb\nx'),
  d('printf', 'printf "%s\\n" a b', 'a\nb\n'),
  d('exit N', 'echo a; exit 3; echo b', 'a\n', 3),
  d('$? and lists', 'false || echo $?', '1\n'),
  d('redirect into a missing folder', 'echo x > /nope/f', 'sh: 1: cannot create /nope/f: Directory nonexistent\n', 2),
];
