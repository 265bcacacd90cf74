/**
 * `kube-netlab test PATH...`: run lab features with the built-in steps,
 * Cucumber's progress output, the per-Service-type summary at the end, and
 * the reports (report.json, results.json, junit.xml, report.html).
 */
import type { Writable } from 'node:stream';
import { resolve } from 'node:path';
import { formatSummary, summarise } from '../reports/summary.ts';
import { parseArgs, UsageError } from './args.ts';
import { formatUndefinedSteps, runLabs } from './run-labs.ts';
import { toolInfo } from './tool.ts';

export const TEST_HELP = `Usage: kube-netlab test PATH... [options]

Runs lab feature files (or folders of them) against the simulated k3s
cluster, with kube-netlab's built-in steps (the contract in STEPS.md).
Prints Cucumber's progress, then a summary per Service type and tag, and
writes report.json, results.json (Gradescope), junit.xml and report.html.
Exits 0 only when every scenario passed.

Options:
  --tags EXPR        only scenarios whose tags match a Cucumber tag expression,
                     e.g. --tags '@NodePort and not @slow'
  --name REGEX       only scenarios whose name matches (repeatable)
  --format NAME[:FILE]
                     an extra Cucumber formatter, e.g. json:out/cucumber.json,
                     html:out/cucumber.html (repeatable)
  --out DIR          where the reports go (default: kube-netlab-report)
  --no-reports       write no report files
  --fail-fast        stop at the first failing scenario
  --no-summary       leave out the per-Service-type summary
  -h, --help         this help
`;

export async function testCommand(argv: readonly string[], io: { stdout: Writable; stderr: Writable; cwd: string }): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    tags: { value: true },
    name: { value: true, repeatable: true },
    format: { value: true, repeatable: true },
    out: { value: true },
    'no-reports': { value: false },
    'fail-fast': { value: false },
    'no-summary': { value: false },
    help: { value: false, short: 'h' },
  });
  if (options.has('help')) {
    io.stdout.write(TEST_HELP);
    return 0;
  }
  if (positional.length === 0) throw new UsageError('kube-netlab test needs at least one feature file or folder (see kube-netlab test --help)');

  const result = await runLabs({
    paths: positional,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    tags: options.get('tags')?.[0],
    names: options.get('name'),
    formats: ['progress', ...(options.get('format') ?? [])],
    failFast: options.has('fail-fast'),
  });
  io.stderr.write(formatUndefinedSteps(result.undefinedSteps));
  if (!options.has('no-summary') && result.scenarios.length > 0) {
    io.stdout.write('\n' + formatSummary(summarise(result.scenarios)));
  }
  if (!options.has('no-reports') && result.scenarios.length > 0) {
    const out = resolve(io.cwd, options.get('out')?.[0] ?? 'kube-netlab-report');
    // Imported only when reports are written (--no-reports runs skip them).
    const { buildReport, writeReports } = await import('../reports/index.ts');
    const report = buildReport(result.scenarios, { tool: toolInfo(), generatedAt: new Date().toISOString(), labs: positional });
    const w = writeReports(report, out);
    if (!w.ok) io.stderr.write(`kube-netlab: ${w.error}\n`);
  }
  if (result.scenarios.length === 0 && result.success) {
    io.stderr.write(`kube-netlab: no scenarios found in ${positional.join(' ')}\n`);
    return 1;
  }
  return result.success ? 0 : 1;
}
