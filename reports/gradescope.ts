/**
 * Gradescope's results.json, per the "Autograder Specifications"
 * (gradescope/autograder_samples docs/specs.md, "Output format", "Test case
 * status", "Output String Formatting"): top-level score and the summary as
 * output, one test per scenario with score / max_score from `@points:N`,
 * status, the failure, reasons and transcript as output, and visibility
 * `after_published` for `@hidden` scenarios. Every output is declared
 * `text`: Gradescope's default for the top-level output is
 * `simple_format`, which renders HTML, and the output holds student text.
 * Pinned by schemas/results.schema.json.
 */
import type { LabReport, ReportScenario } from './model.ts';
import { cleanText, failureText, formatPoints, transcript } from './text.ts';

export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  name: string;
  number: string;
  output: string;
  tags: string[];
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  output: string;
  output_format: 'text';
  test_output_format: 'text';
  test_name_format: 'text';
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  tests: GradescopeTest[];
}

/** The summary as text, Service types first (the report's order). */
function summaryText(report: LabReport): string {
  const lines = [`${report.title}: ${formatPoints(report.totals.score)} / ${formatPoints(report.totals.maxScore)} points, ${report.totals.passed} of ${report.totals.scenarios} scenarios passed.`, ''];
  for (const g of report.summary) {
    const pct = g.total === 0 ? 0 : Math.round((g.passed / g.total) * 100);
    lines.push(`${g.group}: ${g.passed} / ${g.total} passed (${pct}%), ${formatPoints(g.points)} / ${formatPoints(g.maxPoints)} points`);
  }
  if (report.problems && report.problems.length > 0) {
    lines.push('', 'Problems with the submission:');
    for (const p of report.problems) lines.push(cleanText(`  ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`));
  }
  return lines.join('\n') + '\n';
}

function testOutput(s: ReportScenario): string {
  if (s.status === 'passed') {
    const t = transcript(s);
    return t === '' ? 'Passed.\n' : `Passed.\n\nTranscript:\n${t}`;
  }
  return failureText(s);
}

function toTest(s: ReportScenario, number: string): GradescopeTest {
  return {
    score: s.score,
    max_score: s.points,
    status: s.status === 'passed' ? 'passed' : 'failed',
    name: cleanText(`${s.feature}: ${s.name}`),
    number,
    output: testOutput(s),
    tags: s.tags.filter((t) => !/^@(points:|hidden$)/.test(t)).map((t) => cleanText(t.slice(1))),
    visibility: s.hidden ? 'after_published' : 'visible',
  };
}

/** `feature.scenario` numbers, 1-based in report order, so Gradescope lists tests grouped by lab. */
function numbers(report: LabReport): string[] {
  const features = new Map<string, number>();
  const perFeature = new Map<string, number>();
  return report.scenarios.map((s) => {
    if (!features.has(s.uri)) features.set(s.uri, features.size + 1);
    const n = (perFeature.get(s.uri) ?? 0) + 1;
    perFeature.set(s.uri, n);
    return `${features.get(s.uri)}.${n}`;
  });
}

export function gradescopeResults(report: LabReport): GradescopeResults {
  const nums = numbers(report);
  return {
    score: report.totals.score,
    output: summaryText(report),
    output_format: 'text',
    test_output_format: 'text',
    test_name_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: report.scenarios.map((s, i) => toTest(s, nums[i]!)),
  };
}

export function toGradescope(report: LabReport): string {
  // Objects are built in the spec's key order, so JSON.stringify's insertion order is stable.
  return JSON.stringify(gradescopeResults(report), null, 2) + '\n';
}
