/**
 * `kubectl describe deployment|replicaset|daemonset|statefulset`: ports of
 * describeDeployment (with printReplicaSetsByLabels and deploymentutil's
 * old/new ReplicaSet search), describeReplicaSet, describeDaemonSet,
 * describeStatefulSet and getPodStatusForController in kubectl
 * pkg/describe/describe.go (v0.33).
 */
import type { KObject, LabelSelector } from '../../../api/object.ts';
import { matchesLabelSelector } from '../../../api/object.ts';
import { LEVEL_0, LEVEL_1, describeEvents, printAnnotationsMultiline, printLabelsMultiline, tabbedString, type PrefixWriter } from './writer.ts';
import { describePodTemplate } from './volumes.ts';
import { intOrString, num, printController, rfc1123z, str } from './fields.ts';
import { formatLabelSelector, formatLabels, selectorString } from '../tables/common.ts';
import { compareGoStrings } from '../gojson.ts';
import { parseTimestamp } from '../duration.ts';
import { parseQuantity, quantityString } from './quantity.ts';

export interface WorkloadInputs {
  events?: readonly KObject[];
  /** Pods of the namespace; counted when they match the selector and are controlled by this object. */
  pods?: readonly KObject[];
  /** ReplicaSets of the namespace (Deployment only): old and new are found among them. */
  replicaSets?: readonly KObject[];
}

const header = (obj: KObject, w: PrefixWriter) => {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
};

/** getPodStatusForController: phases of the pods matching `selector` whose controller is `uid`. */
export function podStatusCounts(selector: LabelSelector | undefined, uid: string | undefined, pods: readonly KObject[]): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of pods) {
    if (!selector || !matchesLabelSelector(p.metadata.labels, selector)) continue;
    const ref = (p.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    const phase = str(p.status?.phase);
    if (phase in n) n[phase]!++;
  }
  return `${n['Running']} Running / ${n['Pending']} Waiting / ${n['Succeeded']} Succeeded / ${n['Failed']} Failed`;
}

function conditionsTable(conditions: ReadonlyArray<{ type: string; status: string; reason?: string }> | undefined, w: PrefixWriter): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${str(c.reason)}\n`);
}

export function describeReplicaSet(rs: KObject, inputs: WorkloadInputs, now: number): string {
  return tabbedString((w) => {
    header(rs, w);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${num(rs.status?.replicas)} current / ${num(rs.spec?.replicas)} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(rs.spec?.selector, rs.metadata.uid, inputs.pods ?? [])}\n`);
    describePodTemplate(rs.spec?.template, w);
    conditionsTable(rs.status?.conditions, w);
    if (inputs.events) describeEvents(inputs.events, w, now);
  });
}

/** apimachinery's semantic equality on JSON: a missing, null, empty object and empty array are alike. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (x: unknown) => x === undefined || x === null || (Array.isArray(x) && x.length === 0) || (typeof x === 'object' && !Array.isArray(x) && Object.keys(x as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** deploymentutil.EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone((t ?? {}) as { metadata?: { labels?: Record<string, string> } });
    if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
    return c;
  };
  return semanticEqual(strip(a), strip(b));
}

/** deploymentutil.GetAllReplicaSets: owned RSs (selector + controller uid); the oldest matching the template is new, all others old. */
export function deploymentReplicaSets(d: KObject, candidates: readonly KObject[]): { oldRSs: KObject[]; newRS?: KObject } {
  const owned = candidates.filter((rs) => {
    if (!d.spec?.selector || !matchesLabelSelector(rs.metadata.labels, d.spec.selector)) return false;
    const ref = (rs.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    return !!ref && ref.uid === d.metadata.uid;
  });
  const byAge = [...owned].sort((a, b) => {
    const ta = parseTimestamp(a.metadata.creationTimestamp) ?? 0, tb = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
    return ta !== tb ? ta - tb : compareGoStrings(a.metadata.name, b.metadata.name);
  });
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, `<none>` when empty. */
function replicaSetsText(list: readonly KObject[]): string {
  return list.map((rs) => `${rs.metadata.name} (${num(rs.status?.replicas)}/${num(rs.spec?.replicas)} replicas created)`).join(', ') || '<none>';
}

export function describeDeployment(d: KObject, inputs: WorkloadInputs, now: number): string {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  const { oldRSs, newRS } = deploymentReplicaSets(d, inputs.replicaSets ?? []);
  return tabbedString((w) => {
    header(d, w);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${str(spec.strategy?.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    conditionsTable(status.conditions, w);
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
    }
    if (inputs.events) describeEvents(inputs.events, w, now);
  });
}

export function describeDaemonSet(ds: KObject, inputs: WorkloadInputs, now: number): string {
  const status = ds.status ?? {};
  return tabbedString((w) => {
    header(ds, w);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(ds.spec?.selector, ds.metadata.uid, inputs.pods ?? [])}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (inputs.events) describeEvents(inputs.events, w, now);
  });
}

export function describeStatefulSet(ss: KObject, inputs: WorkloadInputs, now: number): string {
  const spec = ss.spec ?? {};
  return tabbedString((w) => {
    header(ss, w);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(ss.status?.replicas)} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${str(spec.updateStrategy?.type)}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && typeof ru.partition === 'number') {
      w.write(LEVEL_1, `Partition:\t${num(ru.partition)}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(spec.selector, ss.metadata.uid, inputs.pods ?? [])}\n`);
    describePodTemplate(spec.template, w);
    volumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (inputs.events) describeEvents(inputs.events, w, now);
  });
}

/** describeVolumeClaimTemplates: name, class, labels, annotations (as k=v), capacity, access modes. */
function volumeClaimTemplates(templates: ReadonlyArray<{ metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: { storageClassName?: string; accessModes?: string[]; resources?: { requests?: Record<string, string> } } }> | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) return w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${str(pvc.metadata?.name)}\n`);
    // storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field.
    const cls = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? str(pvc.spec?.storageClassName);
    w.write(LEVEL_1, `StorageClass:\t${cls}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = parseQuantity(pvc.spec?.resources?.requests?.['storage']);
    w.write(LEVEL_1, `Capacity:\t${storage ? quantityString(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}
