/**
 * One World per scenario: a fresh Lab (cluster + working directory +
 * terminal), created by the first step that needs it, and the last run.
 */
import { After, Status, World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { CLUSTER_MEDIA_TYPE } from '../reports/cluster-snapshot.ts';
import { clusterSnapshot } from './snapshot.ts';
import { loadJq } from '../engine/shell/index.ts';
import { Lab, type LabOptions, type RunResult } from '../engine/lab/index.ts';
import { submissionFor, workspaceFromSubmission } from './submission.ts';
import { mayUseJq } from './jq-word.ts';

export { mayUseJq };

/** Cucumber world parameters kube-netlab understands. */
export interface LabParameters {
  /** Absolute path of a homework submission to copy into each scenario (kube-netlab grade). */
  submission?: string;
}

export interface LastRun {
  script: string;
  result: RunResult;
}

export class LabWorld extends World {
  private labInstance: Lab | undefined;
  lastRun: LastRun | undefined;
  /** A file or image this scenario described mentions jq (so a script may run it). */
  wroteJq = false;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** Start the scenario's cluster (a Given step); a second call is a lab mistake. */
  startLab(opts: LabOptions = {}): Lab {
    if (this.labInstance) throw new Error('this scenario already has a cluster: use one "Given a k3s cluster…" step per scenario');
    this.labInstance = new Lab({ ...opts, workspace: opts.workspace ?? this.initialWorkspace() });
    return this.labInstance;
  }

  /** The scenario's lab; the default cluster when no Given step started one. */
  get lab(): Lab {
    this.labInstance ??= new Lab({ workspace: this.initialWorkspace() });
    return this.labInstance;
  }

  private initialWorkspace() {
    const root = (this.parameters as LabParameters).submission;
    return root ? workspaceFromSubmission(submissionFor(root)) : undefined;
  }

  get hasLab(): boolean {
    return this.labInstance !== undefined;
  }

  requireLastRun(): LastRun {
    if (!this.lastRun) throw new Error('no command has run yet in this scenario: add a "When I run …" step before this check');
    return this.lastRun;
  }
}

setWorldConstructor(LabWorld);

/**
 * jq (real jq compiled to WebAssembly) loads asynchronously, once, and only
 * for a lab that may run it: loading it costs more than a whole scenario, so
 * the terminal's synchronous `jq` finds it ready only if this ran first.
 * A script may reach jq itself (`… | jq .`, `kubectl exec … -- jq`), through
 * a file or image the scenario described (`sh script.sh`, a container's
 * command), or through a graded submission's files.
 */
export async function loadJqIfUsed(world: LabWorld, script: string): Promise<void> {
  if (mayUseJq(script) || world.wroteJq || (world.parameters as LabParameters).submission) await loadJq();
}

// A failed scenario's report draws its cluster: attach what the store holds.
After(function (this: LabWorld, { result }) {
  if (!this.hasLab || result?.status === Status.PASSED) return;
  this.attach(JSON.stringify(clusterSnapshot(this.lab)), CLUSTER_MEDIA_TYPE);
});
