/**
 * Where a connection starts: the sending peer's address, node and pod, or
 * why it cannot send at all.
 */
import type { NetState, NodeInfo, PodInfo } from './state.ts';
import type { Reason } from './explain.ts';
import type { Peer } from './types.ts';

export interface Source {
  ip: string;
  node?: NodeInfo;
  pod?: PodInfo;
  /** A host outside the cluster (the terminal, the world). */
  external: boolean;
  /** `y/a`, `node master`, `192.168.164.1`: how messages name it. */
  label: string;
}

export function resolveSource(state: NetState, from: Peer): Source | Reason {
  switch (from.kind) {
    case 'external':
      return { ip: from.ip, external: true, label: from.ip };
    case 'node': {
      const node = state.nodesByName.get(from.name);
      if (!node) return { kind: 'source-unknown', peer: `node ${from.name}` };
      return { ip: node.ip, node, external: false, label: `node ${node.name}` };
    }
    case 'pod': {
      const pod = state.pod(from.namespace, from.name);
      if (!pod) return { kind: 'source-unknown', peer: `pod ${from.namespace}/${from.name}` };
      // The CNI wires a pod's network when its sandbox starts, before its
      // containers run: a Pending pod that has an IP (its main process is
      // starting, e.g. `kubectl run … -- curl …`) can already send.
      const wired = pod.phase === 'Running' || (pod.phase === 'Pending' && !!pod.ip);
      if (!wired) return { kind: 'source-not-running', pod: `${pod.namespace}/${pod.name}`, phase: pod.phase };
      const node = pod.nodeInfo;
      if (pod.hostNetwork && node) return { ip: node.ip, node, pod, external: false, label: `${pod.namespace}/${pod.name}` };
      return { ip: pod.ip, node, pod, external: false, label: `${pod.namespace}/${pod.name}` };
    }
  }
}

export function isSource(x: Source | Reason): x is Source {
  return !('kind' in x);
}
