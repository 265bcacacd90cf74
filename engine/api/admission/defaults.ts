/**
 * Per-kind defaulting, as the versioned defaulters run on decode:
 * pkg/apis/core/v1/defaults.go (Service, Namespace, Endpoints, Secret),
 * pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go,
 * pkg/apis/networking/v1/defaults.go, pkg/apis/discovery/v1/defaults.go.
 * Service IP-family fields are set by the allocation step, as alloc.go does.
 */
import type { KObject } from '../object.ts';
import { isPlainObject } from '../json.ts';
import { defaultPod, defaultPodTemplate } from './defaults-pod.ts';

type Obj = Record<string, any>;
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);

function spec(o: KObject): Obj {
  if (!isPlainObject(o.spec)) o.spec = {};
  return o.spec as Obj;
}

function service(o: KObject): void {
  const s = spec(o);
  s.sessionAffinity ??= 'None';
  s.type ??= 'ClusterIP';
  for (const p of objects(s.ports)) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (s.sessionAffinity === 'ClientIP') {
    s.sessionAffinityConfig ??= {};
    s.sessionAffinityConfig.clientIP ??= {};
    s.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  if ((s.type === 'NodePort' || s.type === 'LoadBalancer') && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (s.type !== 'ExternalName') s.internalTrafficPolicy ??= 'Cluster';
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
}

function deployment(o: KObject): void {
  const s = spec(o);
  s.replicas ??= 1;
  s.strategy ??= {};
  s.strategy.type ??= 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {};
    s.strategy.rollingUpdate.maxUnavailable ??= '25%';
    s.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(s.template);
}

function replicaSet(o: KObject): void {
  const s = spec(o);
  s.replicas ??= 1;
  defaultPodTemplate(s.template);
}

function statefulSet(o: KObject): void {
  const s = spec(o);
  s.replicas ??= 1;
  s.podManagementPolicy ??= 'OrderedReady';
  s.updateStrategy ??= {};
  s.updateStrategy.type ??= 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.partition ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
  s.persistentVolumeClaimRetentionPolicy ??= {};
  s.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  s.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  defaultPodTemplate(s.template);
}

function daemonSet(o: KObject): void {
  const s = spec(o);
  s.updateStrategy ??= {};
  s.updateStrategy.type ??= 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    s.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
  defaultPodTemplate(s.template);
}

function job(o: KObject): void {
  const s = spec(o);
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.backoffLimit ??= 6;
  s.completionMode ??= 'NonIndexed';
  s.suspend ??= false;
  s.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultPodTemplate(s.template);
}

function networkPolicy(o: KObject): void {
  const s = spec(o);
  for (const rule of [...objects(s.ingress), ...objects(s.egress)]) for (const p of objects(rule.ports)) p.protocol ??= 'TCP';
  if (!Array.isArray(s.policyTypes) || s.policyTypes.length === 0) {
    s.policyTypes = Array.isArray(s.egress) && s.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
}

function namespace(o: KObject): void {
  // The NamespaceDefaultLabelName feature: the label always mirrors the name.
  o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
  const s = spec(o);
  s.finalizers ??= ['kubernetes'];
}

function endpointSlice(o: KObject): void {
  for (const p of objects(o.ports)) {
    p.name ??= '';
    p.protocol ??= 'TCP';
  }
}

function endpoints(o: KObject): void {
  for (const subset of objects(o.subsets)) for (const p of objects(subset.ports)) p.protocol ??= 'TCP';
}

function secret(o: KObject): void {
  o.type ??= 'Opaque';
}

const DEFAULTERS: Record<string, (o: KObject) => void> = {
  Pod: (o) => defaultPod(o as Obj),
  Service: service,
  Deployment: deployment,
  ReplicaSet: replicaSet,
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
  Job: job,
  NetworkPolicy: networkPolicy,
  Namespace: namespace,
  EndpointSlice: endpointSlice,
  Endpoints: endpoints,
  Secret: secret,
};

/** Run the kind's defaulter in place. */
export function applyDefaults(o: KObject): void {
  DEFAULTERS[o.kind]?.(o);
}
