/**
 * Why a connection failed, as data (Reason) and as one plain sentence
 * (explain). Every sentence the data plane says to a student lives here,
 * like a message catalogue; `code` is the stable key tests assert on.
 */
import type { Note } from '../shell/command.ts';
import type { Hop } from './types.ts';

export type Reason =
  | { kind: 'no-endpoints'; service: string; namespace: string; selector?: string; detail: string }
  | { kind: 'no-service-port'; service: string; ip: string; port: number; protocol: string; ports: string }
  | { kind: 'port-not-open'; pod: string; port: number; protocol: string; listening: string[]; targetPort?: string | number; service?: string }
  | { kind: 'policy-denied'; direction: 'ingress' | 'egress'; subject: string; policies: string[]; peer: string; port: number; protocol: string }
  | { kind: 'no-local-endpoint'; service: string; port: number; node: string; policy: 'externalTrafficPolicy' | 'internalTrafficPolicy'; via: 'nodePort' | 'loadBalancer' | 'clusterIP' }
  | { kind: 'not-routable-from-outside'; ip: string; what: string }
  | { kind: 'no-such-host'; ip: string; subnet: string }
  | { kind: 'no-route'; ip: string }
  | { kind: 'host-port-closed'; host: string; ip: string; port: number; protocol: string }
  | { kind: 'source-not-running'; pod: string; phase: string }
  | { kind: 'source-unknown'; peer: string }
  | { kind: 'world-port-closed'; host: string; ip: string; port: number }
  | { kind: 'name-not-resolved'; name: string; error: string };

export function explain(r: Reason): string {
  switch (r.kind) {
    case 'no-endpoints':
      return `service ${r.service} has no endpoints: ${r.detail}`;
    case 'no-service-port':
      return `${r.ip} is the ClusterIP of service ${r.service}, which has no port ${r.port}/${r.protocol} (its ports: ${r.ports}); kube-proxy has no rule for it, so the packet leaves for the default gateway and is dropped`;
    case 'port-not-open': {
      const on = r.listening.length > 0 ? `listens on ${r.listening.join(', ')}` : 'listens on no port';
      const what = r.targetPort !== undefined ? `targetPort ${r.targetPort}${r.service ? ` of service ${r.service}` : ''}` : `${r.port}/${r.protocol}`;
      return `pod ${r.pod} ${on}, not on ${what}: the connection is refused (TCP reset)`;
    }
    case 'policy-denied': {
      const pols = r.policies.length > 0 ? `NetworkPolicy ${r.policies.join(', NetworkPolicy ')}` : '';
      const who = r.direction === 'ingress' ? `ingress to ${r.subject}` : `egress from ${r.subject}`;
      const rule = r.direction === 'ingress' ? `no rule allows ${r.peer} on ${r.protocol} ${r.port}` : `no rule allows ${r.peer} on ${r.protocol} ${r.port}`;
      return `${who} is selected by ${pols}, and ${rule} (kube-router rejects it: ICMP port unreachable)`;
    }
    case 'no-local-endpoint':
      if (r.via === 'clusterIP') return `service ${r.service} has internalTrafficPolicy Local: node ${r.node} has no endpoint, so kube-proxy drops the packet`;
      return `${r.via === 'nodePort' ? 'nodePort' : 'load-balancer port'} ${r.port} answers on every node, but externalTrafficPolicy Local: ${r.node} has no endpoint, so kube-proxy drops the packet`;
    case 'not-routable-from-outside':
      return `${r.ip} is ${r.what}, reachable only inside the cluster: from outside, the packet goes to the default gateway and is dropped`;
    case 'no-such-host':
      return `no pod has the address ${r.ip} (in ${r.subnet}): nobody answers ARP, so the host is unreachable`;
    case 'no-route':
      return `nothing answers at ${r.ip}: it is no node, pod, Service or known outside host, so the packet is dropped`;
    case 'host-port-closed':
      return `node ${r.host} (${r.ip}) has nothing listening on ${r.port}/${r.protocol} (no NodePort or load-balancer port there): the connection is refused`;
    case 'source-not-running':
      return `pod ${r.pod} is ${r.phase}, not running: it has no network to send from`;
    case 'source-unknown':
      return `${r.peer} does not exist`;
    case 'world-port-closed':
      return `${r.host} (${r.ip}) answers nothing on port ${r.port}`;
    case 'name-not-resolved':
      return `the name ${r.name} does not resolve (${r.error})`;
  }
}

export function noteOf(r: Reason, hops?: Hop[]): Note {
  return hops ? { code: r.kind, message: explain(r), hops } : { code: r.kind, message: explain(r) };
}
