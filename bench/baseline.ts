/**
 * The baselines: plain cucumber-js running the same feature files with
 * empty step bodies (one catch-all step definition in plain JavaScript, so
 * no TypeScript loader either), and helpers to run a command and time it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CUCUMBER_BIN = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber-js');
export const KUBE_NETLAB_BIN = join(ROOT, 'bin', 'kube-netlab.js');

/** A scratch folder whose node_modules is the project's (for support files that import @cucumber/cucumber). */
export function scratch(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `knl-bench-${label}-`));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Writes empty-steps.mjs into `dir`: every step text matches and does nothing. */
export function emptySteps(dir: string): string {
  const file = join(dir, 'empty-steps.mjs');
  // Cucumber checks arity: steps that end with ':' carry a doc string or table.
  writeFileSync(file, "import { defineStep } from '@cucumber/cucumber';\ndefineStep(/^.*:$/, function (_arg) {});\ndefineStep(/^.*[^:]$/, function () {});\n");
  return file;
}

export interface Timed {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The last lines of a failed run's output, for the error message. */
export const tail = (t: Timed): string => (t.stderr + t.stdout).split('\n').slice(-30).join('\n');

export function timedRun(argv: string[], cwd: string): Timed {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Per-scenario durations (ms) from a Cucumber message stream (NDJSON), in run order, by pickle name+uri. */
export function scenarioDurations(ndjsonFile: string): Map<string, number> {
  const started = new Map<string, { pickle: string; t: number }>();
  const pickles = new Map<string, string>();
  const testCases = new Map<string, string>();
  const out = new Map<string, number>();
  const ts = (x: { seconds: number; nanos: number }) => x.seconds * 1000 + x.nanos / 1e6;
  for (const line of readFileSync(ndjsonFile, 'utf8').split('\n')) {
    if (!line) continue;
    const m = JSON.parse(line);
    if (m.pickle) pickles.set(m.pickle.id, `${m.pickle.uri}:${m.pickle.name}`);
    if (m.testCase) testCases.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted) started.set(m.testCaseStarted.id, { pickle: testCases.get(m.testCaseStarted.testCaseId)!, t: ts(m.testCaseStarted.timestamp) });
    if (m.testCaseFinished) {
      const s = started.get(m.testCaseFinished.testCaseStartedId)!;
      let key = pickles.get(s.pickle)!;
      while (out.has(key)) key += "'";
      out.set(key, ts(m.testCaseFinished.timestamp) - s.t);
    }
  }
  return out;
}

export function writeFile(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}
