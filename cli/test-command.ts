/**
 * `kube-netlab test PATH...`: run lab features with the built-in steps,
 * Cucumber's progress output, and the per-Service-type summary at the end.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '@cucumber/messages';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { RunCollector } from '../reports/collect.ts';
import { formatSummary, summarise } from '../reports/summary.ts';
import { nearestSteps } from '../reports/suggest.ts';
import { parseArgs, UsageError } from './args.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STEPS_GLOB = join(PROJECT_ROOT, 'steps', '*.steps.ts');
const WORLD_MODULE = join(PROJECT_ROOT, 'steps', 'world.ts');

export const TEST_HELP = `Usage: kube-netlab test PATH... [options]

Runs lab feature files (or folders of them) against the simulated k3s
cluster, with kube-netlab's built-in steps (the contract in STEPS.md).
Prints Cucumber's progress, then a summary per Service type and tag.
Exits 0 only when every scenario passed.

Options:
  --tags EXPR        only scenarios whose tags match a Cucumber tag expression,
                     e.g. --tags '@NodePort and not @slow'
  --name REGEX       only scenarios whose name matches (repeatable)
  --format NAME[:FILE]
                     an extra Cucumber formatter, e.g. junit:out/junit.xml,
                     json:out/cucumber.json, html:out/cucumber.html (repeatable)
  --fail-fast        stop at the first failing scenario
  --no-summary       leave out the per-Service-type summary
  -h, --help         this help
`;

export async function testCommand(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; cwd: string }): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    tags: { value: true },
    name: { value: true, repeatable: true },
    format: { value: true, repeatable: true },
    'fail-fast': { value: false },
    'no-summary': { value: false },
    help: { value: false, short: 'h' },
  });
  if (options.has('help')) {
    io.stdout.write(TEST_HELP);
    return 0;
  }
  if (positional.length === 0) throw new UsageError('kube-netlab test needs at least one feature file or folder (see kube-netlab test --help)');

  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: positional,
        import: [WORLD_MODULE, STEPS_GLOB],
        format: ['progress', ...(options.get('format') ?? [])],
        tags: options.get('tags')?.[0] ?? '',
        name: options.get('name') ?? [],
        failFast: options.has('fail-fast'),
      },
    },
    { cwd: io.cwd },
  );

  const collector = new RunCollector();
  const patterns: string[] = [];
  const undefinedSteps = new Map<string, string>(); // text -> where
  const onMessage = (env: Envelope) => {
    collector.on(env);
    if (env.stepDefinition) patterns.push(env.stepDefinition.pattern.source);
  };
  const { success } = await runCucumber(runConfiguration, { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr }, onMessage);

  const scenarios = collector.scenarios();
  for (const s of scenarios) {
    for (const st of s.steps) if (st.status === 'undefined') undefinedSteps.set(`${st.keyword} ${st.text}`, `${s.uri}:${s.line}`);
  }
  if (undefinedSteps.size > 0) {
    io.stderr.write('\nkube-netlab has no step for:\n');
    for (const [text, where] of undefinedSteps) {
      const near = nearestSteps(text.replace(/^\S+\s+/, ''), patterns);
      io.stderr.write(`  ${text}   (${where})\n`);
      io.stderr.write(near.length ? `    did you mean: ${near.map((p) => `"${p}"`).join(' or ')}?\n` : '    no known step is close; see STEPS.md for the vocabulary\n');
    }
  }
  if (!options.has('no-summary') && scenarios.length > 0) {
    io.stdout.write('\n' + formatSummary(summarise(scenarios)));
  }
  if (scenarios.length === 0 && success) {
    io.stderr.write(`kube-netlab: no scenarios found in ${positional.join(' ')}\n`);
    return 1;
  }
  return success ? 0 : 1;
}
