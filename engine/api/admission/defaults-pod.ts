/**
 * Pod and pod-template defaulting: pkg/apis/core/v1/defaults.go
 * (SetDefaults_PodSpec, SetDefaults_Pod, SetDefaults_Container,
 * SetDefaults_Probe, SetDefaults_ContainerPort …). Template specs get the
 * PodSpec defaults only; admission plugins add the rest to Pods alone.
 */
import { EMPTY_OBJECT, isPlainObject } from '../json.ts';

type Obj = Record<string, any>;

const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);

/** imagePullPolicy: Always for `:latest` or no tag, IfNotPresent otherwise (digests count as tagged). */
export function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: unknown): void {
  if (!isPlainObject(p)) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (isPlainObject(p.httpGet)) p.httpGet.scheme ??= 'HTTP';
}

function defaultContainer(c: Obj): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= EMPTY_OBJECT;
  for (const p of objects(c.ports)) p.protocol ??= 'TCP';
  for (const e of objects(c.env)) {
    const ref = e.valueFrom?.fieldRef;
    if (isPlainObject(ref)) ref.apiVersion ??= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  // Requests default to limits when only limits are given.
  if (isPlainObject(c.resources) && isPlainObject(c.resources.limits)) {
    const req = (c.resources.requests ??= {}) as Obj;
    for (const [k, v] of Object.entries(c.resources.limits)) req[k] ??= v;
  }
}

function defaultVolume(v: Obj): void {
  if (isPlainObject(v.secret)) v.secret.defaultMode ??= 420;
  if (isPlainObject(v.configMap)) v.configMap.defaultMode ??= 420;
  if (isPlainObject(v.projected)) v.projected.defaultMode ??= 420;
  if (isPlainObject(v.downwardAPI)) v.downwardAPI.defaultMode ??= 420;
  if (isPlainObject(v.hostPath)) v.hostPath.type ??= '';
  const sources = v.projected?.sources;
  for (const s of objects(sources)) for (const item of objects(s.downwardAPI?.items)) if (isPlainObject(item.fieldRef)) item.fieldRef.apiVersion ??= 'v1';
  if (Object.keys(v).length === 1 && typeof v.name === 'string') v.emptyDir = {};
}

/** SetDefaults_PodSpec and what it recurses into. */
export function defaultPodSpec(spec: unknown): void {
  if (!isPlainObject(spec)) return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= EMPTY_OBJECT;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) defaultContainer(c);
  for (const v of objects(spec.volumes)) defaultVolume(v);
  if (spec.hostNetwork === true) {
    for (const c of objects(spec.containers)) for (const p of objects(c.ports)) p.hostPort ??= p.containerPort;
  }
}

/** A PodTemplateSpec inside a workload: PodSpec defaults, and the metadata Go prints. */
export function defaultPodTemplate(template: unknown): void {
  if (!isPlainObject(template)) return;
  const meta = (template.metadata ??= {}) as Obj;
  // metav1.Time's zero value marshals as null in a template (1.33 still prints it).
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
  defaultPodSpec(template.spec);
}

/** SetDefaults_Pod on top of the PodSpec defaults. */
export function defaultPod(pod: Obj): void {
  const spec = (pod.spec ??= {}) as Obj;
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
}
