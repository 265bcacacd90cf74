/** Files, commands and the checks on what the terminal printed (STEPS.md). */
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { CheckFailed, checkContains, checkEquals, checkExit, checkMatches, checkReason } from './checks.ts';
import { expandVariables } from './expand.ts';
import { RUN_MEDIA_TYPE } from '../reports/collect.ts';
import { loadJqIfUsed, mayUseJq, type LabWorld } from './world.ts';


function expand(world: LabWorld, text: string): string {
  return expandVariables(text, (n) => world.lab.getVar(n));
}

function fail(message: string | undefined): void {
  if (message !== undefined) throw new CheckFailed(message);
}

Given('the file {string} with:', function (this: LabWorld, path: string, body: string) {
  const text = expand(this, body);
  if (mayUseJq(text)) this.wroteJq = true;
  this.lab.writeFile(expand(this, path), text);
});

async function run(world: LabWorld, script: string): Promise<void> {
  await loadJqIfUsed(world, script);
  const result = world.lab.run(script);
  world.lastRun = { script, result };
  world.attach(
    JSON.stringify({
      script,
      output: result.output,
      exitCode: result.exitCode,
      notes: result.notes,
    }),
    RUN_MEDIA_TYPE,
  );
}

When('I run {string}', async function (this: LabWorld, script: string) {
  await run(this, script);
});

When('I run:', async function (this: LabWorld, script: string) {
  await run(this, script);
});

Then('the output should contain {string}', function (this: LabWorld, text: string) {
  fail(checkContains(this.requireLastRun(), expand(this, text), false));
});

Then('the output should contain:', function (this: LabWorld, text: string) {
  fail(checkContains(this.requireLastRun(), expand(this, text), false));
});

Then('the output should not contain {string}', function (this: LabWorld, text: string) {
  fail(checkContains(this.requireLastRun(), expand(this, text), true));
});

Then('the output should not contain:', function (this: LabWorld, text: string) {
  fail(checkContains(this.requireLastRun(), expand(this, text), true));
});

Then('the output should match {string}', function (this: LabWorld, re: string) {
  fail(checkMatches(this.requireLastRun(), expand(this, re), false));
});

Then('the output should not match {string}', function (this: LabWorld, re: string) {
  fail(checkMatches(this.requireLastRun(), expand(this, re), true));
});

Then('the output should be:', function (this: LabWorld, text: string) {
  fail(checkEquals(this.requireLastRun(), expand(this, text)));
});

Then('the command should succeed', function (this: LabWorld) {
  fail(checkExit(this.requireLastRun(), 'success'));
});

Then('the command should fail', function (this: LabWorld) {
  fail(checkExit(this.requireLastRun(), 'failure'));
});

Then('the exit code should be {int}', function (this: LabWorld, code: number) {
  fail(checkExit(this.requireLastRun(), code));
});

Then('the reason should contain {string}', function (this: LabWorld, text: string) {
  fail(checkReason(this.requireLastRun(), expand(this, text)));
});

export type { DataTable };
