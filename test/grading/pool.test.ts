/**
 * grading/pool.ts with a stand-in worker (fake-worker.ts): a crash, a
 * hang past the time limit and an error each become that submission's
 * report, the others are still graded, and a replacement worker starts.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { join } from 'node:path';
import { gradeInWorkers } from '../../grading/pool.ts';
import type { LabReport } from '../../reports/index.ts';

const settings = { labs: [], cwd: process.cwd(), generatedAt: '2025-01-01T00:00:00Z' };

async function grade(names: string[], parallel: number, timeoutMs = 5000): Promise<LabReport[]> {
  const got: LabReport[] = [];
  await gradeInWorkers(
    names.map((shown) => ({ shown })),
    { settings, parallel, timeoutMs, memoryMb: 256, workerPath: join(import.meta.dirname, 'fake-worker.ts'), onReport: (i, r) => (got[i] = r) },
  );
  return got;
}

const codes = (r: LabReport) => (r.problems ?? []).map((p) => p.code);

describe('gradeInWorkers', () => {
  it('grades every submission, one report each, in the given slots', async () => {
    const r = await grade(['a', 'b', 'c'], 2);
    expect(r.map((x) => x.submission)).to.deep.equal(['a', 'b', 'c']);
    expect(r.every((x) => x.problems === undefined)).to.equal(true);
  });

  it('turns a crashed worker into a CRASH report and goes on with a new worker', async () => {
    const r = await grade(['a', 'crash-me', 'b'], 1);
    expect(r.map(codes)).to.deep.equal([[], ['CRASH'], []]);
    expect(r[1]!.problems![0]!.message).to.equal('the grading process crashed (exit code 3)');
    expect(r[2]!.submission).to.equal('b');
  });

  it('stops a submission that hangs past the time limit (TIMEOUT)', async () => {
    const r = await grade(['hang', 'a'], 1, 1500);
    expect(r.map(codes)).to.deep.equal([['TIMEOUT'], []]);
    expect(r[0]!.problems![0]!.message).to.equal('grading took longer than 1.5 s and was stopped');
  });

  it('reports an error thrown while grading (GRADING_ERROR) and keeps the worker', async () => {
    const r = await grade(['throw', 'a'], 1);
    expect(r.map(codes)).to.deep.equal([['GRADING_ERROR'], []]);
    expect(r[0]!.problems![0]!.message).to.equal('grading stopped with an error: boom');
  });
});
