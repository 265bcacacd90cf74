/**
 * The lab terminal against its conformance table (testdata/terminal-rows.ts).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { makeLab } from './testdata/harness.ts';
import { ROWS } from './testdata/terminal-rows.ts';

describe('lab terminal conformance (bash 5.2 interactive)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const { shell } = makeLab('/tmp/netlab-bash-lab');
      const res = shell.run(row.script);
      expect({ output: res.output, exitCode: res.exitCode }).to.deep.equal({ output: row.output, exitCode: row.exitCode });
    });
  }
});
