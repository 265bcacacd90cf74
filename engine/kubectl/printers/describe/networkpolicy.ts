/**
 * `kubectl describe networkpolicy`: ports of describeNetworkPolicy,
 * describeNetworkPolicySpec, printNetworkPolicySpecIngressFrom / EgressTo and
 * policyTypesToString in kubectl pkg/describe/describe.go (v0.33). kubectl
 * fetches no events for NetworkPolicies.
 */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1.js';
import type { KObject, LabelSelector } from '../../../api/object.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printLabelsMultiline, tabbedString, type PrefixWriter } from './writer.ts';
import { goTimeString, intOrString, str } from './fields.ts';
import { formatLabelSelector } from '../tables/common.ts';

const sel = (s: unknown) => formatLabelSelector(s as LabelSelector);

export function describeNetworkPolicy(obj: KObject): string {
  const np = obj as unknown as NetworkPolicy;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(np.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(np.metadata?.namespace)}\n`);
    // `%s` of a metav1.Time: time.Time.String().
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata?.annotations);
    describeSpec(np.spec ?? { podSelector: {} }, w);
  });
}

function describeSpec(spec: NonNullable<NetworkPolicy['spec']>, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Spec:\n');
  // kubectl writes the value at LEVEL_2, so its indent lands mid-line.
  w.write(LEVEL_1, 'PodSelector: ');
  const ps = spec.podSelector ?? {};
  const empty = Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0;
  w.write(LEVEL_2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${sel(ps)}\n`);
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    printRules((spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })), 'ingress', w);
  } else {
    w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  }
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    printRules((spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })), 'egress', w);
  } else {
    w.write(LEVEL_1, 'Not affecting egress traffic\n');
  }
  // policyTypesToString: joined by ", ", `<none>` when empty.
  w.write(LEVEL_1, `Policy Types: ${spec.policyTypes && types.length > 0 ? types.join(', ') : '<none>'}\n`);
}

interface Rule { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }

/** The ingress and egress printers differ only in `From`/`To` and their wording. */
function printRules(rules: readonly Rule[], dir: 'ingress' | 'egress', w: PrefixWriter): void {
  const indent = '    ';
  const peerWord = dir === 'ingress' ? 'From' : 'To';
  if (rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${dir} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = rule.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      if (p.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${intOrString(p.port)}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${intOrString(p.port)}-${p.endPort}/${proto}\n`);
    }
    const peers = rule.peers ?? [];
    if (peers.length === 0) {
      w.write(LEVEL_0, `${indent}${peerWord}: <any> (traffic not restricted by ${dir === 'ingress' ? 'source' : 'destination'})\n`);
    }
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${peerWord}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
      } else if (peer.podSelector) {
        w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
      } else if (peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
      } else if (peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}
