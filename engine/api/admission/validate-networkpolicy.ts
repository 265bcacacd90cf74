/**
 * NetworkPolicy validation, from pkg/apis/networking/validation/validation.go
 * (ValidateNetworkPolicySpec, ValidateNetworkPolicyPort,
 * ValidateNetworkPolicyPeer, ValidateIPBlock).
 */
import type { FieldError } from '../server-types.ts';
import { FieldPath, forbidden, invalid, notSupported, required } from '../field.ts';
import { GoRepr } from '../gofmt.ts';
import { isPlainObject } from '../json.ts';
import { parseCidr } from '../allocators/ip.ts';
import { isValidPortName, isValidPortNum } from './names.ts';
import { validateLabelSelector } from './validate-meta.ts';

type Obj = Record<string, any>;
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);
const SPEC = FieldPath.root('spec');
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function validatePort(p: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol != null && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(path.child('protocol'), p.protocol, ['TCP', 'UDP', 'SCTP']));
  if (p.port != null) {
    if (typeof p.port === 'number') {
      errs.push(...isValidPortNum(p.port).map((m) => invalid(path.child('port'), p.port, m)));
      if (p.endPort != null) {
        if (p.endPort < p.port) errs.push(invalid(path.child('endPort'), p.port, 'must be greater than or equal to `port`'));
        errs.push(...isValidPortNum(p.endPort).map((m) => invalid(path.child('endPort'), p.endPort, m)));
      }
    } else {
      if (p.endPort != null) errs.push(invalid(path.child('endPort'), p.endPort, 'may not be specified when `port` is non-numeric'));
      errs.push(...isValidPortName(String(p.port)).map((m) => invalid(path.child('port'), String(p.port), m)));
    }
  } else if (p.endPort != null) {
    errs.push(invalid(path.child('endPort'), p.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateIpBlock(b: Obj, path: FieldPath): FieldError[] {
  if (!b.cidr) return [required(path.child('cidr'), '')];
  const cidr = parseCidr(String(b.cidr));
  if (!cidr) return [invalid(path.child('cidr'), b.cidr, CIDR_MSG)];
  const errs: FieldError[] = [];
  (Array.isArray(b.except) ? b.except : []).forEach((ex: unknown, i: number) => {
    const ep = path.child('except').index(i);
    const e = parseCidr(String(ex));
    if (!e) {
      errs.push(invalid(ep, ex, CIDR_MSG));
      return;
    }
    const inside = e.base >= cidr.base && e.base < cidr.base + cidr.size;
    if (!inside || cidr.bits >= e.bits) errs.push(invalid(ep, ex, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function validatePeer(peer: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector != null) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, path.child('podSelector')));
  }
  if (peer.namespaceSelector != null) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, path.child('namespaceSelector')));
  }
  if (peer.ipBlock != null) {
    n++;
    errs.push(...validateIpBlock(isPlainObject(peer.ipBlock) ? peer.ipBlock : {}, path.child('ipBlock')));
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock != null) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicySpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  const errs = validateLabelSelector(s.podSelector, SPEC.child('podSelector'));
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    objects(s[dir]).forEach((rule, i) => {
      const rp = SPEC.child(dir).index(i);
      objects(rule.ports).forEach((p, j) => errs.push(...validatePort(p, rp.child('ports').index(j))));
      objects(rule[peers]).forEach((peer, j) => errs.push(...validatePeer(peer, rp.child(peers).index(j))));
    });
  }
  const types: unknown[] = Array.isArray(s.policyTypes) ? s.policyTypes : [];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(SPEC.child('policyTypes').index(i), t, ['Ingress', 'Egress']));
  });
  if (types.length > 2) {
    errs.push(invalid(SPEC.child('policyTypes'), new GoRepr(`[]networking.PolicyType{${types.map((t) => JSON.stringify(String(t))).join(', ')}}`, types), 'may not specify more than two policyTypes'));
  }
  return errs;
}
