/**
 * The data plane's vocabulary: who sends (Peer), what happened (Verdict),
 * and the path a packet took (Hop). Everything in engine/network speaks it.
 */
import type { Note } from '../shell/command.ts';
import type { Reason } from './explain.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Who opens a connection: a pod, a node itself, or a host outside the cluster (the terminal). */
export type Peer =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string }
  | { kind: 'external'; ip: string };

/** The lab terminal: a host on the nodes' LAN. */
export const TERMINAL_PEER: Peer = { kind: 'external', ip: '192.168.164.1' };

export type HopKind =
  | 'pod' // a pod's network namespace (source or destination)
  | 'node' // a node's root network namespace
  | 'service' // kube-proxy rules for a ClusterIP
  | 'nodeport' // kube-proxy rules for a NodePort on a node
  | 'loadbalancer' // servicelb (svclb pod) + kube-proxy rules for an LB ingress IP
  | 'snat' // source NAT (masquerade)
  | 'flannel' // the VXLAN hop between nodes (flannel.1)
  | 'policy' // a NetworkPolicy check (kube-router)
  | 'gateway' // the LAN's default gateway
  | 'world'; // a host outside the cluster

export interface Hop {
  kind: HopKind;
  /** Where this hop sits: an address, `ip:port`, `ns/name`. */
  at: string;
  /** One phrase: "DNAT to 10.42.0.5:80 (pod default/web-1)". */
  detail: string;
}

export interface PodRef {
  namespace: string;
  name: string;
}

export type Failure = 'refused' | 'timeout' | 'unreachable';

export type Verdict =
  | {
      ok: true;
      hops: Hop[];
      /** Where the connection landed (after DNAT). */
      endpoint: { ip: string; port: number; pod?: PodRef; node?: string; host?: string };
      /** The source address the server sees (after SNAT, if any). */
      seenSource: string;
      /** Milliseconds the handshake took in the model (0 same node, 1 across nodes / the LAN). */
      ms: number;
    }
  | {
      ok: false;
      hops: Hop[];
      failure: Failure;
      reason: Note;
      /** The structured reason behind `reason` (for tests and the explainer). */
      cause: Reason;
      /** When the failure shows: 0/1 ms for a reject, undefined for a drop (the client's own timeout decides). */
      ms?: number;
    };
