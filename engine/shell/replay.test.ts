/**
 * Replays the conformance table through the real bash 5.2 when it is
 * installed (skipped otherwise; REQUIRE_SHELLS=1 makes a missing bash fail),
 * as mvdan/sh's TestRunnerRunConfirm does: the table is only as good as its
 * agreement with the real shell. Both run in a folder of the same name, so
 * paths in the output match.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DASH_ROWS } from './testdata/dash-rows.ts';
import { ROWS } from './testdata/terminal-rows.ts';
import { makeLab, realBash52, replayInBash, replayInDash, tempDir } from './testdata/harness.ts';

const haveBash = realBash52();
if (!haveBash && process.env.REQUIRE_SHELLS === '1') throw new Error('REQUIRE_SHELLS=1 but no bash 5.2 found');

describe('conformance rows agree with the real bash 5.2', { skip: !haveBash && 'no bash 5.2 installed' }, () => {
  for (const row of ROWS.filter((x) => !x.ignore)) {
    it(row.name, () => {
      const { dir, cleanup } = tempDir();
      try {
        const real = replayInBash(row.script, dir);
        const lab = makeLab(dir).shell.run(row.script);
        expect({ output: lab.output, exitCode: lab.exitCode }).to.deep.equal(real);
      } finally {
        cleanup();
      }
    });
  }
});

describe('dash rows agree with the real dash', () => {
  for (const row of DASH_ROWS) {
    it(row.name, (t) => {
      const real = replayInDash(row.script);
      if (!real) return t.skip('no dash installed');
      expect({ output: row.output, exitCode: row.exitCode }).to.deep.equal(real);
    });
  }
});
