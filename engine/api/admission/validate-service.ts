/**
 * Service validation, ported from pkg/apis/core/validation/validation.go
 * (ValidateService, validateServicePort, ValidatePortNumOrName,
 * ValidateServiceClusterIPsRelatedFields, validateServiceExternalTrafficPolicy,
 * validateServiceInternalTrafficFieldsValue, ValidateServiceUpdate).
 * Errors come out in the order the Go code appends them.
 */
import type { FieldError } from '../server-types.ts';
import { FieldPath, duplicate, forbidden, internalError, invalid, notSupported, required } from '../field.ts';
import { GoRepr, goQuote, goStringSlice } from '../gofmt.ts';
import { isPlainObject } from '../json.ts';
import { parseIPv4 } from '../allocators/ip.ts';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum } from './names.ts';
import { validateLabels } from './validate-meta.ts';

type Obj = Record<string, any>;
const SPEC = FieldPath.root('spec');
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];

const ips = (s: Obj): string[] => (Array.isArray(s.clusterIPs) ? s.clusterIPs : []);
const isHeadless = (s: Obj): boolean => ips(s)[0] === 'None' || s.clusterIP === 'None';
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** ValidatePortNumOrName: an int must be a port number, a string an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [internalError(path, `unknown type: ${String(port)}`)];
}

/** `%#v` of a core.ServicePort key, as the duplicate-port error prints it. */
function servicePortRepr(protocol: string, port: number): GoRepr {
  return new GoRepr(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
    { protocol, port },
  );
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof sp.name === 'string' ? sp.name : '';
  if (requireName && name === '') errs.push(required(path.child('name'), ''));
  else if (name !== '') {
    errs.push(...isDns1123Label(name).map((m) => invalid(path.child('name'), name, m)));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    else names.add(name);
  }
  errs.push(...isValidPortNum(num(sp.port)).map((m) => invalid(path.child('port'), num(sp.port), m)));
  if (!sp.protocol) errs.push(required(path.child('protocol'), ''));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child('targetPort')));
  if (typeof sp.appProtocol === 'string') errs.push(...isQualifiedName(sp.appProtocol).map((m) => invalid(path.child('appProtocol'), sp.appProtocol, m)));
  return errs;
}

/** The ClusterIP/ClusterIPs/ipFamilies pre-checks (also run before allocation). */
export function validateClusterIpFields(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const field = SPEC.child('clusterIPs');
  const list = ips(s);
  if (s.clusterIP) {
    if (list.length === 0) errs.push(required(field, ''));
    else if (list[0] !== s.clusterIP) errs.push(invalid(field, goStringSlice(list), 'first value must match `clusterIP`'));
  } else if (list.length !== 0) {
    errs.push(invalid(field, goStringSlice(list), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (Array.isArray(s.ipFamilies) ? s.ipFamilies : []).forEach((f: string, i: number) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(SPEC.child('ipFamilies').index(i), f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(SPEC.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  if (s.ipFamilyPolicy !== undefined && s.ipFamilyPolicy !== null && !IP_FAMILY_POLICIES.includes(s.ipFamilyPolicy)) {
    errs.push(notSupported(SPEC.child('ipFamilyPolicy'), s.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  list.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (list.length > 1) errs.push(invalid(field, goStringSlice(list), "'None' must be the first and only value"));
      return;
    }
    if (parseIPv4(ip) === undefined) errs.push(invalid(field.index(i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  return errs;
}

function typeChecks(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type === 'LoadBalancer' && isHeadless(s)) errs.push(invalid(SPEC.child('clusterIPs').index(0), ips(s)[0] ?? 'None', "may not be set to 'None' for LoadBalancer services"));
  if (s.type === 'NodePort' && isHeadless(s)) errs.push(invalid(SPEC.child('clusterIPs').index(0), ips(s)[0] ?? 'None', "may not be set to 'None' for NodePort services"));
  if (s.type === 'ExternalName') {
    if (ips(s).length > 0) errs.push(forbidden(SPEC.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (Array.isArray(s.ipFamilies) && s.ipFamilies.length > 0) errs.push(forbidden(SPEC.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (s.ipFamilyPolicy != null) errs.push(forbidden(SPEC.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = typeof s.externalName === 'string' ? s.externalName.replace(/\.$/, '') : '';
    if (cname.length > 0) errs.push(...isDns1123Subdomain(cname).map((m) => invalid(SPEC.child('externalName'), cname, m)));
    else errs.push(required(SPEC.child('externalName'), ''));
  }
  return errs;
}

function portChecks(s: Obj, ports: Obj[]): FieldError[] {
  const errs: FieldError[] = [];
  if (s.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (num(p.nodePort) !== 0) errs.push(forbidden(SPEC.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (num(p.nodePort) === 0) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(SPEC.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${num(p.port)}`;
    if (seen.has(key)) errs.push(duplicate(SPEC.child('ports').index(i), servicePortRepr(String(p.protocol ?? ''), num(p.port))));
    seen.add(key);
  });
  return errs;
}

function trafficPolicyChecks(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const externallyAccessible = s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && Array.isArray(s.externalIPs) && s.externalIPs.length > 0);
  if (!externallyAccessible) {
    if (s.externalTrafficPolicy) errs.push(invalid(SPEC.child('externalTrafficPolicy'), s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!s.externalTrafficPolicy) errs.push(required(SPEC.child('externalTrafficPolicy'), ''));
  else if (!TRAFFIC_POLICIES.includes(s.externalTrafficPolicy)) errs.push(notSupported(SPEC.child('externalTrafficPolicy'), s.externalTrafficPolicy, TRAFFIC_POLICIES));
  if (s.internalTrafficPolicy == null) {
    if (s.type === 'NodePort' || s.type === 'ClusterIP' || s.type === 'LoadBalancer') errs.push(required(SPEC.child('internalTrafficPolicy'), ''));
  } else if (!TRAFFIC_POLICIES.includes(s.internalTrafficPolicy)) {
    errs.push(notSupported(SPEC.child('internalTrafficPolicy'), s.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  return errs;
}

/** ValidateService, spec part (metadata is validated by the caller). */
export function validateServiceSpec(svc: Obj): FieldError[] {
  const s: Obj = isPlainObject(svc.spec) ? svc.spec : {};
  const ports: Obj[] = Array.isArray(s.ports) ? s.ports.filter(isPlainObject) : [];
  const errs: FieldError[] = [];
  if (ports.length === 0 && !isHeadless(s) && s.type !== 'ExternalName') errs.push(required(SPEC.child('ports'), ''));
  errs.push(...typeChecks(s));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, SPEC.child('ports').index(i))));
  if (s.selector != null) errs.push(...validateLabels(s.selector, SPEC.child('selector')));
  if (!s.sessionAffinity) errs.push(required(SPEC.child('sessionAffinity'), ''));
  else if (!AFFINITIES.includes(s.sessionAffinity)) errs.push(notSupported(SPEC.child('sessionAffinity'), s.sessionAffinity, AFFINITIES));
  if (s.sessionAffinity === 'None' && s.sessionAffinityConfig != null) {
    errs.push(forbidden(SPEC.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIpFields(s));
  (Array.isArray(s.externalIPs) ? s.externalIPs : []).forEach((ip: string, i: number) => {
    if (parseIPv4(String(ip)) === undefined) errs.push(invalid(SPEC.child('externalIPs').index(i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  if (!s.type) errs.push(required(SPEC.child('type'), ''));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(notSupported(SPEC.child('type'), s.type, SERVICE_TYPES));
  errs.push(...portChecks(s, ports));
  errs.push(...trafficPolicyChecks(s));
  return errs;
}

/** ValidateServiceUpdate's own checks: the primary cluster IP may not change (validateUpgradeDowngradeClusterIPs). */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const s: Obj = svc.spec ?? {};
  const o: Obj = old.spec ?? {};
  if (s.type === 'ExternalName' || o.type === 'ExternalName') return [];
  const now = ips(s);
  const before = ips(o);
  if (before.length > 0 && now.length > 0 && now[0] !== before[0]) {
    return [invalid(SPEC.child('clusterIPs').index(0), goStringSlice(now), 'may not change once set')];
  }
  return [];
}
