import { test } from 'node:test';
import { expect } from 'chai';
import { nearestSteps, normaliseStepText } from './suggest.ts';

const patterns = ['the output should contain {string}', 'the exit code should be {int}', 'I run {string}', 'a k3s cluster'];

test('normaliseStepText turns quotes and numbers into parameters', () => {
  expect(normaliseStepText(`the exit code shuld be 7 and "a b" or 'c'`)).to.equal('the exit code shuld be {int} and {string} or {string}');
});

test('a typo finds the step it meant', () => {
  expect(nearestSteps('the output shuld contain "nginx"', patterns)[0]).to.equal('the output should contain {string}');
  expect(nearestSteps('the exit cod should be 7', patterns)[0]).to.equal('the exit code should be {int}');
});

test('nothing close gives no suggestion', () => {
  expect(nearestSteps('the moon is made of cheese and everything else', patterns)).to.deep.equal([]);
});
