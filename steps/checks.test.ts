/** The Then checks' rules (STEPS.md "Checks") and their failure messages. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { checkContains, checkEquals, checkExit, checkMatches, checkReason, CheckFailed } from './checks.ts';
import type { LastRun } from './world.ts';

function run(output: string, exitCode = 0, notes: string[] = []): LastRun {
  return {
    script: 'kubectl get pods',
    result: { chunks: [], stdout: output, stderr: '', output, exitCode, notes: notes.map((m) => ({ code: 'x', message: m })) },
  };
}

describe('Then checks', () => {
  it('contain / not contain', () => {
    expect(checkContains(run('a\nb\n'), 'b', false)).to.equal(undefined);
    expect(checkContains(run('a\n'), 'b', false)).to.contain('Expected the output to contain:\n  b');
    expect(checkContains(run('a\n'), 'a', true)).to.contain('Expected the output not to contain');
  });

  it('match is multiline: ^ and $ are line ends', () => {
    expect(checkMatches(run('x\nweb  Running\n'), '^web\\s+Running$', false)).to.equal(undefined);
    expect(checkMatches(run('x\n'), '^web$', false)).to.contain('/^web$/m');
  });

  it('an invalid regular expression says so', () => {
    expect(checkMatches(run(''), '(', false)).to.contain('is not valid JavaScript');
  });

  it('be: exact but for trailing white space and trailing blank lines', () => {
    expect(checkEquals(run('a  \nb\t\n\n\n'), 'a\nb')).to.equal(undefined);
    const msg = checkEquals(run('a\nc\n'), 'a\nb');
    expect(msg).to.contain('First difference at line 2');
    expect(msg).to.contain('expected: "b"');
    expect(msg).to.contain('actual:   "c"');
  });

  it('exit codes', () => {
    expect(checkExit(run('', 0), 'success')).to.equal(undefined);
    expect(checkExit(run('', 7), 'failure')).to.equal(undefined);
    expect(checkExit(run('', 7), 7)).to.equal(undefined);
    expect(checkExit(run('', 0), 'failure')).to.contain('but it exited with 0');
  });

  it('failure messages show the command, the output and the reasons', () => {
    const msg = checkExit(run('curl: (7) Failed\n', 7, ['service web has no endpoints']), 'success')!;
    expect(msg).to.contain('The command was:\n  kubectl get pods');
    expect(msg).to.contain('It exited with 7 and printed:\n  curl: (7) Failed');
    expect(msg).to.contain('Why, according to the cluster model:\n  - service web has no endpoints');
  });

  it('reason checks read the notes', () => {
    expect(checkReason(run('', 7, ['selector run=x matches no pod']), 'matches no pod')).to.equal(undefined);
    expect(checkReason(run('', 7), 'x')).to.contain('recorded no reason');
  });

  it('a failed check carries no stack trace', () => {
    const e = new CheckFailed('what went wrong');
    expect(e.stack).to.equal('what went wrong');
  });
});
