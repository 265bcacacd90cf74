/**
 * Admission: what the API server does to an object between decoding and
 * storage — PrepareForCreate/PrepareForUpdate, defaulting, the mutating
 * plugins (ServiceAccount, DefaultTolerationSeconds, Priority), and
 * validation with the server's field errors. Allocation of Service IPs and
 * node ports is engine/api/allocators', run by the server between
 * `mutate*` and `validate`.
 */
import type { ClusterConfig } from '../../cluster/config.ts';
import type { Random } from '../../sim/index.ts';
import type { ObjectStore } from '../store.ts';
import type { KObject } from '../object.ts';
import type { FieldError } from '../server-types.ts';
import { kindInfo } from '../kinds.ts';
import { isPlainObject } from '../json.ts';
import { applyDefaults } from './defaults.ts';
import { admitPodCreate } from './pod-admission.ts';
import { defaultIpFamilies, normalizeClusterIpsOnCreate, prepareServiceUpdate } from './service-update.ts';
import { nameRuleFor, validateObjectMeta } from './validate-meta.ts';
import { validateServiceSpec, validateServiceUpdate } from './validate-service.ts';
import { validatePodSpec, validatePodUpdate } from './validate-pod.ts';
import { validateDaemonSetSpec, validateDeploymentSpec, validateJobSpec, validateReplicaSetSpec, validateSelectorUpdate, validateStatefulSetSpec } from './validate-workloads.ts';
import { validateNetworkPolicySpec } from './validate-networkpolicy.ts';
import { FieldPath } from '../field.ts';

export interface AdmissionContext {
  config: ClusterConfig;
  store: ObjectStore;
  /** For generated names inside objects (kube-api-access-xxxxx, Job uids). */
  random: Random;
}

/** Kinds whose metadata.generation the server tracks (spec changes bump it). */
const GENERATION_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'NetworkPolicy', 'Ingress']);
/** Kinds whose status PrepareForCreate resets to the empty struct. */
const EMPTY_STATUS_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'Ingress']);

export const hasGeneration = (kind: string): boolean => GENERATION_KINDS.has(kind);

/** Everything but metadata and status: what a generation bump compares. */
export function specOf(o: KObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o;
  return rest;
}

/** PrepareForCreate, defaults and mutating admission. */
export function mutateCreate(o: KObject, ctx: AdmissionContext): void {
  delete o.status;
  applyDefaults(o);
  if (GENERATION_KINDS.has(o.kind)) o.metadata.generation = 1;
  else delete o.metadata.generation;
  if (EMPTY_STATUS_KINDS.has(o.kind)) o.status = {};
  switch (o.kind) {
    case 'Pod':
      admitPodCreate(o as Record<string, any>, ctx.random.fork(`pod/${o.metadata.namespace}/${o.metadata.name}`));
      break;
    case 'Service':
      normalizeClusterIpsOnCreate(o.spec);
      defaultIpFamilies(o.spec, undefined);
      o.status = { loadBalancer: {} };
      break;
    case 'Namespace':
      o.status = { phase: 'Active' };
      break;
    case 'Job':
      jobSelector(o, ctx.random);
      break;
  }
}

/** Defaults and PrepareForUpdate (status and server-set fields are the caller's). */
export function mutateUpdate(o: KObject, old: KObject, _ctx: AdmissionContext): void {
  applyDefaults(o);
  if (o.kind === 'Service' && isPlainObject(o.spec) && isPlainObject(old.spec)) {
    prepareServiceUpdate(o.spec, old.spec);
    defaultIpFamilies(o.spec, old.spec);
  }
  if (o.kind === 'Namespace') o.spec = { ...(o.spec ?? {}), finalizers: old.spec?.finalizers ?? ['kubernetes'] };
}

const SPEC_VALIDATORS: Record<string, (o: Record<string, any>) => FieldError[]> = {
  Service: validateServiceSpec,
  Pod: (o) => validatePodSpec(o.spec, FieldPath.root('spec')),
  Deployment: validateDeploymentSpec,
  ReplicaSet: validateReplicaSetSpec,
  StatefulSet: validateStatefulSetSpec,
  DaemonSet: validateDaemonSetSpec,
  Job: validateJobSpec,
  NetworkPolicy: validateNetworkPolicySpec,
};

const SELECTOR_IMMUTABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

/** ValidateX / ValidateXUpdate: metadata first, then the kind's rules, in the Go code's order. */
export function validateObject(o: KObject, old: KObject | undefined): FieldError[] {
  const info = kindInfo(o.kind);
  const errs = validateObjectMeta(o.metadata, info?.namespaced ?? true, nameRuleFor(o.kind));
  if (old) {
    if (o.kind === 'Service') errs.push(...validateServiceUpdate(o, old));
    if (o.kind === 'Pod') errs.push(...validatePodUpdate(o, old));
    if (SELECTOR_IMMUTABLE.has(o.kind)) errs.push(...validateSelectorUpdate(o, old));
  }
  errs.push(...(SPEC_VALIDATORS[o.kind]?.(o) ?? []));
  return errs;
}

/** The Job strategy's generated selector: controller-uid and job-name labels. */
function jobSelector(o: KObject, random: Random): void {
  const spec = o.spec;
  if (!isPlainObject(spec) || spec.manualSelector === true) return;
  const hex = (n: number) => random.string(n, '0123456789abcdef');
  const uid = (o.metadata.uid ??= `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`);
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': o.metadata.name, 'controller-uid': uid, 'job-name': o.metadata.name };
  spec.selector ??= { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  const t = (spec.template ??= {});
  t.metadata ??= {};
  t.metadata.labels = { ...labels, ...(t.metadata.labels ?? {}) };
}

export { applyDefaults } from './defaults.ts';
export { defaultPullPolicy } from './defaults-pod.ts';
export { qosClass } from './pod-admission.ts';
export { validateClusterIpFields, validatePortNumOrName } from './validate-service.ts';
export * from './names.ts';
export { validateLabels, validateLabelSelector, validateObjectMeta, nameRuleFor } from './validate-meta.ts';
