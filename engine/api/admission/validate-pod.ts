/**
 * Pod spec validation, a subset of pkg/apis/core/validation/validation.go
 * (ValidatePodSpec, validateContainers, validateContainerPorts,
 * validateRestartPolicy, validateDNSPolicy, ValidatePodUpdate).
 */
import type { FieldError } from '../server-types.ts';
import { FieldPath, duplicate, forbidden, invalid, notSupported, required } from '../field.ts';
import { deepEqual, isPlainObject } from '../json.ts';
import { isDns1123Label, isValidPortName, isValidPortNum } from './names.ts';

type Obj = Record<string, any>;
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validateContainerPorts(ports: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const ip = path.index(i);
    if (typeof p.name === 'string' && p.name.length > 0) {
      const msgs = isValidPortName(p.name);
      if (msgs.length) errs.push(...msgs.map((m) => invalid(ip.child('name'), p.name, m)));
      else if (names.has(p.name)) errs.push(duplicate(ip.child('name'), p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(required(ip.child('containerPort'), ''));
    else errs.push(...isValidPortNum(p.containerPort).map((m) => invalid(ip.child('containerPort'), p.containerPort, m)));
    if (p.hostPort) errs.push(...isValidPortNum(p.hostPort).map((m) => invalid(ip.child('hostPort'), p.hostPort, m)));
    if (!p.protocol) errs.push(required(ip.child('protocol'), ''));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(ip.child('protocol'), p.protocol, PROTOCOLS));
  });
  return errs;
}

function validateContainers(containers: Obj[], path: FieldPath, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const cp = path.index(i);
    const name = typeof c.name === 'string' ? c.name : '';
    if (name === '') errs.push(required(cp.child('name'), ''));
    else {
      errs.push(...isDns1123Label(name).map((m) => invalid(cp.child('name'), name, m)));
      if (names.has(name)) errs.push(duplicate(cp.child('name'), name));
      names.add(name);
    }
    if (!c.image || (typeof c.image === 'string' && c.image.trim() === '')) errs.push(required(cp.child('image'), ''));
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) errs.push(notSupported(cp.child('imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES));
    errs.push(...validateContainerPorts(objects(c.ports), cp.child('ports')));
  });
  return errs;
}

/** ValidatePodSpec (the parts labs meet). */
export function validatePodSpec(spec: unknown, path: FieldPath): FieldError[] {
  const s: Obj = isPlainObject(spec) ? spec : {};
  const errs: FieldError[] = [];
  const names = new Set<string>();
  const containers = objects(s.containers);
  if (containers.length === 0) errs.push(required(path.child('containers'), ''));
  errs.push(...validateContainers(containers, path.child('containers'), names));
  errs.push(...validateContainers(objects(s.initContainers), path.child('initContainers'), names));
  const rp = s.restartPolicy;
  if (rp === '' || rp === undefined) errs.push(required(path.child('restartPolicy'), ''));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(path.child('restartPolicy'), rp, ['Always', 'OnFailure', 'Never']));
  const dp = s.dnsPolicy;
  if (dp === '' || dp === undefined) errs.push(required(path.child('dnsPolicy'), ''));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dp)) {
    errs.push(notSupported(path.child('dnsPolicy'), dp, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  if (dp === 'None' && !isPlainObject(s.dnsConfig)) errs.push(required(path.child('dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
  return errs;
}

const UPDATABLE_POD_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/**
 * ValidatePodUpdate: only images, activeDeadlineSeconds and added tolerations
 * may change. The real message ends with a cmp.Diff of the two specs, which
 * is not reproduced.
 */
export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const munged = structuredClone(pod.spec ?? {}) as Obj;
  const before: Obj = old.spec ?? {};
  for (const key of ['containers', 'initContainers']) {
    const now = objects(munged[key]);
    const was = objects(before[key]);
    now.forEach((c, i) => {
      if (was[i]) c.image = was[i]!.image;
    });
  }
  munged.activeDeadlineSeconds = before.activeDeadlineSeconds;
  if (Array.isArray(munged.tolerations) && Array.isArray(before.tolerations) && before.tolerations.every((t: unknown) => munged.tolerations.some((u: unknown) => deepEqual(t, u)))) {
    munged.tolerations = before.tolerations;
  }
  if (deepEqual(munged, before)) return [];
  return [forbidden(FieldPath.root('spec'), `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS.join(',')}`)];
}
