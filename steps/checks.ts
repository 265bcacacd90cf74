/**
 * The Then checks as pure functions: each returns undefined when the check
 * holds, or the failure message (what was expected, what the output was,
 * the command that produced it, and the data plane's reasons).
 */
import type { LastRun } from './world.ts';

export function describeRun(run: LastRun): string {
  const lines = [
    'The command was:',
    indent(run.script.replace(/\n+$/, '')),
    `It exited with ${run.result.exitCode} and printed:`,
    run.result.output === '' ? '  (nothing)' : indent(run.result.output.replace(/\n$/, '')),
  ];
  const notes = run.result.notes;
  if (notes.length > 0) {
    lines.push('Why, according to the cluster model:');
    for (const n of notes) lines.push(`  - ${n.message}`);
  }
  return lines.join('\n');
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}

export function checkContains(run: LastRun, text: string, negate: boolean): string | undefined {
  const has = run.result.output.includes(text);
  if (has !== negate) return undefined;
  return `${negate ? 'Expected the output not to contain' : 'Expected the output to contain'}:\n${indent(text)}\n${describeRun(run)}`;
}

export function checkMatches(run: LastRun, source: string, negate: boolean): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(source, 'm');
  } catch (e) {
    return `The step's regular expression /${source}/ is not valid JavaScript: ${(e as Error).message}`;
  }
  const matches = re.test(run.result.output);
  if (matches !== negate) return undefined;
  return `${negate ? 'Expected the output not to match' : 'Expected the output to match'} /${source}/m\n${describeRun(run)}`;
}

/** Exact, but trailing white space on each line and trailing blank lines are ignored. */
export function checkEquals(run: LastRun, expected: string): string | undefined {
  const norm = (s: string) => s.split('\n').map((l) => l.replace(/[ \t\r]+$/, '')).join('\n').replace(/\n+$/, '');
  const want = norm(expected);
  const got = norm(run.result.output);
  if (want === got) return undefined;
  return `Expected the output to be exactly:\n${indent(want)}\n${firstDifference(want, got)}\n${describeRun(run)}`;
}

function firstDifference(want: string, got: string): string {
  const w = want.split('\n');
  const g = got.split('\n');
  for (let i = 0; i < Math.max(w.length, g.length); i++) {
    if (w[i] !== g[i]) {
      return `First difference at line ${i + 1}:\n  expected: ${JSON.stringify(w[i] ?? '(no line)')}\n  actual:   ${JSON.stringify(g[i] ?? '(no line)')}`;
    }
  }
  return '';
}

export function checkExit(run: LastRun, want: 'success' | 'failure' | number): string | undefined {
  const code = run.result.exitCode;
  const ok = want === 'success' ? code === 0 : want === 'failure' ? code !== 0 : code === want;
  if (ok) return undefined;
  const what = want === 'success' ? 'the command to succeed (exit code 0)' : want === 'failure' ? 'the command to fail (a non-zero exit code)' : `exit code ${want}`;
  return `Expected ${what}, but it exited with ${code}.\n${describeRun(run)}`;
}

export function checkReason(run: LastRun, text: string): string | undefined {
  if (run.result.notes.some((n) => n.message.includes(text))) return undefined;
  return `Expected a reason containing:\n${indent(text)}\n${describeRun(run)}${run.result.notes.length === 0 ? '\n(the cluster model recorded no reason for this run)' : ''}`;
}

/**
 * A failed check: the message says everything (expected, actual, command,
 * reasons), so the stack trace, which points into kube-netlab's own steps,
 * is left out of what Cucumber prints.
 */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
    this.stack = message;
  }
}
