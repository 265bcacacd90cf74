/**
 * One Cucumber run of lab features with kube-netlab's steps, through
 * Cucumber's API, collecting the run's model for the reports. `test` and
 * `grade` both go through here. The support code (steps) is loaded once
 * per process and reused, since ES modules are only evaluated once.
 */
// First: it changes how Cucumber matches steps, so it must run before Cucumber loads.
import './native-match-indices.ts';
import type { Writable } from 'node:stream';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '@cucumber/messages';
import { loadConfiguration, loadSources, loadSupport, runCucumber, type IRunOptions } from '@cucumber/cucumber/api';
import { RunCollector, type ScenarioRecord } from '../reports/collect.ts';
import { nearestSteps } from '../reports/suggest.ts';
import { LabsError } from './args.ts';

/** Set to true by scripts/build.mjs in dist/'s bundle; undefined when the TypeScript sources run. */
declare const __KUBE_NETLAB_BUNDLE__: boolean | undefined;

/** Is this code running from dist/'s bundle (scripts/build.mjs), not the TypeScript sources? */
export const FROM_BUNDLE = typeof __KUBE_NETLAB_BUNDLE__ !== 'undefined';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The step definitions: the TypeScript sources (through tsx), or, when this
 * code runs from dist/'s bundle (scripts/build.mjs), dist/steps.mjs, which
 * registers the bundle's own copy of the steps (one engine in memory, its
 * compiled code from V8's cache).
 */
const SUPPORT = FROM_BUNDLE ? [join(PROJECT_ROOT, 'dist', 'steps.mjs')] : [join(PROJECT_ROOT, 'steps', 'world.ts'), join(PROJECT_ROOT, 'steps', '*.steps.ts')];

export interface RunLabsOptions {
  paths: string[];
  cwd: string;
  stdout: Writable;
  stderr: Writable;
  tags?: string;
  names?: string[];
  formats?: string[];
  failFast?: boolean;
  worldParameters?: Record<string, string | number | boolean>;
  /** List the scenarios without running them (every step skipped): grading's skeleton for a crashed submission. */
  dryRun?: boolean;
}

export interface RunLabsResult {
  success: boolean;
  scenarios: ScenarioRecord[];
  /** Undefined step texts with where they are and the nearest known steps. */
  undefinedSteps: { text: string; where: string; nearest: string[] }[];
}

export { LabsError };

let support: IRunOptions['support'] | undefined;

/**
 * Cucumber's run configuration, loaded once per set of options but the world
 * parameters: a grading worker runs the same labs for every submission, and
 * only the submission (a world parameter) changes between its runs.
 */
const configurations = new Map<string, Promise<IRunOptions>>();

async function configure(o: RunLabsOptions): Promise<IRunOptions> {
  const provided = { paths: o.paths, import: SUPPORT, format: o.formats ?? [], tags: o.tags ?? '', name: o.names ?? [], failFast: o.failFast ?? false };
  const key = JSON.stringify([o.cwd, provided]);
  let loaded = configurations.get(key);
  if (!loaded) {
    loaded = loadConfiguration({ file: false, provided }, { cwd: o.cwd }).then((c) => c.runConfiguration);
    configurations.set(key, loaded);
  }
  const conf = await loaded;
  return { ...conf, runtime: { ...conf.runtime, worldParameters: o.worldParameters ?? {} } };
}

/** Parse the labs without running them: a lab that does not parse stops grading before it starts. */
export async function checkLabs(o: RunLabsOptions): Promise<void> {
  const conf = await configure(o);
  const sources = await loadSources(conf.sources, { cwd: o.cwd, stderr: o.stderr });
  if (sources.errors.length > 0) {
    const e = sources.errors[0]!;
    throw new LabsError(`the labs do not parse: ${e.uri ?? ''}${e.location ? `:${e.location.line}` : ''}: ${e.message.split('\n')[0]}`);
  }
  if (sources.plan.length === 0) throw new LabsError(`no scenarios found in ${o.paths.join(' ')}`);
}

export async function runLabs(o: RunLabsOptions): Promise<RunLabsResult> {
  const conf = await configure(o);
  support ??= await loadSupport({ sources: conf.sources, support: conf.support as { importPaths: string[] } }, { cwd: o.cwd, stderr: o.stderr });
  const collector = new RunCollector();
  const patterns: string[] = [];
  const onMessage = (env: Envelope) => {
    collector.on(env);
    if (env.stepDefinition) patterns.push(env.stepDefinition.pattern.source);
  };
  const runtime = o.dryRun ? { ...conf.runtime, dryRun: true } : conf.runtime;
  const { success } = await runCucumber({ ...conf, runtime, support }, { cwd: o.cwd, stdout: o.stdout, stderr: o.stderr }, onMessage);
  const scenarios = collector.scenarios();
  const seen = new Set<string>();
  const undefinedSteps: RunLabsResult['undefinedSteps'] = [];
  for (const s of scenarios) {
    for (const st of s.steps) {
      if (st.status !== 'undefined' || seen.has(st.text)) continue;
      seen.add(st.text);
      undefinedSteps.push({ text: `${st.keyword} ${st.text}`, where: `${s.uri}:${s.line}`, nearest: nearestSteps(st.text, patterns) });
    }
  }
  return { success, scenarios, undefinedSteps };
}

export function formatUndefinedSteps(list: RunLabsResult['undefinedSteps']): string {
  if (list.length === 0) return '';
  let out = '\nkube-netlab has no step for:\n';
  for (const u of list) {
    out += `  ${u.text}   (${u.where})\n`;
    out += u.nearest.length ? `    did you mean: ${u.nearest.map((p) => `"${p}"`).join(' or ')}?\n` : '    no known step is close; see STEPS.md for the vocabulary\n';
  }
  return out;
}
