/**
 * junit.xml for CI systems (GitLab, Jenkins, GitHub test reporters).
 *
 * One <testsuite> per feature file, and the Service type as the testcase's
 * classname. Why not one suite per Service type: a scenario may carry
 * several Service-type tags (STEPS.md "Tags") and some carry none, so
 * per-type suites would count a scenario twice or lose it, and every CI
 * system sums suites into its headline "N tests, M failed". Per feature,
 * each scenario appears exactly once and the totals match report.json;
 * the classname (`NodePort`, or `NodePort.LoadBalancer` for several, or the
 * feature's file name when untyped) still lets Jenkins' package/class view
 * and GitLab's "Suite" column group by Service type.
 *
 * No time or timestamp attributes: the model has no durations, and the
 * same submission must give the same bytes. Student output goes into the
 * failure body, so all text is cleaned (ANSI, XML-invalid characters) and
 * escaped.
 */
import type { LabReport, ReportScenario } from './model.ts';
import { escapeXml, failureHeadline, failureText, formatPoints, transcript } from './text.ts';

export { escapeXml } from './text.ts';

const attr = (name: string, value: string | number): string => ` ${name}="${escapeXml(String(value), true)}"`;

function classname(s: ReportScenario): string {
  if (s.serviceTypes.length > 0) return s.serviceTypes.join('.');
  return s.uri.replace(/^.*\//, '').replace(/\.feature$/, '');
}

/** CI systems key a test's history on classname + name: repeated names get their line. */
function uniqueNames(scenarios: readonly ReportScenario[]): Map<ReportScenario, string> {
  const count = new Map<string, number>();
  for (const s of scenarios) count.set(`${classname(s)}\0${s.name}`, (count.get(`${classname(s)}\0${s.name}`) ?? 0) + 1);
  return new Map(scenarios.map((s) => [s, (count.get(`${classname(s)}\0${s.name}`) ?? 0) > 1 ? `${s.name} (${s.id})` : s.name]));
}

type Outcome = 'passed' | 'failure' | 'skipped';
/** Skipped and pending scenarios are <skipped>; undefined and ambiguous steps are failures (the lab cannot pass). */
function outcome(s: ReportScenario): Outcome {
  if (s.status === 'passed') return 'passed';
  return s.status === 'skipped' || s.status === 'pending' ? 'skipped' : 'failure';
}

function testcase(s: ReportScenario, name: string): string {
  const lines = [`    <testcase${attr('classname', classname(s))}${attr('name', name)}${attr('file', s.uri)}${attr('line', s.line)}>`];
  lines.push('      <properties>');
  for (const t of s.tags) lines.push(`        <property${attr('name', 'tag')}${attr('value', t)}/>`);
  lines.push(`        <property${attr('name', 'points')}${attr('value', formatPoints(s.points))}/>`);
  lines.push(`        <property${attr('name', 'score')}${attr('value', formatPoints(s.score))}/>`);
  lines.push('      </properties>');
  const o = outcome(s);
  if (o === 'failure') lines.push(`      <failure${attr('message', failureHeadline(s))}${attr('type', s.status)}>${escapeXml(failureText(s))}</failure>`);
  if (o === 'skipped') lines.push(`      <skipped${attr('message', failureHeadline(s))}/>`);
  const out = o === 'passed' ? transcript(s) : '';
  if (out !== '') lines.push(`      <system-out>${escapeXml(out)}</system-out>`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

function counts(list: readonly ReportScenario[]): string {
  const failures = list.filter((s) => outcome(s) === 'failure').length;
  const skipped = list.filter((s) => outcome(s) === 'skipped').length;
  return `${attr('tests', list.length)}${attr('failures', failures)}${attr('errors', 0)}${attr('skipped', skipped)}`;
}

export function toJUnit(report: LabReport): string {
  const byFeature = new Map<string, ReportScenario[]>();
  for (const s of report.scenarios) {
    const list = byFeature.get(s.uri) ?? [];
    list.push(s);
    byFeature.set(s.uri, list);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attr('name', report.title)}${counts(report.scenarios)}>`];
  for (const [uri, list] of byFeature) {
    const names = uniqueNames(list);
    out.push(`  <testsuite${attr('name', list[0]!.feature || uri)}${counts(list)}${attr('file', uri)}>`);
    for (const s of list) out.push(testcase(s, names.get(s)!));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
