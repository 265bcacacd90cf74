/**
 * Golden files for the report writers. Volatile fields (the clock's reading
 * and the tool's version) are normalised in one list before comparing, as
 * Cucumber's compatibility kit does with its ignorable keys. Run the tests
 * with UPDATE_GOLDENS=1 to rewrite the files, then read the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';

export const TESTDATA = import.meta.dirname;

/** [pattern, replacement]: what changes from run to run or release to release. */
export const VOLATILE: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<timestamp>'],
  [/("version": ")\d+\.\d+\.\d+[^"]*/g, '$1<version>'],
];

export function normalise(text: string): string {
  return VOLATILE.reduce((t, [re, to]) => t.replace(re, to), text);
}

export function expectGolden(name: string, actual: string): void {
  const path = join(TESTDATA, name);
  const got = normalise(actual);
  if (process.env.UPDATE_GOLDENS === '1') writeFileSync(path, got);
  expect(got, `golden ${name} (UPDATE_GOLDENS=1 rewrites it)`).to.equal(readFileSync(path, 'utf8'));
}
