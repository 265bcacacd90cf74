/**
 * Workload tables: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job.
 * Ports of the matching print* functions in kubernetes
 * pkg/printers/internalversion/printers.go (v1.33; Job has the STATUS and
 * DURATION columns since 1.30).
 */
import type { Deployment, ReplicaSet, StatefulSet, DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { KObject } from '../../../api/object.ts';
import { humanDuration, parseTimestamp, translateTimestampSince } from '../duration.ts';
import { formatLabels, formatLabelSelector, int, layoutContainerCells, selectorString, type Column } from './common.ts';

const templateColumns: readonly Column[] = [
  { name: 'Containers', wide: true },
  { name: 'Images', wide: true },
  { name: 'Selector', wide: true },
];

export const deploymentColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  { name: 'Age' },
  ...templateColumns,
];

export function deploymentRow(obj: KObject, now: number): string[] {
  const d = obj as unknown as Deployment;
  const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
  return [
    d.metadata?.name ?? '',
    `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
    int(d.status?.updatedReplicas),
    int(d.status?.availableReplicas),
    translateTimestampSince(d.metadata?.creationTimestamp, now),
    names,
    images,
    // printDeployment uses selector.String() directly: '' (not <none>) when empty.
    selectorString(d.spec?.selector),
  ];
}

export const replicaSetColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Age' },
  ...templateColumns,
];

export function replicaSetRow(obj: KObject, now: number): string[] {
  const rs = obj as unknown as ReplicaSet;
  const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
  return [
    rs.metadata?.name ?? '',
    int(rs.spec?.replicas),
    int(rs.status?.replicas),
    int(rs.status?.readyReplicas),
    translateTimestampSince(rs.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(rs.spec?.selector),
  ];
}

export const statefulSetColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Age' },
  { name: 'Containers', wide: true },
  { name: 'Images', wide: true },
];

export function statefulSetRow(obj: KObject, now: number): string[] {
  const s = obj as unknown as StatefulSet;
  const [names, images] = layoutContainerCells(s.spec?.template?.spec?.containers);
  return [
    s.metadata?.name ?? '',
    `${int(s.status?.readyReplicas)}/${int(s.spec?.replicas)}`,
    translateTimestampSince(s.metadata?.creationTimestamp, now),
    names,
    images,
  ];
}

export const daemonSetColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  { name: 'Node Selector' },
  { name: 'Age' },
  ...templateColumns,
];

export function daemonSetRow(obj: KObject, now: number): string[] {
  const ds = obj as unknown as DaemonSet;
  const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
  const st = ds.status;
  return [
    ds.metadata?.name ?? '',
    int(st?.desiredNumberScheduled),
    int(st?.currentNumberScheduled),
    int(st?.numberReady),
    int(st?.updatedNumberScheduled),
    int(st?.numberAvailable),
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    translateTimestampSince(ds.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(ds.spec?.selector),
  ];
}

export const jobColumns: readonly Column[] = [
  { name: 'Name', format: 'name' },
  { name: 'Status' },
  { name: 'Completions' },
  { name: 'Duration' },
  { name: 'Age' },
  ...templateColumns,
];

function jobCondition(job: Job, type: string): boolean {
  const c = (job.status?.conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

function jobStatus(job: Job): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = int(job.status?.succeeded);
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export function jobRow(obj: KObject, now: number): string[] {
  const job = obj as unknown as Job;
  const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
  return [
    job.metadata?.name ?? '',
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    translateTimestampSince(job.metadata?.creationTimestamp, now),
    names,
    images,
    formatLabelSelector(job.spec?.selector),
  ];
}
