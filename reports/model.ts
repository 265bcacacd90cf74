/**
 * LabReport: the one typed model every report is written from (report.json,
 * junit.xml, results.json, report.html). buildReport is pure: the caller
 * passes the clock's reading (generatedAt) and the tool's version, so the
 * same submission gives the same report, timestamps aside. The shape is
 * pinned by schemas/report.schema.json.
 */
import type { ClusterSnapshot, ReportHop } from './cluster-snapshot.ts';
import { SERVICE_TYPES, type ScenarioRecord, type ScenarioStatus } from './collect.ts';
import { summarise } from './summary.ts';

export type { ClusterSnapshot, ReportHop, RequestTrace, SnapshotNode, SnapshotPod, SnapshotService, SnapshotServicePort } from './cluster-snapshot.ts';
export { CLUSTER_MEDIA_TYPE } from './cluster-snapshot.ts';
export type { ScenarioStatus } from './collect.ts';

/** Bumped when report.json changes incompatibly. */
export const REPORT_VERSION = 1;

export interface ReportMeta {
  tool: { name: string; version: string };
  /** ISO 8601; read from the clock by the caller, never here. */
  generatedAt: string;
  /** The page's and the Gradescope output's title, e.g. "kube-netlab grade alice/". */
  title?: string;
  /** The graded folder as given on the command line (grade only). */
  submission?: string;
  /** The lab paths as given on the command line. */
  labs?: string[];
  /** What was wrong with the submission itself (grade only): skipped files, limits hit, a crash or timeout. */
  problems?: ReportProblem[];
}

/** A problem with the graded submission as a whole, located by file (and line when known). */
export interface ReportProblem {
  /** `SYMLINK`, `FILE_TOO_LARGE`, `TOO_MANY_FILES`, `TIMEOUT`, `CRASH`, … (grading/submission.ts). */
  code: string;
  /** '/'-separated, relative to the submission's root; '.' for the whole submission. */
  path: string;
  line?: number;
  message: string;
}

export type GroupKind = 'service-type' | 'tag' | 'all';

export interface ReportGroup {
  /** `NodePort`, `DNS`, … (the tag without `@`), or `all`. */
  group: string;
  kind: GroupKind;
  passed: number;
  failed: number;
  total: number;
  points: number;
  maxPoints: number;
}

export interface ReportNote {
  code: string;
  message: string;
  hops?: ReportHop[];
}

export interface ReportCommand {
  script: string;
  /** stdout and stderr interleaved, as the terminal printed them; kept byte for byte. */
  output: string;
  exitCode: number;
  notes: ReportNote[];
}

export interface ReportStep {
  keyword: string;
  text: string;
  status: string;
  message?: string;
}

export interface ReportScenario {
  /** `uri:line`, plus `#n` for the n-th row of a Scenario Outline: stable across runs. */
  id: string;
  name: string;
  feature: string;
  uri: string;
  line: number;
  tags: string[];
  /** The Service types (STEPS.md "Tags") among the tags, in SERVICE_TYPES order. */
  serviceTypes: string[];
  status: ScenarioStatus;
  /** Weight from `@points:N` (default 1). */
  points: number;
  /** `points` when passed, else 0. */
  score: number;
  /** Tagged `@hidden`: shown to students only after grades are published. */
  hidden: boolean;
  steps: ReportStep[];
  commands: ReportCommand[];
  failure?: string;
  /** The data plane's reasons, one sentence each, for a scenario that did not pass. */
  reasons: string[];
  cluster?: ClusterSnapshot;
}

export interface LabReport {
  version: typeof REPORT_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  title: string;
  submission?: string;
  labs: string[];
  /** Present when the submission had problems of its own (grade only). */
  problems?: ReportProblem[];
  totals: { scenarios: number; passed: number; failed: number; score: number; maxScore: number };
  summary: ReportGroup[];
  scenarios: ReportScenario[];
}

const SERVICE_TYPE_SET: ReadonlySet<string> = new Set(SERVICE_TYPES);

function groupKind(group: string): GroupKind {
  if (group === 'all') return 'all';
  return SERVICE_TYPE_SET.has(group) ? 'service-type' : 'tag';
}

/** Sums points without binary float drift (0.1 + 0.2): weights are rounded to 1e-6. */
export function addPoints(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6;
}

function toScenario(s: ScenarioRecord, id: string): ReportScenario {
  const passed = s.status === 'passed';
  const out: ReportScenario = {
    id,
    name: s.name,
    feature: s.feature,
    uri: s.uri,
    line: s.line,
    tags: [...s.tags],
    serviceTypes: SERVICE_TYPES.filter((t) => s.tags.includes(`@${t}`)),
    status: s.status,
    points: s.points,
    score: passed ? s.points : 0,
    hidden: s.hidden,
    steps: s.steps.map((st) => (st.message === undefined ? { keyword: st.keyword, text: st.text, status: st.status } : { ...st })),
    commands: s.commands.map((c) => ({
      script: c.script,
      output: c.output,
      exitCode: c.exitCode,
      notes: c.notes.map((n) => (n.hops && n.hops.length > 0 ? { code: n.code, message: n.message, hops: n.hops.map((h) => ({ ...h })) } : { code: n.code, message: n.message })),
    })),
    reasons: passed ? [] : [...s.reasons],
  };
  if (s.failure !== undefined && !passed) out.failure = s.failure;
  if (s.cluster) out.cluster = s.cluster;
  return out;
}

/**
 * Cucumber's test-case ids are fresh UUIDs every run; the report's id is
 * where the scenario is written, so two runs of one submission match.
 */
function stableIds(scenarios: readonly ScenarioRecord[]): string[] {
  const seen = new Map<string, number>();
  return scenarios.map((s) => {
    const base = `${s.uri}:${s.line}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export function buildReport(scenarios: readonly ScenarioRecord[], meta: ReportMeta): LabReport {
  const ids = stableIds(scenarios);
  const list = scenarios.map((s, i) => toScenario(s, ids[i]!));
  const summary: ReportGroup[] = summarise(scenarios).map((g) => ({ group: g.group, kind: groupKind(g.group), passed: g.passed, failed: g.failed, total: g.total, points: g.points, maxPoints: g.maxPoints }));
  const passed = list.filter((s) => s.status === 'passed').length;
  const report: LabReport = {
    version: REPORT_VERSION,
    tool: { name: meta.tool.name, version: meta.tool.version },
    generatedAt: meta.generatedAt,
    title: meta.title ?? (meta.submission !== undefined ? `kube-netlab grade ${meta.submission}` : 'kube-netlab test'),
    labs: [...(meta.labs ?? [])],
    totals: {
      scenarios: list.length,
      passed,
      failed: list.length - passed,
      score: list.reduce((a, s) => addPoints(a, s.score), 0),
      maxScore: list.reduce((a, s) => addPoints(a, s.points), 0),
    },
    summary,
    scenarios: list,
  };
  if (meta.submission !== undefined) report.submission = meta.submission;
  if (meta.problems && meta.problems.length > 0) report.problems = meta.problems.map((p) => ({ ...p }));
  return report;
}
