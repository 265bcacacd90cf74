/**
 * NetworkPolicy, compiled once and evaluated purely (after policy-assistant's
 * pkg/matcher). `compilePolicies` turns networking.k8s.io/v1 objects into
 * rules with their provenance (`x/allow-web`); `evaluate` answers for one
 * direction (ingress to a pod, egress from a pod) with the policies that
 * select the pod and the ones that allow the traffic, so a refusal can name
 * them.
 *
 * Semantics (k8s.io/api networking/v1 types.go docs, as kube-router enforces them):
 * 1. A pod no policy selects for a direction is open in that direction.
 * 2. policyTypes defaults to [Ingress], plus Egress when spec.egress is set.
 * 3. Policies are additive: traffic is allowed if ANY selecting policy's rule allows it.
 * 4. A rule with no `from`/`to` allows every peer; with no `ports`, every port.
 * 5. One peer with podSelector AND namespaceSelector matches pods that satisfy both;
 *    two peers are ORed. A podSelector alone means the policy's own namespace.
 * 6. ipBlock matches the address as seen (pod IPs included, kube-router uses ipsets), minus `except`.
 * 7. A named port is resolved on the destination pod's container ports.
 */
import { matchesLabelSelector as matchesSlow, type KObject, type LabelSelector } from '../api/object.ts';
import { cidrContains, parseCidr, parseIpv4, type Cidr } from './ip.ts';
import type { Protocol } from './types.ts';

export type PolicyId = string;
export type Direction = 'ingress' | 'egress';

/** One peer of a rule; the union lists every shape (policy-assistant's PeerMatcher implementations). */
export type PeerMatcher =
  | { kind: 'pods'; namespace: 'same'; podSelector: LabelSelector }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector?: LabelSelector }
  | { kind: 'ip'; cidr: Cidr; except: Cidr[]; text: string };

export interface PortMatcher {
  protocol: Protocol;
  /** undefined: every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface Rule {
  /** null: every peer. */
  peers: PeerMatcher[] | null;
  /** null: every port and protocol. */
  ports: PortMatcher[] | null;
}

export interface CompiledPolicy {
  id: PolicyId;
  namespace: string;
  podSelector: LabelSelector;
  ingress?: Rule[];
  egress?: Rule[];
}

export interface CompiledPolicies {
  byNamespace: Map<string, CompiledPolicy[]>;
  count: number;
}

export function compilePolicies(objs: readonly KObject[]): CompiledPolicies {
  const byNamespace = new Map<string, CompiledPolicy[]>();
  let count = 0;
  for (const o of objs) {
    const p = compilePolicy(o);
    const list = byNamespace.get(p.namespace) ?? [];
    list.push(p);
    byNamespace.set(p.namespace, list);
    count++;
  }
  return { byNamespace, count };
}

export function compilePolicy(o: KObject): CompiledPolicy {
  const ns = o.metadata.namespace ?? 'default';
  const spec = o.spec ?? {};
  // SetDefaults_NetworkPolicy: an empty list counts as unset, and `egress: []` adds no Egress.
  const types: string[] = spec.policyTypes?.length ? spec.policyTypes : spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
  const p: CompiledPolicy = { id: `${ns}/${o.metadata.name}`, namespace: ns, podSelector: spec.podSelector ?? {} };
  if (types.includes('Ingress')) p.ingress = ((spec.ingress ?? []) as any[]).map((r) => compileRule(r?.from, r?.ports));
  if (types.includes('Egress')) p.egress = ((spec.egress ?? []) as any[]).map((r) => compileRule(r?.to, r?.ports));
  return p;
}

/**
 * A label selector match without allocation (this runs once per cell of a
 * reachability table); same semantics as api/object.ts matchesLabelSelector.
 */
function matchesLabelSelector(labels: Record<string, string>, sel: LabelSelector | undefined): boolean {
  if (!sel) return true;
  const ml = sel.matchLabels;
  if (ml) for (const k in ml) if (labels[k] !== ml[k]) return false;
  if (sel.matchExpressions && sel.matchExpressions.length > 0) return matchesSlow(labels, { matchExpressions: sel.matchExpressions });
  return true;
}

function compileRule(peers: any[] | undefined, ports: any[] | undefined): Rule {
  return {
    peers: peers && peers.length > 0 ? peers.flatMap(compilePeer) : null,
    ports: ports && ports.length > 0 ? ports.map(compilePort) : null,
  };
}

function compilePeer(peer: any): PeerMatcher[] {
  if (!peer || typeof peer !== 'object') return [];
  if (peer.ipBlock) {
    const cidr = parseCidr(String(peer.ipBlock.cidr ?? ''));
    if (!cidr) return []; // admission rejects these; a stray one matches nothing
    const except = ((peer.ipBlock.except ?? []) as string[]).map((e) => parseCidr(e)).filter((c): c is Cidr => !!c);
    return [{ kind: 'ip', cidr, except, text: peer.ipBlock.cidr }];
  }
  if (peer.namespaceSelector) return [{ kind: 'pods', namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector }];
  if (peer.podSelector) return [{ kind: 'pods', namespace: 'same', podSelector: peer.podSelector }];
  return [];
}

function compilePort(p: any): PortMatcher {
  return { protocol: (p?.protocol as Protocol | undefined) ?? 'TCP', port: p?.port, endPort: p?.endPort };
}

/** The other end of a connection, as a policy sees it. */
export interface PolicyPeer {
  ip: string;
  /** Set when the address is a pod's. */
  pod?: { namespace: string; labels: Record<string, string>; namespaceLabels: Record<string, string> };
}

/** A pod's named container ports (a Map, or a view that reads them only when a policy names a port). */
export interface NamedPorts {
  get(name: string): { port: number; protocol: Protocol } | undefined;
}

export interface Traffic {
  /** The other side (the source for ingress, the destination for egress). */
  peer: PolicyPeer;
  port: number;
  protocol: Protocol;
  /** Named ports of the destination pod: name → [port, protocol]. */
  destNamedPorts: NamedPorts;
}

export interface DirectionResult {
  allowed: boolean;
  /** Policies that select the subject pod for this direction. Empty → open. */
  selectedBy: PolicyId[];
  /** Policies with a rule allowing the traffic. */
  allowedBy: PolicyId[];
}

/** Policies of `namespace` that select a pod with `labels`, split by direction. */
export function selectingPolicies(all: CompiledPolicies, namespace: string, labels: Record<string, string>): { ingress: CompiledPolicy[]; egress: CompiledPolicy[] } {
  const ingress: CompiledPolicy[] = [];
  const egress: CompiledPolicy[] = [];
  for (const p of all.byNamespace.get(namespace) ?? []) {
    if (!matchesLabelSelector(labels, p.podSelector)) continue;
    if (p.ingress) ingress.push(p);
    if (p.egress) egress.push(p);
  }
  return { ingress, egress };
}

/** Judge one direction for one subject pod, given the policies that select it. */
export function evaluate(policies: readonly CompiledPolicy[], direction: Direction, t: Traffic): DirectionResult {
  if (policies.length === 0) return { allowed: true, selectedBy: [], allowedBy: [] };
  const allowedBy: PolicyId[] = [];
  for (const p of policies) {
    const rules = (direction === 'ingress' ? p.ingress : p.egress) ?? [];
    for (const r of rules) {
      if (ruleAllows(r, p.namespace, t)) {
        allowedBy.push(p.id);
        break;
      }
    }
  }
  return { allowed: allowedBy.length > 0, selectedBy: policies.map((p) => p.id), allowedBy };
}

function ruleAllows(r: Rule, policyNs: string, t: Traffic): boolean {
  if (r.ports && !r.ports.some((pm) => portMatches(pm, t))) return false;
  if (r.peers === null) return true;
  return r.peers.some((pm) => peerMatches(pm, policyNs, t.peer));
}

export function portMatches(pm: PortMatcher, t: Pick<Traffic, 'port' | 'protocol' | 'destNamedPorts'>): boolean {
  if (pm.protocol !== t.protocol) return false;
  if (pm.port === undefined) return true;
  if (typeof pm.port === 'string' && !/^\d+$/.test(pm.port)) {
    const named = t.destNamedPorts.get(pm.port);
    return !!named && named.port === t.port && named.protocol === t.protocol;
  }
  const start = Number(pm.port);
  const end = pm.endPort ?? start;
  return t.port >= start && t.port <= end;
}

export function peerMatches(pm: PeerMatcher, policyNs: string, peer: PolicyPeer): boolean {
  if (pm.kind === 'ip') {
    const ip = parseIpv4(peer.ip);
    if (ip === undefined || !cidrContains(pm.cidr, ip)) return false;
    return !pm.except.some((e) => cidrContains(e, ip));
  }
  if (!peer.pod) return false;
  if ('namespace' in pm) {
    return peer.pod.namespace === policyNs && matchesLabelSelector(peer.pod.labels, pm.podSelector);
  }
  if (!matchesLabelSelector(peer.pod.namespaceLabels, pm.namespaceSelector)) return false;
  return pm.podSelector === undefined || matchesLabelSelector(peer.pod.labels, pm.podSelector);
}
