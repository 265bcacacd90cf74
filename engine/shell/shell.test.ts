/**
 * The Shell API beyond single scripts: state across run() calls, the chunk
 * list, notes, sleep through services, getVar/setVar, and jq through jq-web
 * (jq 1.7.0: wording from jqlang/jq src/main.c, e.g. "jq: error (at
 * <stdin>:N): ..." and the compile error with "(Unix shell quoting issues?)").
 */
import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import { loadJq } from './index.ts';
import { makeLab } from './testdata/harness.ts';

describe('Shell state across run() calls', () => {
  it('variables last for the whole scenario', () => {
    const { shell } = makeLab();
    shell.run('GREETING=hello');
    expect(shell.run('echo ${GREETING}-again').output).to.equal('hello-again\n');
    expect(shell.getVar('GREETING')).to.equal('hello');
  });

  it('setVar is seen by later scripts; cwd persists', () => {
    const { shell, fs } = makeLab('/home/lab');
    fs.mkdirp('/home/lab/sub');
    shell.setVar('IP', '10.42.0.5');
    shell.run('cd sub');
    const res = shell.run('echo "$IP"; pwd');
    expect(res.output).to.equal('10.42.0.5\n/home/lab/sub\n');
    expect(shell.cwd).to.equal('/home/lab/sub');
  });

  it('$? carries over to the next run', () => {
    const { shell } = makeLab();
    shell.run('false');
    expect(shell.run('echo $?').output).to.equal('1\n');
  });

  it('the contract scenario: comments, continuation, quotes', () => {
    const { shell } = makeLab();
    const res = shell.run('# a comment line\nGREETING=hello\nNAME="$GREETING world"   # a comment after a command\necho "$NAME" \\\n  and more\necho \'single $UNSET stays\'\n');
    expect(res).to.include({ output: 'hello world and more\nsingle $UNSET stays\n', exitCode: 0 });
  });
});

describe('RunResult', () => {
  it('keeps stdout and stderr apart and in write order', () => {
    const { shell } = makeLab();
    const res = shell.run('echo a; fail; echo b; fail 0 2>&1');
    expect(res.chunks).to.deep.equal([
      { fd: 1, text: 'a\n' },
      { fd: 2, text: 'fail: failing\n' },
      { fd: 1, text: 'b\nfail: failing\n' },
    ]);
    expect(res.stdout).to.equal('a\nb\nfail: failing\n');
    expect(res.stderr).to.equal('fail: failing\n');
    expect(res.exitCode).to.equal(0);
  });

  it('collects notes per run, never prints them', () => {
    const { shell } = makeLab();
    const res = shell.run('note why it failed');
    expect(res.output).to.equal('noted\n');
    expect(res.notes).to.deep.equal([{ code: 'test-note', message: 'why it failed' }]);
    expect(shell.run('true').notes).to.deep.equal([]);
  });

  it('sleep moves the simulated clock through services.sleep', () => {
    const lab = makeLab();
    lab.shell.run('sleep 1; sleep 0.5; sleep 2s; sleep 1m');
    expect(lab.slept).to.deep.equal([1000, 500, 2000, 60000]);
  });

  it('run() takes stdin', () => {
    const { shell } = makeLab();
    expect(shell.run('grep b', 'a\nb\n').output).to.equal('b\n');
  });
});

describe('jq (jq-web, jq 1.7.0)', () => {
  before(loadJq);
  const cases: [string, string, string, number][] = [
    ['-r over items (contract)', `echo '{"items":[{"metadata":{"name":"x"}},{"metadata":{"name":"y"}}]}' | jq -r '.items[].metadata.name'`, 'x\ny\n', 0],
    ['. pretty-prints with 2 spaces', `echo '{"a":[1,2]}' | jq .`, '{\n  "a": [\n    1,\n    2\n  ]\n}\n', 0],
    ['.a.b and .a[0]', `echo '{"a":{"b":"s"},"c":[7]}' | jq '.a.b, .c[0]'`, '"s"\n7\n', 0],
    ['-c', `echo '{"a": [1, 2]}' | jq -c .a`, '[1,2]\n', 0],
    ['-n --arg', `jq -n --arg x hi '$x'`, '"hi"\n', 0],
    ['-s', `printf '1 2 3' | jq -s add`, '6\n', 0],
    ['-e with null exits 1 and still prints', `echo '{}' | jq -e .a`, 'null\n', 1],
    ['a file operand', `echo '{"k":1}' > f.json; jq .k f.json`, '1\n', 0],
    ['a missing file', `jq . nope.json`, 'jq: error: Could not open nope.json: No such file or directory\n', 2],
    ['a compile error exits 3', `echo 1 | jq '.a |'`, 'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.a |   \njq: 1 compile error\n', 3],
    ['a runtime error keeps earlier output, exits 5', `echo '[{"a":1},3]' | jq '.[] | .a'`, '1\njq: error (at <stdin>:1): Cannot index number with string "a"\n', 5], // jq 1.7.0's wording (1.7.1 dropped "string")
  ];
  for (const [name, script, output, code] of cases) {
    it(name, () => {
      const { shell } = makeLab();
      const res = shell.run(script);
      expect({ output: res.output, exitCode: res.exitCode }).to.deep.equal({ output, exitCode: code });
    });
  }
});
