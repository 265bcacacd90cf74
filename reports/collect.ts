/**
 * Cucumber messages in, a plain model of the run out. Reports (console
 * summary, report.json, JUnit, Gradescope, HTML) are pure functions of the
 * model, so they never import the engine: the engine's reasons arrive as the
 * per-run attachments the steps add.
 */
import type { Envelope } from '@cucumber/messages';
import { CLUSTER_MEDIA_TYPE, parseClusterSnapshot, readHops, type ClusterSnapshot, type ReportHop } from './cluster-snapshot.ts';

export const RUN_MEDIA_TYPE = 'application/vnd.kube-netlab.run+json';

/** The Service types STEPS.md groups scenarios by, in report order. */
export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'] as const;

export type ScenarioStatus = 'passed' | 'failed' | 'undefined' | 'ambiguous' | 'pending' | 'skipped';

export interface CommandRecord {
  script: string;
  output: string;
  exitCode: number;
  /** `hops`: the path the failed request took, for the report's diagram. */
  notes: { code: string; message: string; hops?: ReportHop[] }[];
}

export interface StepRecord {
  keyword: string;
  text: string;
  status: string;
  message?: string;
}

export interface ScenarioRecord {
  id: string;
  name: string;
  feature: string;
  uri: string;
  line: number;
  tags: string[];
  points: number;
  hidden: boolean;
  status: ScenarioStatus;
  steps: StepRecord[];
  commands: CommandRecord[];
  /** The first failing step's message. */
  failure?: string;
  /** The reasons the data plane gave in the failing scenario's runs. */
  reasons: string[];
  /** The cluster at the end of the scenario, when the steps attached one (CLUSTER_MEDIA_TYPE). */
  cluster?: ClusterSnapshot;
}

const STATUS_RANK: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, FAILED: 5, UNKNOWN: 1 };

/** Feed it every envelope; read `scenarios()` after testRunFinished. */
export class RunCollector {
  private readonly featureNames = new Map<string, string>(); // uri -> feature name
  private readonly pickles = new Map<string, { name: string; uri: string; tags: string[]; astNodeIds: string[]; steps: Map<string, { text: string; astId: string }> }>();
  private readonly stepKeywords = new Map<string, string>(); // gherkin step id -> keyword
  private readonly scenarioLines = new Map<string, number>(); // gherkin scenario id -> line
  private readonly testCases = new Map<string, { pickleId: string; steps: Map<string, string | undefined> }>(); // testStepId -> pickleStepId
  private readonly started = new Map<string, ScenarioRecord>(); // testCaseStartedId -> record
  private readonly finished: ScenarioRecord[] = [];

  on(env: Envelope): void {
    if (env.gherkinDocument?.feature && env.gherkinDocument.uri) {
      const f = env.gherkinDocument.feature;
      this.featureNames.set(env.gherkinDocument.uri, f.name);
      const visit = (children: typeof f.children): void => {
        for (const c of children) {
          if (c.scenario) {
            this.scenarioLines.set(c.scenario.id, c.scenario.location.line);
            for (const s of c.scenario.steps) this.stepKeywords.set(s.id, s.keyword.trim());
          }
          if (c.background) for (const s of c.background.steps) this.stepKeywords.set(s.id, s.keyword.trim());
          if (c.rule) visit(c.rule.children as typeof f.children);
        }
      };
      visit(f.children);
    }
    if (env.pickle) {
      const p = env.pickle;
      this.pickles.set(p.id, {
        name: p.name,
        uri: p.uri,
        tags: p.tags.map((t) => t.name),
        astNodeIds: [...p.astNodeIds],
        steps: new Map(p.steps.map((s) => [s.id, { text: s.text, astId: s.astNodeIds[0] ?? '' }])),
      });
    }
    if (env.testCase) {
      this.testCases.set(env.testCase.id, {
        pickleId: env.testCase.pickleId,
        steps: new Map(env.testCase.testSteps.map((s) => [s.id, s.pickleStepId])),
      });
    }
    if (env.testCaseStarted) this.startCase(env.testCaseStarted.id, env.testCaseStarted.testCaseId);
    if (env.testStepFinished) {
      const rec = this.started.get(env.testStepFinished.testCaseStartedId);
      const tc = rec && this.testCases.get(rec.id);
      const pickleStepId = tc?.steps.get(env.testStepFinished.testStepId);
      if (rec && pickleStepId) {
        const pickle = this.pickles.get(tc!.pickleId)!;
        const step = pickle.steps.get(pickleStepId)!;
        const r = env.testStepFinished.testStepResult;
        rec.steps.push({ keyword: this.stepKeywords.get(step.astId) ?? '*', text: step.text, status: r.status.toLowerCase(), message: r.message });
        if (r.status !== 'PASSED' && r.status !== 'SKIPPED' && rec.failure === undefined) {
          // exception.message is the thrown message without Cucumber's "Error: " prefix and stack frames.
          rec.failure = r.exception?.message ?? r.message ?? (r.status === 'UNDEFINED' ? `Undefined step: ${step.text}` : r.status.toLowerCase());
        }
        if ((STATUS_RANK[r.status] ?? 0) > (STATUS_RANK[rec.status.toUpperCase()] ?? 0)) rec.status = r.status.toLowerCase() as ScenarioStatus;
      }
    }
    if (env.attachment && env.attachment.mediaType === RUN_MEDIA_TYPE && env.attachment.testCaseStartedId) {
      const rec = this.started.get(env.attachment.testCaseStartedId);
      const run = rec && readRun(env.attachment.body);
      if (run) rec!.commands.push(run);
    }
    if (env.attachment && env.attachment.mediaType === CLUSTER_MEDIA_TYPE && env.attachment.testCaseStartedId) {
      const rec = this.started.get(env.attachment.testCaseStartedId);
      const parsed = rec && parseClusterSnapshot(env.attachment.body);
      if (parsed && parsed.ok) rec!.cluster = parsed.snapshot; // the last one wins: the cluster as the scenario left it
    }
    if (env.testCaseFinished) {
      const rec = this.started.get(env.testCaseFinished.testCaseStartedId);
      if (rec && !env.testCaseFinished.willBeRetried) {
        if (rec.status !== 'passed') {
          rec.reasons = [...new Set(rec.commands.flatMap((c) => c.notes.map((n) => n.message)))];
        }
        this.finished.push(rec);
      }
    }
  }

  private startCase(startedId: string, testCaseId: string): void {
    const tc = this.testCases.get(testCaseId);
    if (!tc) return;
    const p = this.pickles.get(tc.pickleId)!;
    const points = p.tags.map((t) => /^@points:(\d+(?:\.\d+)?)$/.exec(t)).find(Boolean);
    this.started.set(startedId, {
      id: testCaseId,
      name: p.name,
      feature: this.featureNames.get(p.uri) ?? p.uri,
      uri: p.uri,
      line: this.scenarioLines.get(p.astNodeIds[0] ?? '') ?? 0,
      tags: p.tags,
      points: points ? Number(points[1]) : 1,
      hidden: p.tags.includes('@hidden'),
      status: 'passed',
      steps: [],
      commands: [],
      reasons: [],
    });
  }

  /** Finished scenarios in feature file order, then line. */
  scenarios(): ScenarioRecord[] {
    return [...this.finished].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line));
  }
}

/** A run attachment's body, or undefined when it is not one (never throws). */
function readRun(body: string): CommandRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const notes = (Array.isArray(o.notes) ? o.notes : []).flatMap((n: unknown) => {
    if (typeof n !== 'object' || n === null) return [];
    const r = n as Record<string, unknown>;
    const note: CommandRecord['notes'][number] = { code: String(r.code ?? ''), message: String(r.message ?? '') };
    const hops = readHops(r.hops);
    if (hops.length > 0) note.hops = hops;
    return [note];
  });
  return {
    script: typeof o.script === 'string' ? o.script : '',
    output: typeof o.output === 'string' ? o.output : '',
    exitCode: typeof o.exitCode === 'number' ? o.exitCode : 0,
    notes,
  };
}
