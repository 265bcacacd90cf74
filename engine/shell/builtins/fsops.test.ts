/**
 * mkdir, rm, touch: GNU coreutils 9.1 wording (Debian 12), checked against
 * coreutils src/mkdir.c (quote() → ‘…’ in a UTF-8 locale) and src/remove.c
 * (quoteaf → shell-style '…').
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { makeLab } from '../testdata/harness.ts';

const rows: [string, string, string, number][] = [
  ['mkdir -p makes parents', 'mkdir -p a/b/c && ls a/b', 'c\n', 0],
  ['mkdir -p on an existing folder is fine', 'mkdir -p a; mkdir -p a; echo $?', '0\n', 0],
  ['mkdir of an existing folder fails', 'mkdir a; mkdir a', 'mkdir: cannot create directory ‘a’: File exists\n', 1],
  ['mkdir without -p needs the parent', 'mkdir x/y', 'mkdir: cannot create directory ‘x/y’: No such file or directory\n', 1],
  ['mkdir without operands', 'mkdir', "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1],
  ['touch makes an empty file', 'touch f; cat f; ls', 'f\n', 0],
  ['rm removes a file', 'touch f; rm f; ls', '', 0],
  ['rm of a missing file', 'rm nope', "rm: cannot remove 'nope': No such file or directory\n", 1],
  ['rm -f of a missing file is quiet', 'rm -f nope', '', 0],
  ['rm of a folder needs -r', 'mkdir d; rm d', "rm: cannot remove 'd': Is a directory\n", 1],
  ['rm -rf removes a tree', 'mkdir -p d/e; touch d/e/f; rm -rf d; ls', '', 0],
];

describe('mkdir, rm, touch', () => {
  for (const [name, script, want, code] of rows) {
    it(name, () => {
      const { shell } = makeLab('/home/lab');
      const r = shell.run(script);
      expect(r.output).to.equal(want);
      expect(r.exitCode).to.equal(code);
    });
  }
});
