/**
 * The lab terminal's conformance table: [name, script, combined output, exit
 * code], each row's expected text captured from a real interactive bash
 * 5.2.15 (`bash --norc --noediting -i +H` with PS1='' and stderr into stdout,
 * see harness.ts). replay.test.ts feeds the same rows to the real bash when
 * one is installed. Rows where the lab shell deliberately differs say why in
 * `ignore` (mvdan/sh's "#IGNORE" convention) and are not replayed.
 */
export interface Row {
  name: string;
  script: string;
  output: string;
  exitCode: number;
  /** Why the lab shell differs from real bash here (the row is then not replayed). */
  ignore?: string;
}

const r = (name: string, script: string, output: string, exitCode = 0, ignore?: string): Row => ({ name, script, output, exitCode, ignore });

export const ROWS: Row[] = [
  // words, quotes, comments
  r('comment lines and a comment after a command', '# a comment\necho hi   # another\n', 'hi\n'),
  r('a # inside a word is not a comment', 'echo a#b c #d', 'a#b c\n'),
  r('quotes inside quotes', `echo "it's" 'say "hi"' "a 'b' c"`, `it's say "hi" a 'b' c\n`),
  r('escapes in double quotes', 'echo "a\\"b" "c\\\\d" "\\$x" "\\q" "\\`"', 'a"b c\\d $x \\q `\n'),
  r('backslash escapes outside quotes', 'echo \\$HOME \\a\\b \\"q\\"', '$HOME ab "q"\n'),
  r('single quotes keep $NAME', "NAME=x; echo '$NAME' \"$NAME\"", '$NAME x\n'),
  r('adjacent quoted and unquoted parts join', `X=d; echo "a"'b'c"$X"e`, 'abcde\n'),
  r('backslash-newline continues the line', 'echo one \\\n  two', 'one two\n'),
  r('a quoted newline stays in the word', 'echo "a\nb"', 'a\nb\n'),
  r('empty lines are skipped', '\n\necho x\n\n', 'x\n'),
  r('an unquoted * stays literal (nothing to glob)', 'echo * "*"', '* *\n'),
  r('$\'...\' escapes', "echo $'a\\tb'", 'a\tb\n'),
  // variables and expansion
  r('assignment and ${NAME}', 'G=hello\necho "$G world" ${G}-again', 'hello world hello-again\n'),
  r('unquoted expansion splits on blanks', 'A="a   b"; echo $A; echo "$A"; printf "[%s]\\n" $A', 'a b\na   b\n[a]\n[b]\n'),
  r('empty unquoted expansion vanishes, "" stays', 'printf "[%s]\\n" $EMPTY x ""', '[x]\n[]\n'),
  r('${X:-default}, ${X-d}, ${#X}, ${X:+alt}', 'X=abc; E=; echo ${U:-def} ${E-set} ${#X} ${X:+alt} "${E:-empty}"', 'def 3 alt empty\n'),
  r('+= appends', 'a=1; a+=2; echo $a', '12\n'),
  r('tilde expands to HOME', 'cd ~ && echo ok', 'ok\n'),
  r('$? after success and failure', 'true; echo $?; false; echo $?', '0\n1\n'),
  r('$? of a command not found', 'nosuch; echo $?', 'bash: nosuch: command not found\n127\n'),
  // command substitution
  r('$(...) inside double quotes', 'X=world; echo "hello $(echo $X)!"', 'hello world!\n'),
  r('quotes inside $(...) inside quotes', 'echo "$(echo "nested quotes")" "$(echo \'x  y\')"', 'nested quotes x  y\n'),
  r('$(...) glued to text', 'echo $(echo a)b c$(echo d)', 'ab cd\n'),
  r('a jsonpath-like word is not brace expansion', "echo -o jsonpath={.items[0].metadata.name} '{a,b}'", '-o jsonpath={.items[0].metadata.name} {a,b}\n'),
  r('nested $(...)', 'echo $(echo $(echo x))', 'x\n'),
  r('$(...) strips trailing newlines only', 'X=$(printf "a\\n\\nb\\n\\n\\n"); echo "[$X]"', '[a\n\nb]\n'),
  r('NAME=$(cmd) takes the status of cmd', 'X=$(false); echo $?; Y=$(exit 3)', '1\n', 3),
  r('$(...) output is split when unquoted', 'printf "<%s>" $(echo a b); echo', '<a><b>\n'),
  r('assignments in $(...) do not leak', 'X=1; Y=$(X=2; echo $X); echo $X $Y', '1 2\n'),
  r('COUNT from a pipe into wc -l (contract)', "COUNT=$(printf 'a\\nb\\nc\\n' | wc -l)\necho \"lines: $COUNT\"", 'lines: 3\n'),
  // lists and pipes
  r('a && b || c', 'true && echo yes || echo no; false && echo yes || echo no', 'yes\nno\n'),
  r('&& and || continue on the next line', 'echo a &&\necho b ||\necho c', 'a\nb\n'),
  r('a pipe continues on the next line', 'echo abc |\n  cut -c2', 'b\n'),
  r('stdout and stderr interleave in write order', 'echo a; fail; echo b', 'a\nfail: failing\nb\n'),
  r('every stage of a pipe writes stderr to the terminal', 'fail | echo after', 'fail: failing\nafter\n', 0, 'real bash runs the stages at once, so their order varies; the lab runs them left to right'),
  r('pipeline status is the last stage', 'fail | true; echo $?; true | false; echo $?', 'fail: failing\n0\n1\n'),
  r('! negates', '! true; echo $?; ! false; echo $?', '1\n0\n'),
  r('cd in a pipe stage does not stick', 'mkdir_not_needed=1; cd / | true; pwd | grep -c /', '1\n'),
  r('NAME=v cmd exports for that command only', 'FOO=bar env | grep ^FOO=; env | grep -c ^FOO=', 'FOO=bar\n0\n', 1),
  r('unexported variables stay out of env', 'FOO=bar; env | grep -c ^FOO=; export FOO; env | grep ^FOO=', '0\nFOO=bar\n'),
  // redirections
  r('> file then cat file', 'echo first > notes.txt && echo second >> notes.txt\ncat notes.txt', 'first\nsecond\n'),
  r('2>/dev/null hides stderr', 'fail 2>/dev/null || echo "failed quietly"', 'failed quietly\n'),
  r('> f 2>&1 sends both to f', 'fail > out.txt 2>&1; cat out.txt', 'fail: failing\n'),
  r('2>&1 > f sends stderr to the terminal', 'fail 2>&1 > out.txt; cat out.txt; echo end', 'fail: failing\nend\n'),
  r('2>&1 into a pipe', 'fail 2>&1 | grep -c failing', '1\n'),
  r('&> file', 'fail &> both.txt; cat both.txt', 'fail: failing\n'),
  r('>&2 writes to stderr', 'echo to-err >&2 2>/dev/null; echo x 2>/dev/null >&2', 'to-err\n'),
  r('< file as stdin', 'printf "b\\na\\n" > in.txt; sort < in.txt', 'a\nb\n'),
  r('redirect into a missing folder', 'echo x > nope/file; echo $?', 'bash: nope/file: No such file or directory\n1\n'),
  r('an assignment-only redirect creates the file', '> empty.txt; cat empty.txt; echo $?', '0\n'),
  // built-ins
  r('echo -n and -e', 'echo -n a; echo -e "b\\tc\\nd"; echo -E "x\\ty"; echo -x', 'ab\tc\nd\nx\\ty\n-x\n'),
  r('printf reuses its format', "printf '%s-%s\\n' a b c", 'a-b\nc-\n'),
  r('printf numbers and padding', "printf '%5d|%-4s|%03d|%x|%.2f\\n' 42 ab 7 255 3.14159", '   42|ab  |007|ff|3.14\n'),
  r('printf %q', "printf '%q\\n' 'a b' \"it's\"", "a\\ b\nit\\'s\n"),
  r('printf invalid number', "printf '%d\\n' abc", 'bash: printf: abc: invalid number\n0\n', 1),
  r('cd and pwd', 'mkdir_none=1; cd nope; echo $?', 'bash: cd: nope: No such file or directory\n1\n'),
  r('cd alone goes home', 'cd /; cd; pwd | grep -c netlab-bash', '1\n'),
  r('export NAME=value', 'export A=1; env | grep ^A=', 'A=1\n'),
  r('unset', 'A=1; unset A; echo "[$A]"', '[]\n'),
  r('sleep accepts 1, 0.5, 2s, 1m', 'sleep 1; sleep 0.5; sleep 2s && echo slept', 'slept\n'),
  r('sleep with a bad interval', 'sleep x', "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", 1),
  // files
  r('cat a missing file', 'cat nope.txt', 'cat: nope.txt: No such file or directory\n', 1),
  r('cat - reads stdin', 'echo in | cat - ', 'in\n'),
  r('ls one name a line, sorted bytewise', 'echo > b; echo > a; echo > B; echo > .hidden; ls', 'B\na\nb\n'),
  r('ls a missing file', 'ls nope', "ls: cannot access 'nope': No such file or directory\n", 2),
  // filters
  r('grep -c on a file', 'printf "kind: Deployment\\nx\\n" > w.yaml; grep -c "kind: Deployment" w.yaml', '1\n'),
  r('grep -o', 'echo one two three | grep -o two', 'two\n'),
  r('grep -v -i -n', 'printf "a\\nB\\nb\\n" | grep -n -i -v a', '2:B\n3:b\n'),
  r('grep BRE: \\| and \\( \\) are operators, | ( ) literals', 'printf "ab\\ncd\\n(x)\\na|b\\n" | grep "ab\\|cd"; printf "a|b\\n(x)\\n" | grep "(x)\\|a|b"', 'ab\ncd\na|b\n(x)\n'),
  r('grep -E alternation and +', 'printf "aa\\nb\\nc\\n" | grep -E "a+|c"', 'aa\nc\n'),
  r('grep -w and -x', 'printf "web\\nwebsite\\nmy web\\n" | grep -w web; printf "web\\nwebsite\\n" | grep -x web', 'web\nmy web\nweb\n'),
  r('grep [[:digit:]] classes', 'printf "a1\\nbb\\n" | grep "[[:digit:]]"', 'a1\n'),
  r('grep with no match exits 1', 'echo x | grep y', '', 1),
  r('grep -q', 'echo abc | grep -q b && echo found', 'found\n'),
  r('grep several -e patterns', 'printf "a\\nb\\nc\\n" | grep -e a -e c', 'a\nc\n'),
  r('grep -F', 'printf "a.c\\nabc\\n" | grep -F a.c', 'a.c\n'),
  r('grep a missing file exits 2', 'grep x nope', 'grep: nope: No such file or directory\n', 2),
  r('grep an unmatched \\(', 'echo x | grep "\\("', 'grep: Unmatched ( or \\(\n', 2),
  r('head and tail', 'printf "1\\n2\\n3\\n4\\n" > n; head -n 2 n; head -1 n; tail -n 1 n; tail -n +3 n; tail -2 n', '1\n2\n1\n4\n3\n4\n3\n4\n'),
  r('head -n -1', 'printf "1\\n2\\n3\\n" | head -n -1', '1\n2\n'),
  r('head a missing file', 'head nope', "head: cannot open 'nope' for reading: No such file or directory\n", 1),
  r('wc -l, -w, -c and plain wc from a pipe', 'printf "a b\\nc\\n" | wc -l; printf "a b\\nc\\n" | wc -w; printf "a b\\nc\\n" | wc', '2\n3\n      2       3       6\n'),
  r('wc on files', 'printf "a\\nb\\nc\\n" > f; wc f; wc -l f; wc -l < f', '3 3 6 f\n3 f\n3\n'),
  r('sort -r, -n, -u', 'printf "b\\na\\nc\\n" | sort -r; printf "10\\n9\\n100\\n" | sort -n; printf "b\\na\\nb\\n" | sort -u', 'c\nb\na\n9\n10\n100\na\nb\n'),
  r('sort -k2 -t', 'printf "x:3\\ny:1\\nz:2\\n" | sort -t: -k2n', 'y:1\nz:2\nx:3\n'),
  r('sort bytewise (C.UTF-8)', 'printf "b\\nB\\na\\n_\\n" | sort', 'B\n_\na\nb\n'),
  r('cut -d -f and -c', 'echo "a:b:c" | cut -d: -f2; echo "a:b:c" | cut -d: -f1,3; echo hello | cut -c2-4; echo nodelim | cut -d: -f2', 'b\na:c\nell\nnodelim\n'),
  r('cut without a list', 'echo x | cut -d:', "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1),
  // errors
  r('unknown command', 'no-such-command --flag', 'bash: no-such-command: command not found\n', 127),
  r('a syntax error, then the next line runs', 'echo a | | b\necho next', "bash: syntax error near unexpected token `|'\nnext\n"),
  r('a syntax error drops its whole line', 'echo a; echo ) ; echo c\necho d', "bash: syntax error near unexpected token `)'\nd\n"),
  r('syntax error: newline after a redirection', 'echo x >\necho y', "bash: syntax error near unexpected token `newline'\ny\n"),
  r('syntax error on a continuation line', 'echo a &&\n| b\necho z', "bash: syntax error near unexpected token `|'\nz\n"),
  r('syntax error: ;; and a leading ;', 'echo a ;;\n; echo b', "bash: syntax error near unexpected token `;;'\nbash: syntax error near unexpected token `;'\n", 2),
  r('a stray fi', 'fi', "bash: syntax error near unexpected token `fi'\n", 2),
  r('a missing closing quote swallows the rest', 'echo ok\necho "abc\necho more\n', "ok\nbash: unexpected EOF while looking for matching `\"'\n", 2),
  r('a missing closing single quote', "echo 'abc", "bash: unexpected EOF while looking for matching `''\n", 2),
  r('an unclosed $(', 'echo $(echo a', "bash: unexpected EOF while looking for matching `)'\n", 2),
  r('an unfinished && at the end', 'echo ok &&', 'bash: syntax error: unexpected end of file\n', 2),
  // outside the subset: said, never misparsed
  r('for loops are reported', 'for i in 1 2; do\n  echo $i\ndone\necho after', 'bash: the lab shell does not support `for` loops (line 1)\nafter\n', 0, 'loops are outside the subset'),
  r('background jobs are reported', 'echo a &', 'bash: the lab shell does not support background jobs (&) (line 1)\n', 2, 'job control is outside the subset'),
  r('backticks are reported', 'echo `echo hi`', 'bash: the lab shell does not support backtick command substitution (use $(...)) (line 1)\n', 2, 'backticks are outside the subset'),
  r('brace expansion is reported', 'echo {a,b}', 'bash: the lab shell does not support brace expansion {a,b} (line 1)\n', 2, 'brace expansion is outside the subset'),
];
